package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code convnext_small}. Mirrors {@code torchvision.models.ConvNeXt_Small_Weights}. */
public enum ConvNeXtSmallWeights implements Weights {
    /** IMAGENET1K_V1: top-1 83.616%, top-5 96.65% on ImageNet-1K; crop 224, resize 230. */
    IMAGENET1K_V1(new WeightsMeta("convnext_small-0c510722.pth", 1000, 224, 230, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 50223688L, 83.616, 96.65));

    /** The best of these weights; mirrors {@code ConvNeXt_Small_Weights.DEFAULT}. */
    public static final ConvNeXtSmallWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ConvNeXtSmallWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
