package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b6}. Mirrors {@code torchvision.models.EfficientNet_B6_Weights}. */
public enum EfficientNetB6Weights implements Weights {
    /** IMAGENET1K_V1: top-1 84.008%, top-5 96.916% on ImageNet-1K; crop 528, resize 528, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b6_lukemelas-c76e70fd.pth", 1000, 528, 528, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 43040704L, 84.008, 96.916));

    /** The best of these weights; mirrors {@code EfficientNet_B6_Weights.DEFAULT}. */
    public static final EfficientNetB6Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB6Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
