package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg13_bn}. Mirrors {@code torchvision.models.VGG13_BN_Weights}. */
public enum VGG13BNWeights implements Weights {
    /** IMAGENET1K_V1: top-1 71.586%, top-5 90.374% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg13_bn-abd245e5.pth", 256, 133053736, 71.586, 90.374));

    /** The best of these weights; mirrors {@code VGG13_BN_Weights.DEFAULT}. */
    public static final VGG13BNWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG13BNWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
