package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vit_l_16}. Mirrors {@code torchvision.models.ViT_L_16_Weights}. */
public enum ViTL16Weights implements Weights {
    /** IMAGENET1K_V1: top-1 79.662%, top-5 94.638% on ImageNet-1K; crop 224, resize 242. */
    IMAGENET1K_V1(new WeightsMeta("vit_l_16-852ce7e3.pth", 1000, 224, 242, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 304326632L, 79.662, 94.638)),

    /** IMAGENET1K_SWAG_E2E_V1: top-1 88.064%, top-5 98.512% on ImageNet-1K; crop 512, resize 512, bicubic. */
    IMAGENET1K_SWAG_E2E_V1(new WeightsMeta("vit_l_16_swag-4f3808c9.pth", 1000, 512, 512, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 305174504L, 88.064, 98.512)),

    /** IMAGENET1K_SWAG_LINEAR_V1: top-1 85.146%, top-5 97.422% on ImageNet-1K; crop 224, resize 224, bicubic. */
    IMAGENET1K_SWAG_LINEAR_V1(new WeightsMeta("vit_l_16_lc_swag-4d563306.pth", 1000, 224, 224, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, true, 304326632L, 85.146, 97.422));

    /** The best of these weights; mirrors {@code ViT_L_16_Weights.DEFAULT}. */
    public static final ViTL16Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ViTL16Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
