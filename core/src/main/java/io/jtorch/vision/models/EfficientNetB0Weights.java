package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b0}. Mirrors {@code torchvision.models.EfficientNet_B0_Weights}. */
public enum EfficientNetB0Weights implements Weights {
    /** IMAGENET1K_V1: top-1 77.692%, top-5 93.532% on ImageNet-1K; crop 224, resize 256, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b0_rwightman-3dd342df.pth", 1000, 224, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 5288548L, 77.692, 93.532));

    /** The best of these weights; mirrors {@code EfficientNet_B0_Weights.DEFAULT}. */
    public static final EfficientNetB0Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB0Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
