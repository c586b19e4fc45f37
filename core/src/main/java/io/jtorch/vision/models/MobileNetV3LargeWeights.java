package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code mobilenet_v3_large}. Mirrors {@code torchvision.models.MobileNet_V3_Large_Weights}. */
public enum MobileNetV3LargeWeights implements Weights {
    /** IMAGENET1K_V1: top-1 74.042%, top-5 91.34% on ImageNet-1K; crop 224, resize 256. */
    IMAGENET1K_V1(new WeightsMeta("mobilenet_v3_large-8738ca79.pth", 1000, 224, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 5483032L, 74.042, 91.34)),

    /** IMAGENET1K_V2: top-1 75.274%, top-5 92.566% on ImageNet-1K; crop 224, resize 232. */
    IMAGENET1K_V2(new WeightsMeta("mobilenet_v3_large-5c1a4163.pth", 1000, 224, 232, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 5483032L, 75.274, 92.566));

    /** The best of these weights; mirrors {@code MobileNet_V3_Large_Weights.DEFAULT}. */
    public static final MobileNetV3LargeWeights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    MobileNetV3LargeWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
