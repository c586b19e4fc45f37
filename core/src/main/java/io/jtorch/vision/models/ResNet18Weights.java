package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnet18}. Mirrors {@code torchvision.models.ResNet18_Weights}. */
public enum ResNet18Weights implements Weights {
    /** IMAGENET1K_V1: top-1 69.758%, top-5 89.078% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnet18-f37072fd.pth", 256, 11689512, 69.758, 89.078));

    /** The best of these weights; mirrors {@code ResNet18_Weights.DEFAULT}. */
    public static final ResNet18Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ResNet18Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
