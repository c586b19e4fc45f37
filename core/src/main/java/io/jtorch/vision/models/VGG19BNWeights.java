package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg19_bn}. Mirrors {@code torchvision.models.VGG19_BN_Weights}. */
public enum VGG19BNWeights implements Weights {
    /** IMAGENET1K_V1: top-1 74.218%, top-5 91.842% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg19_bn-c79401a0.pth", 256, 143678248, 74.218, 91.842));

    /** The best of these weights; mirrors {@code VGG19_BN_Weights.DEFAULT}. */
    public static final VGG19BNWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG19BNWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
