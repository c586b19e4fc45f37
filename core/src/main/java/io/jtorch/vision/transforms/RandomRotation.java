package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Rotates images by a random angle. Mirrors {@code torchvision.transforms.RandomRotation(degrees,
 * interpolation=NEAREST, expand=False, center=None, fill=0)}: the angle is
 * {@code torch.empty(1).uniform_(min, max)} degrees, counter-clockwise; corners from outside
 * the image get {@code fill}. {@code expand} and {@code center} are not supported.
 */
public final class RandomRotation implements Transform {
    private final double min;
    private final double max;
    private final InterpolationMode interpolation;
    private final double[] fill;

    /**
     * An angle in (-degrees, +degrees); mirrors {@code RandomRotation(degrees)}.
     *
     * @param degrees the largest rotation either way, in degrees
     */
    public RandomRotation(double degrees) {
        this(-checkDegrees(degrees), degrees, InterpolationMode.NEAREST, new double[] {0});
    }

    /**
     * An angle in (min, max), {@code fill} one value or one per channel; mirrors {@code
     * RandomRotation((min, max), interpolation, fill=fill)}.
     *
     * @param min the smallest angle, in degrees
     * @param max the largest angle, in degrees
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param fill the value of pixels outside the rotated image, one value or one per channel
     */
    public RandomRotation(double min, double max, InterpolationMode interpolation, double[] fill) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("RandomRotation: degrees should be (min, max) with min <= max, got (" + min + ", " + max + ")");
        }
        if (interpolation == InterpolationMode.BICUBIC) {
            throw new IllegalArgumentException("RandomRotation: tensor images rotate with nearest or bilinear interpolation only");
        }
        this.min = min;
        this.max = max;
        this.interpolation = interpolation;
        this.fill = fill == null ? new double[] {0} : fill.clone();
    }

    private static double checkDegrees(double degrees) {
        if (!(degrees >= 0)) {
            throw new IllegalArgumentException("RandomRotation: if degrees is a single number, it must be positive, got " + degrees);
        }
        return degrees;
    }

    /**
     * {@return the angle in degrees, drawn as {@code RandomRotation.get_params}}
     *
     * @param min the smallest angle, in degrees
     * @param max the largest angle, in degrees
     */
    public static double getParams(double min, double max) {
        return Draws.uniform(min, max);
    }

    @Override
    public Tensor apply(Tensor img) {
        long[] shape = ImageShapes.checkImage(img, "RandomRotation", 3);
        long c = ImageShapes.channels(shape);
        double[] f = fill;
        if (f.length == 1 && c > 1) {
            f = new double[(int) c];
            java.util.Arrays.fill(f, fill[0]);
        }
        double angle = getParams(min, max);
        return Functional.rotate(img, angle, interpolation, f);
    }

    @Override
    public String toString() {
        return "RandomRotation(degrees=[" + min + ", " + max + "], interpolation=" + interpolation.value() + ", expand=False, fill="
                + java.util.Arrays.toString(fill) + ")";
    }
}
