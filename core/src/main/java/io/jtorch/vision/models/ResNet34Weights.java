package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnet34}. Mirrors {@code torchvision.models.ResNet34_Weights}. */
public enum ResNet34Weights implements Weights {
    /** IMAGENET1K_V1: top-1 73.314%, top-5 91.42% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnet34-b627a593.pth", 256, 21797672, 73.314, 91.42));

    /** The best of these weights; mirrors {@code ResNet34_Weights.DEFAULT}. */
    public static final ResNet34Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ResNet34Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
