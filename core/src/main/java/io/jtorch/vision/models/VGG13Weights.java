package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg13}. Mirrors {@code torchvision.models.VGG13_Weights}. */
public enum VGG13Weights implements Weights {
    /** IMAGENET1K_V1: top-1 69.928%, top-5 89.246% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg13-19584684.pth", 256, 133047848, 69.928, 89.246));

    /** The best of these weights; mirrors {@code VGG13_Weights.DEFAULT}. */
    public static final VGG13Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG13Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
