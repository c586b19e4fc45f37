package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnet50}. Mirrors {@code torchvision.models.ResNet50_Weights}. */
public enum ResNet50Weights implements Weights {
    /** IMAGENET1K_V1: top-1 76.13%, top-5 92.862% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnet50-0676ba61.pth", 256, 25557032, 76.13, 92.862)),

    /** IMAGENET1K_V2: top-1 80.858%, top-5 95.434% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("resnet50-11ad3fa6.pth", 232, 25557032, 80.858, 95.434));

    /** The best of these weights; mirrors {@code ResNet50_Weights.DEFAULT}. */
    public static final ResNet50Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    ResNet50Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
