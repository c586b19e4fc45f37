package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code resnext50_32x4d}. Mirrors {@code torchvision.models.ResNeXt50_32X4D_Weights}. */
public enum ResNeXt50_32X4DWeights implements Weights {
    /** IMAGENET1K_V1: top-1 77.618%, top-5 93.698% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("resnext50_32x4d-7cdf4587.pth", 256, 25028904, 77.618, 93.698)),

    /** IMAGENET1K_V2: top-1 81.198%, top-5 95.34% on ImageNet-1K. */
    IMAGENET1K_V2(WeightsMeta.imagenet1k("resnext50_32x4d-1a0047aa.pth", 232, 25028904, 81.198, 95.34));

    /** The best of these weights; mirrors {@code ResNeXt50_32X4D_Weights.DEFAULT}. */
    public static final ResNeXt50_32X4DWeights DEFAULT = IMAGENET1K_V2;

    private final WeightsMeta meta;

    ResNeXt50_32X4DWeights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
