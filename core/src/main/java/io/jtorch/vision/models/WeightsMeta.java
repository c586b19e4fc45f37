package io.jtorch.vision.models;

/**
 * What torchvision records about a weights file: its name, the classes and input size it was
 * trained for, its preprocessing, and its ImageNet accuracy. Mirrors the {@code Weights} entries
 * of torchvision's {@code WeightsEnum}s ({@code url}, {@code meta}, {@code transforms}).
 *
 * @param fileName the file's name on download.pytorch.org, e.g. {@code resnet50-11ad3fa6.pth};
 *     its last eight hex digits start the file's SHA-256
 * @param numClasses the classifier's size in the file ({@code len(meta["categories"])}; 1000
 *     for ImageNet-1K)
 * @param cropSize the side of the square center crop the model sees
 * @param resizeSize the side the shorter image edge is resized to before cropping
 * @param mean the per-channel mean subtracted after scaling pixels to [0, 1]
 * @param std the per-channel standard deviation divided by
 * @param bicubic whether resizing is bicubic (bilinear otherwise)
 * @param numParams the number of parameters ({@code meta["num_params"]})
 * @param acc1 top-1 ImageNet-1K accuracy in percent ({@code NaN} when not reported)
 * @param acc5 top-5 ImageNet-1K accuracy in percent
 */
public record WeightsMeta(String fileName, int numClasses, int cropSize, int resizeSize, float[] mean, float[] std,
                          boolean bicubic, long numParams, double acc1, double acc5) {
    /** ImageNet's mean, as torchvision's presets use it. */
    static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet's standard deviation, as torchvision's presets use it. */
    static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /**
     * Weights trained on ImageNet-1K with torchvision's default preset: bilinear resize to
     * {@code resizeSize}, center crop 224, ImageNet's mean and std.
     */
    public static WeightsMeta imagenet1k(String fileName, int resizeSize, long numParams, double acc1, double acc5) {
        return new WeightsMeta(fileName, 1000, 224, resizeSize, IMAGENET_MEAN.clone(), IMAGENET_STD.clone(), false, numParams,
                acc1, acc5);
    }

    /** The arrays are copied, so a meta cannot be changed through them. */
    public WeightsMeta {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }
}
