package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code efficientnet_v2_s}. Mirrors {@code torchvision.models.EfficientNet_V2_S_Weights}. */
public enum EfficientNetV2SWeights implements Weights {
    /** IMAGENET1K_V1: top-1 84.228%, top-5 96.878% on ImageNet-1K; crop 384, resize 384. */
    IMAGENET1K_V1(new WeightsMeta("efficientnet_v2_s-dd5fe13b.pth", 1000, 384, 384, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 21458488L, 84.228, 96.878));

    /** The best of these weights; mirrors {@code EfficientNet_V2_S_Weights.DEFAULT}. */
    public static final EfficientNetV2SWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    EfficientNetV2SWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
