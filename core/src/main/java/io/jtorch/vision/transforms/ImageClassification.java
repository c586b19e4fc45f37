package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * The preprocessing a classification model's weights expect: resize the shorter side, crop the
 * center, scale to [0, 1] floats and normalise. Mirrors torchvision's
 * {@code transforms._presets.ImageClassification}, what {@code ResNet50_Weights.IMAGENET1K_V2.transforms()}
 * returns ({@code ImageClassification(crop_size=224, resize_size=232)}).
 * <pre>{@code
 * Transform preprocess = new ImageClassification(224, 232, ImageClassification.IMAGENET_MEAN,
 *         ImageClassification.IMAGENET_STD, InterpolationMode.BILINEAR);
 * Tensor batch = preprocess.apply(image).unsqueeze(0);
 * }</pre>
 *
 * <p>Input: uint8 or float (C, H, W) or (N, C, H, W). Output: float32 (..., C, cropSize, cropSize).
 *
 * <p><b>Antialiasing.</b> The resize antialiases by default, as torchvision does on PIL images (the
 * images the weights were evaluated with) and on tensors from torchvision 0.17 on. torchvision
 * 0.14's preset, given a tensor, resizes without antialiasing; construct with
 * {@code antialias = false} for its exact output.
 */
public final class ImageClassification implements Transform {
    /** ImageNet's channel means (R, G, B), torchvision's default. */
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    /** ImageNet's channel standard deviations (R, G, B), torchvision's default. */
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    private final int cropSize;
    private final int resizeSize;
    private final float[] mean;
    private final float[] std;
    private final InterpolationMode interpolation;
    private final boolean antialias;

    /**
     * Crop {@code cropSize} after resizing to 256, ImageNet's mean and std, bilinear; mirrors
     * {@code ImageClassification(crop_size=cropSize)}.
     *
     * @param cropSize the side of the square center crop
     */
    public ImageClassification(int cropSize) {
        this(cropSize, 256, IMAGENET_MEAN, IMAGENET_STD, InterpolationMode.BILINEAR);
    }

    /**
     * Mirrors {@code ImageClassification(crop_size, resize_size, mean, std, interpolation)};
     * antialiased.
     *
     * @param cropSize the side of the square center crop
     * @param resizeSize the side the shorter edge is resized to before cropping
     * @param mean the per-channel means (one value applies to all channels)
     * @param std the per-channel standard deviations (one value applies to all channels)
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     */
    public ImageClassification(int cropSize, int resizeSize, float[] mean, float[] std, InterpolationMode interpolation) {
        this(cropSize, resizeSize, mean, std, interpolation, true);
    }

    /**
     * As the five-argument constructor, with antialiasing of the resize on or off.
     *
     * @param cropSize the side of the square center crop
     * @param resizeSize the side the shorter edge is resized to before cropping
     * @param mean the per-channel means (one value applies to all channels)
     * @param std the per-channel standard deviations (one value applies to all channels)
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param antialias whether downscaling is antialiased (torchvision's default true)
     */
    public ImageClassification(int cropSize, int resizeSize, float[] mean, float[] std, InterpolationMode interpolation, boolean antialias) {
        if (cropSize < 1 || resizeSize < 1) {
            throw new IllegalArgumentException("ImageClassification: crop and resize sizes must be positive, got crop_size=" + cropSize
                    + ", resize_size=" + resizeSize);
        }
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("ImageClassification: needs as many means as stds (at least one), got "
                    + Arrays.toString(mean) + " and " + Arrays.toString(std));
        }
        if (interpolation == null) {
            throw new NullPointerException("ImageClassification: interpolation");
        }
        if (antialias && interpolation == InterpolationMode.NEAREST) {
            antialias = false;
        }
        this.cropSize = cropSize;
        this.resizeSize = resizeSize;
        this.mean = mean.clone();
        this.std = std.clone();
        this.interpolation = interpolation;
        this.antialias = antialias;
    }

    @Override
    public Tensor apply(Tensor img) {
        Tensor x = Functional.resize(img, new int[] {resizeSize}, interpolation, null, antialias);
        x = Functional.centerCrop(x, cropSize);
        x = Functional.convertImageDtype(x, DType.FLOAT32);
        return Functional.normalize(x, toDoubles(mean), toDoubles(std));
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** {@return the side of the square crop; torchvision keeps {@code crop_size=[224]}} */
    public int cropSize() {
        return cropSize;
    }

    /** {@return the size the shorter side is resized to before cropping} */
    public int resizeSize() {
        return resizeSize;
    }

    /** {@return the per-channel means (a copy)} */
    public float[] mean() {
        return mean.clone();
    }

    /** {@return the per-channel standard deviations (a copy)} */
    public float[] std() {
        return std.clone();
    }

    /** {@return the resize's interpolation} */
    public InterpolationMode interpolation() {
        return interpolation;
    }

    /** {@return whether the resize antialiases} */
    public boolean antialias() {
        return antialias;
    }

    /**
     * {@return a sentence saying what this transform does, worded as torchvision's {@code
     * describe()}}
     */
    public String describe() {
        return "Accepts batched ``(B, C, H, W)`` and single ``(C, H, W)`` image tensors. The images are resized to ``resize_size=["
                + resizeSize + "]`` using ``interpolation=" + interpolation + "``, followed by a central crop of ``crop_size=[" + cropSize
                + "]``. Finally the values are first rescaled to ``[0.0, 1.0]`` and then normalized using ``mean=" + list(mean)
                + "`` and ``std=" + list(std) + "``.";
    }

    /** As Python prints it: {@code ImageClassification(\n    crop_size=[224]\n    resize_size=[232] ...)}. */
    @Override
    public String toString() {
        return "ImageClassification(\n    crop_size=[" + cropSize + "]\n    resize_size=[" + resizeSize + "]\n    mean=" + list(mean)
                + "\n    std=" + list(std) + "\n    interpolation=" + interpolation + (antialias ? "" : "\n    antialias=False") + "\n)";
    }

    /** A float list as Python prints the original doubles: [0.485, 0.456, 0.406]. */
    private static String list(float[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", Float.toString(values[i])));
        }
        return b.append(']').toString();
    }
}
