package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b2}. Mirrors {@code torchvision.models.EfficientNet_B2_Weights}. */
public enum EfficientNetB2Weights implements Weights {
    /** IMAGENET1K_V1: top-1 80.608%, top-5 95.31% on ImageNet-1K; crop 288, resize 288, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b2_rwightman-bcdf34b7.pth", 1000, 288, 288, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 9109994L, 80.608, 95.31));

    /** The best of these weights; mirrors {@code EfficientNet_B2_Weights.DEFAULT}. */
    public static final EfficientNetB2Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB2Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
