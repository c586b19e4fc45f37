package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vit_b_32}. Mirrors {@code torchvision.models.ViT_B_32_Weights}. */
public enum ViTB32Weights implements Weights {
    /** IMAGENET1K_V1: top-1 75.912%, top-5 92.466% on ImageNet-1K; crop 224, resize 256. */
    IMAGENET1K_V1(new WeightsMeta("vit_b_32-d86f8d99.pth", 1000, 224, 256, WeightsMeta.IMAGENET_MEAN, WeightsMeta.IMAGENET_STD, false, 88224232L, 75.912, 92.466));

    /** The best of these weights; mirrors {@code ViT_B_32_Weights.DEFAULT}. */
    public static final ViTB32Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    ViTB32Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
