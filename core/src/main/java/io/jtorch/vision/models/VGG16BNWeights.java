package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg16_bn}. Mirrors {@code torchvision.models.VGG16_BN_Weights}. */
public enum VGG16BNWeights implements Weights {
    /** IMAGENET1K_V1: top-1 73.36%, top-5 91.516% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg16_bn-6c64b313.pth", 256, 138365992, 73.36, 91.516));

    /** The best of these weights; mirrors {@code VGG16_BN_Weights.DEFAULT}. */
    public static final VGG16BNWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG16BNWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
