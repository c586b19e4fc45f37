package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code densenet169}. Mirrors {@code torchvision.models.DenseNet169_Weights}. */
public enum DenseNet169Weights implements Weights {
    /** IMAGENET1K_V1: top-1 75.6%, top-5 92.806% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("densenet169-b2777c0a.pth", 256, 14149480, 75.6, 92.806));

    /** The best of these weights; mirrors {@code DenseNet169_Weights.DEFAULT}. */
    public static final DenseNet169Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    DenseNet169Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
