package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code convnext_base}. Mirrors {@code torchvision.models.ConvNeXt_Base_Weights}. */
public enum ConvNeXtBaseWeights implements Weights {
    /** IMAGENET1K_V1: top-1 84.062%, top-5 96.87% on ImageNet-1K; crop 224, resize 232. */
    IMAGENET1K_V1(new WeightsMeta("convnext_base-6075fbad.pth", 1000, 224, 232, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 88591464L, 84.062, 96.87));

    /** The best of these weights; mirrors {@code ConvNeXt_Base_Weights.DEFAULT}. */
    public static final ConvNeXtBaseWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ConvNeXtBaseWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
