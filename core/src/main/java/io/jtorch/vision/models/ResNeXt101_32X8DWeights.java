package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnext101_32x8d}. Mirrors {@code torchvision.models.ResNeXt101_32X8D_Weights}. */
public enum ResNeXt101_32X8DWeights implements Weights {
    /** IMAGENET1K_V1: top-1 79.312%, top-5 94.526% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnext101_32x8d-8ba56ff5.pth", 256, 88791336, 79.312, 94.526)),

    /** IMAGENET1K_V2: top-1 82.834%, top-5 96.228% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("resnext101_32x8d-110c445d.pth", 232, 88791336, 82.834, 96.228));

    /** The best of these weights; mirrors {@code ResNeXt101_32X8D_Weights.DEFAULT}. */
    public static final ResNeXt101_32X8DWeights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    ResNeXt101_32X8DWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
