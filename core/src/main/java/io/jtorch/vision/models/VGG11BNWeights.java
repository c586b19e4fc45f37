package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg11_bn}. Mirrors {@code torchvision.models.VGG11_BN_Weights}. */
public enum VGG11BNWeights implements Weights {
    /** IMAGENET1K_V1: top-1 70.37%, top-5 89.81% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg11_bn-6002323d.pth", 256, 132868840, 70.37, 89.81));

    /** The best of these weights; mirrors {@code VGG11_BN_Weights.DEFAULT}. */
    public static final VGG11BNWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG11BNWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
