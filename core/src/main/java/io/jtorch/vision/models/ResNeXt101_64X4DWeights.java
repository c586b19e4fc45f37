package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnext101_64x4d}. Mirrors {@code torchvision.models.ResNeXt101_64X4D_Weights}. */
public enum ResNeXt101_64X4DWeights implements Weights {
    /** IMAGENET1K_V1: top-1 83.246%, top-5 96.454% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnext101_64x4d-173b62eb.pth", 232, 83455272, 83.246, 96.454));

    /** The best of these weights; mirrors {@code ResNeXt101_64X4D_Weights.DEFAULT}. */
    public static final ResNeXt101_64X4DWeights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ResNeXt101_64X4DWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
