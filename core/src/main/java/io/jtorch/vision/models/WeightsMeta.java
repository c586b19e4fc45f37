package io.jtorch.vision.models;

import io.jtorch.vision.transforms.ImageClassification;
import io.jtorch.vision.transforms.InterpolationMode;

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
 * @param interpolation how the resize interpolates
 * @param numParams the number of parameters ({@code meta["num_params"]})
 * @param acc1 top-1 ImageNet-1K accuracy in percent ({@code NaN} when not reported)
 * @param acc5 top-5 ImageNet-1K accuracy in percent
 */
public record WeightsMeta(String fileName, int numClasses, int cropSize, int resizeSize, float[] mean, float[] std,
                          InterpolationMode interpolation, long numParams, double acc1, double acc5) {
    static final float[] IMAGENET_MEAN = ImageClassification.IMAGENET_MEAN;
    static final float[] IMAGENET_STD = ImageClassification.IMAGENET_STD;

    /** The weights enums' shorthand: bicubic or bilinear resizing. */
    WeightsMeta(String fileName, int numClasses, int cropSize, int resizeSize, float[] mean, float[] std, boolean bicubic,
                long numParams, double acc1, double acc5) {
        this(fileName, numClasses, cropSize, resizeSize, mean, std, bicubic ? InterpolationMode.BICUBIC : InterpolationMode.BILINEAR,
                numParams, acc1, acc5);
    }
    /**
     * Weights trained on ImageNet-1K with torchvision's default preset: bilinear resize to
     * {@code resizeSize}, center crop 224, ImageNet's mean and std.
     *
     * @param fileName the file's name on download.pytorch.org
     * @param resizeSize the side the shorter image edge is resized to before cropping
     * @param numParams the number of parameters ({@code meta["num_params"]})
     * @param acc1 top-1 ImageNet-1K accuracy in percent
     * @param acc5 top-5 ImageNet-1K accuracy in percent
     * @return the metadata, for 1000 classes
     */
    public static WeightsMeta imagenet1k(String fileName, int resizeSize, long numParams, double acc1, double acc5) {
        return new WeightsMeta(fileName, 1000, 224, resizeSize, ImageClassification.IMAGENET_MEAN,
                ImageClassification.IMAGENET_STD, InterpolationMode.BILINEAR, numParams,
                acc1, acc5);
    }

    /**
     * The arrays are copied, so a meta cannot be changed through them.
     *
     * @param fileName the file's name on download.pytorch.org
     * @param numClasses the classifier's size in the file
     * @param cropSize the side of the square center crop the model sees
     * @param resizeSize the side the shorter image edge is resized to before cropping
     * @param mean the per-channel mean, copied
     * @param std the per-channel standard deviation, copied
     * @param interpolation how the resize interpolates
     * @param numParams the number of parameters
     * @param acc1 top-1 ImageNet-1K accuracy in percent ({@code NaN} when not reported)
     * @param acc5 top-5 ImageNet-1K accuracy in percent
     */
    public WeightsMeta {
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * {@return the preprocessing these weights expect: resize, center crop, scale to [0, 1], normalize;
     * mirrors {@code weights.transforms()}}
     */
    public ImageClassification transforms() {
        return new ImageClassification(cropSize, resizeSize, mean, std, interpolation);
    }

    /** {@return a copy of the per-channel mean subtracted after scaling pixels to [0, 1]} */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** {@return a copy of the per-channel standard deviation divided by} */
    @Override
    public float[] std() {
        return std.clone();
    }
}
