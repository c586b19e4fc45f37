package io.jtorch.vision.models;

/** The pretrained weights of torchvision's {@code vgg16}. Mirrors {@code torchvision.models.VGG16_Weights}. */
public enum VGG16Weights implements Weights {
    /** IMAGENET1K_V1: top-1 71.592%, top-5 90.382% on ImageNet-1K. */
    IMAGENET1K_V1(WeightsMeta.imagenet1k("vgg16-397923af.pth", 256, 138357544, 71.592, 90.382)),

    /**
     * The convolutional features of the SSD port (amdegroot/ssd.pytorch), for feature extraction only:
     * the classifier's values in the file are not trained ({@code meta["categories"]} is None), and
     * the preset keeps pixels in [0, 255] (std 1/255).
     */
    IMAGENET1K_FEATURES(new WeightsMeta("vgg16_features-amdegroot-88682ab5.pth", 1000, 224, 256, new float[] {0.48235f, 0.45882f, 0.40784f},
            new float[] {1 / 255f, 1 / 255f, 1 / 255f}, false, 138357544, Double.NaN, Double.NaN));

    /** The best of these weights; mirrors {@code VGG16_Weights.DEFAULT}. */
    public static final VGG16Weights DEFAULT = IMAGENET1K_V1;

    private final WeightsMeta meta;

    VGG16Weights(WeightsMeta meta) {
        this.meta = meta;
    }

    @Override
    public WeightsMeta meta() {
        return meta;
    }
}
