package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_b4}. Mirrors {@code torchvision.models.EfficientNet_B4_Weights}. */
public enum EfficientNetB4Weights implements Weights {
    /** IMAGENET1K_V1: top-1 83.384%, top-5 96.594% on ImageNet-1K; crop 380, resize 384, bicubic. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_b4_rwightman-7eb33cd5.pth", 1000, 380, 384, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 19341616L, 83.384, 96.594));

    /** The best of these weights; mirrors {@code EfficientNet_B4_Weights.DEFAULT}. */
    public static final EfficientNetB4Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetB4Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
