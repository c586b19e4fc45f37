package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnet152}. Mirrors {@code torchvision.models.ResNet152_Weights}. */
public enum ResNet152Weights implements Weights {
    /** IMAGENET1K_V1: top-1 78.312%, top-5 94.046% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnet152-394f9c45.pth", 256, 60192808, 78.312, 94.046)),

    /** IMAGENET1K_V2: top-1 82.284%, top-5 96.002% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("resnet152-f82ba261.pth", 232, 60192808, 82.284, 96.002));

    /** The best of these weights; mirrors {@code ResNet152_Weights.DEFAULT}. */
    public static final ResNet152Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    ResNet152Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
