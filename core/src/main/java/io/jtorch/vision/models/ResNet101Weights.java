package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnet101}. Mirrors {@code torchvision.models.ResNet101_Weights}. */
public enum ResNet101Weights implements Weights {
    /** IMAGENET1K_V1: top-1 77.374%, top-5 93.546% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnet101-63fe2227.pth", 256, 44549160, 77.374, 93.546)),

    /** IMAGENET1K_V2: top-1 81.886%, top-5 95.78% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("resnet101-cd907fc2.pth", 232, 44549160, 81.886, 95.78));

    /** The best of these weights; mirrors {@code ResNet101_Weights.DEFAULT}. */
    public static final ResNet101Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    ResNet101Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
