package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b7}. Mirrors {@code torchvision.models.EfficientNet_B7_Weights}. */
public enum EfficientNetB7Weights implements Weights {
    /** IMAGENET1K_V1: top-1 84.122%, top-5 96.908% on ImageNet-1K; crop 600, resize 600, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b7_lukemelas-dcc49843.pth", 1000, 600, 600, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 66347960L, 84.122, 96.908));

    /** The best of these weights; mirrors {@code EfficientNet_B7_Weights.DEFAULT}. */
    public static final EfficientNetB7Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB7Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
