package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vit_b_16}. Mirrors {@code torchvision.models.ViT_B_16_Weights}. */
public enum ViTB16Weights implements Weights {
    /** IMAGENET1K_V1: top-1 81.072%, top-5 95.318% on ImageNet-1K; crop 224, resize 256. */
    IMAGENET1K_V1(new WeightsMeta("vit_b_16-c867db91.pth", 1000, 224, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 86567656L, 81.072, 95.318)),

    /** IMAGENET1K_SWAG_E2E_V1: top-1 85.304%, top-5 97.65% on ImageNet-1K; crop 384, resize 384, bicubic. */
    IMAGENET1K_SWAG_E2E_V1(new WeightsMeta("vit_b_16_swag-9ac1b537.pth", 1000, 384, 384, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 86859496L, 85.304, 97.65)),

    /** IMAGENET1K_SWAG_LINEAR_V1: top-1 81.886%, top-5 96.18% on ImageNet-1K; crop 224, resize 224, bicubic. */
    IMAGENET1K_SWAG_LINEAR_V1(new WeightsMeta("vit_b_16_lc_swag-4e70ced5.pth", 1000, 224, 224, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 86567656L, 81.886, 96.18));

    /** The best of these weights; mirrors {@code ViT_B_16_Weights.DEFAULT}. */
    public static final ViTB16Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ViTB16Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
