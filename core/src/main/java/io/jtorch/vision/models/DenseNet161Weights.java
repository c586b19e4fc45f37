package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code densenet161}. Mirrors {@code torchvision.models.DenseNet161_Weights}. */
public enum DenseNet161Weights implements Weights {
    /** IMAGENET1K_V1: top-1 77.138%, top-5 93.56% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("densenet161-8d451a50.pth", 256, 28681000, 77.138, 93.56));

    /** The best of these weights; mirrors {@code DenseNet161_Weights.DEFAULT}. */
    public static final DenseNet161Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    DenseNet161Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
