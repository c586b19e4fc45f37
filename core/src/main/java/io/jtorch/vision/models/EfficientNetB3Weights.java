package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b3}. Mirrors {@code torchvision.models.EfficientNet_B3_Weights}. */
public enum EfficientNetB3Weights implements Weights {
    /** IMAGENET1K_V1: top-1 82.008%, top-5 96.054% on ImageNet-1K; crop 300, resize 320, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b3_rwightman-cf984f9c.pth", 1000, 300, 320, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 12233232L, 82.008, 96.054));

    /** The best of these weights; mirrors {@code EfficientNet_B3_Weights.DEFAULT}. */
    public static final EfficientNetB3Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB3Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
