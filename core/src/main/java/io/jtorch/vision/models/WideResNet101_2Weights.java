package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code wide_resnet101_2}. Mirrors {@code torchvision.models.Wide_ResNet101_2_Weights}. */
public enum WideResNet101_2Weights implements Weights {
    /** IMAGENET1K_V1: top-1 78.848%, top-5 94.284% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("wide_resnet101_2-32ee1156.pth", 256, 126886696, 78.848, 94.284)),

    /** IMAGENET1K_V2: top-1 82.51%, top-5 96.02% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("wide_resnet101_2-d733dc28.pth", 232, 126886696, 82.51, 96.02));

    /** The best of these weights; mirrors {@code Wide_ResNet101_2_Weights.DEFAULT}. */
    public static final WideResNet101_2Weights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    WideResNet101_2Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
