package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg11}. Mirrors {@code torchvision.models.VGG11_Weights}. */
public enum VGG11Weights implements Weights {
    /** IMAGENET1K_V1: top-1 69.02%, top-5 88.628% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg11-8a719046.pth", 256, 132863336, 69.02, 88.628));

    /** The best of these weights; mirrors {@code VGG11_Weights.DEFAULT}. */
    public static final VGG11Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG11Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
