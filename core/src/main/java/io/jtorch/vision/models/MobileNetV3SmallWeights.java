package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code mobilenet_v3_small}. Mirrors {@code torchvision.models.MobileNet_V3_Small_Weights}. */
public enum MobileNetV3SmallWeights implements Weights {
    /** IMAGENET1K_V1: top-1 67.668%, top-5 87.402% on ImageNet-1K; crop 224, resize 256. */
    IMAGENET1K_V1(new WeightsMeta("mobilenet_v3_small-047dcff4.pth", 1000, 224, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 2542856L, 67.668, 87.402));

    /** The best of these weights; mirrors {@code MobileNet_V3_Small_Weights.DEFAULT}. */
    public static final MobileNetV3SmallWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    MobileNetV3SmallWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
