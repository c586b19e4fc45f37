package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code convnext_large}. Mirrors {@code torchvision.models.ConvNeXt_Large_Weights}. */
public enum ConvNeXtLargeWeights implements Weights {
    /** IMAGENET1K_V1: top-1 84.414%, top-5 96.976% on ImageNet-1K; crop 224, resize 232. */
    IMAGENET1K_V1(new WeightsMeta("convnext_large-ea097f82.pth", 1000, 224, 232, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 197767336L, 84.414, 96.976));

    /** The best of these weights; mirrors {@code ConvNeXt_Large_Weights.DEFAULT}. */
    public static final ConvNeXtLargeWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ConvNeXtLargeWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
