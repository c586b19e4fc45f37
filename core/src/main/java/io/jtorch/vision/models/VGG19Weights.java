package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg19}. Mirrors {@code torchvision.models.VGG19_Weights}. */
public enum VGG19Weights implements Weights {
    /** IMAGENET1K_V1: top-1 72.376%, top-5 90.876% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg19-dcbb9e9d.pth", 256, 143667240, 72.376, 90.876));

    /** The best of these weights; mirrors {@code VGG19_Weights.DEFAULT}. */
    public static final VGG19Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG19Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
