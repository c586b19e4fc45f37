package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b1}. Mirrors {@code torchvision.models.EfficientNet_B1_Weights}. */
public enum EfficientNetB1Weights implements Weights {
    /** IMAGENET1K_V1: top-1 78.642%, top-5 94.186% on ImageNet-1K; crop 240, resize 256, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b1_rwightman-533bc792.pth", 1000, 240, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 7794184L, 78.642, 94.186)),

    /** IMAGENET1K_V2: top-1 79.838%, top-5 94.934% on ImageNet-1K; crop 240, resize 255. */
    IMAGENET1K_V2(new WeightsMeta("efficientnet_b1-c27df63c.pth", 1000, 240, 255, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 7794184L, 79.838, 94.934));

    /** The best of these weights; mirrors {@code EfficientNet_B1_Weights.DEFAULT}. */
    public static final EfficientNetB1Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    EfficientNetB1Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
