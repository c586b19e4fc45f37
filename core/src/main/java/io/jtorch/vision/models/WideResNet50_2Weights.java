package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code wide_resnet50_2}. Mirrors {@code torchvision.models.Wide_ResNet50_2_Weights}. */
public enum WideResNet50_2Weights implements Weights {
    /** IMAGENET1K_V1: top-1 78.468%, top-5 94.086% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("wide_resnet50_2-95faca4d.pth", 256, 68883240, 78.468, 94.086)),

    /** IMAGENET1K_V2: top-1 81.602%, top-5 95.758% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("wide_resnet50_2-9ba9bcbe.pth", 232, 68883240, 81.602, 95.758));

    /** The best of these weights; mirrors {@code Wide_ResNet50_2_Weights.DEFAULT}. */
    public static final WideResNet50_2Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    WideResNet50_2Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
