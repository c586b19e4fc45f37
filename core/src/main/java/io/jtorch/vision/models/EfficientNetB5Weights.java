package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b5}. Mirrors {@code torchvision.models.EfficientNet_B5_Weights}. */
public enum EfficientNetB5Weights implements Weights {
    /** IMAGENET1K_V1: top-1 83.444%, top-5 96.628% on ImageNet-1K; crop 456, resize 456, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b5_lukemelas-b6417697.pth", 1000, 456, 456, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 30389784L, 83.444, 96.628));

    /** The best of these weights; mirrors {@code EfficientNet_B5_Weights.DEFAULT}. */
    public static final EfficientNetB5Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB5Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
