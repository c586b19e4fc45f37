package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code convnext_tiny}. Mirrors {@code torchvision.models.ConvNeXt_Tiny_Weights}. */
public enum ConvNeXtTinyWeights implements Weights {
    /** IMAGENET1K_V1: top-1 82.52%, top-5 96.146% on ImageNet-1K; crop 224, resize 236. */
    IMAGENET1K_V1(new WeightsMeta("convnext_tiny-983f1562.pth", 1000, 224, 236, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 28589128L, 82.52, 96.146));

    /** The best of these weights; mirrors {@code ConvNeXt_Tiny_Weights.DEFAULT}. */
    public static final ConvNeXtTinyWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ConvNeXtTinyWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
