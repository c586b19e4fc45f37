package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code densenet121}. Mirrors {@code torchvision.models.DenseNet121_Weights}. */
public enum DenseNet121Weights implements Weights {
    /** IMAGENET1K_V1: top-1 74.434%, top-5 91.972% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("densenet121-a639ec97.pth", 256, 7978856, 74.434, 91.972));

    /** The best of these weights; mirrors {@code DenseNet121_Weights.DEFAULT}. */
    public static final DenseNet121Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    DenseNet121Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
