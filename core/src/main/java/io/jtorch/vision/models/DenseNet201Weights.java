package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code densenet201}. Mirrors {@code torchvision.models.DenseNet201_Weights}. */
public enum DenseNet201Weights implements Weights {
    /** IMAGENET1K_V1: top-1 76.896%, top-5 93.37% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("densenet201-c1103571.pth", 256, 20013928, 76.896, 93.37));

    /** The best of these weights; mirrors {@code DenseNet201_Weights.DEFAULT}. */
    public static final DenseNet201Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    DenseNet201Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
