package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code mobilenet_v2}. Mirrors {@code torchvision.models.MobileNet_V2_Weights}. */
public enum MobileNetV2Weights implements Weights {
    /** IMAGENET1K_V1: top-1 71.878%, top-5 90.286% on ImageNet-1K; crop 224, resize 256. */
    IMAGENET1K_V1(new WeightsMeta("mobilenet_v2-b0353104.pth", 1000, 224, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 3504872L, 71.878, 90.286)),

    /** IMAGENET1K_V2: top-1 72.154%, top-5 90.822% on ImageNet-1K; crop 224, resize 232. */
    IMAGENET1K_V2(new WeightsMeta("mobilenet_v2-7ebf99e0.pth", 1000, 224, 232, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 3504872L, 72.154, 90.822));

    /** The best of these weights; mirrors {@code MobileNet_V2_Weights.DEFAULT}. */
    public static final MobileNetV2Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    MobileNetV2Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
