package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Randomly changes brightness, contrast, saturation and hue, in a random order. Mirrors
 * {@code torchvision.transforms.ColorJitter(brightness, contrast, saturation, hue)}: a number
 * {@code b} means a factor drawn from {@code [max(0, 1 - b), 1 + b]} ({@code [-h, h]} for hue,
 * at most 0.5); 0 leaves that property alone. Each call draws {@code torch.randperm(4)}, then one
 * {@code uniform_} per property that is on, in the order brightness, contrast, saturation, hue,
 * and applies them in the permutation's order.
 */
public final class ColorJitter implements Transform {
    private final double[] brightness;
    private final double[] contrast;
    private final double[] saturation;
    private final double[] hue;

    /**
     * Mirrors {@code ColorJitter(brightness, contrast, saturation, hue)} with numbers.
     *
     * @param brightness how much to jitter brightness: a factor drawn from [max(0, 1 - b), 1 + b]
     *     (0 leaves it)
     * @param contrast how much to jitter contrast: a factor drawn from [max(0, 1 - c), 1 + c] (0
     *     leaves it)
     * @param saturation how much to jitter saturation: a factor drawn from [max(0, 1 - s), 1 + s]
     *     (0 leaves it)
     * @param hue how much to jitter hue: a shift drawn from [-h, h], with h at most 0.5
     */
    public ColorJitter(double brightness, double contrast, double saturation, double hue) {
        this(around(brightness, "brightness", 1, true), around(contrast, "contrast", 1, true),
                around(saturation, "saturation", 1, true), around(hue, "hue", 0, false));
    }

    /**
     * Mirrors {@code ColorJitter} with (min, max) ranges; null leaves the property alone.
     *
     * @param brightness the (min, max) range of the brightness factor, or {@code null} to leave it
     * @param contrast the (min, max) range of the contrast factor, or {@code null} to leave it
     * @param saturation the (min, max) range of the saturation factor, or {@code null} to leave it
     * @param hue the (min, max) range of the hue shift, within [-0.5, 0.5], or {@code null} to
     *     leave it
     */
    public ColorJitter(double[] brightness, double[] contrast, double[] saturation, double[] hue) {
        this.brightness = range(brightness, "brightness", 1, 0, Double.POSITIVE_INFINITY);
        this.contrast = range(contrast, "contrast", 1, 0, Double.POSITIVE_INFINITY);
        this.saturation = range(saturation, "saturation", 1, 0, Double.POSITIVE_INFINITY);
        this.hue = range(hue, "hue", 0, -0.5, 0.5);
    }

    private static double[] around(double value, String name, double center, boolean clip) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("ColorJitter: if " + name + " is a single number, it must be non negative, got " + value);
        }
        double[] r = {center - value, center + value};
        if (clip) {
            r[0] = Math.max(r[0], 0.0);
        }
        return r;
    }

    private static double[] range(double[] value, String name, double center, double lo, double hi) {
        if (value == null) {
            return null;
        }
        if (value.length != 2 || !(lo <= value[0] && value[0] <= value[1] && value[1] <= hi)) {
            throw new IllegalArgumentException("ColorJitter: " + name + " values should be between (" + lo + ", " + hi + "), got "
                    + java.util.Arrays.toString(value));
        }
        return value[0] == center && value[1] == center ? null : value.clone();
    }

    /**
     * {@return the order and factors drawn as {@code ColorJitter.get_params}: {@code {o0, o1, o2, o3, b, c,
     * s, h}} with the order's indices (0 brightness, 1 contrast, 2 saturation, 3 hue) and NaN for
     * a property that is off}
     */
    public double[] getParams() {
        long[] order = Draws.generator().randperm(4).toLongArray();
        double[] out = new double[8];
        for (int k = 0; k < 4; k++) {
            out[k] = order[k];
        }
        double[][] ranges = {brightness, contrast, saturation, hue};
        for (int k = 0; k < 4; k++) {
            out[4 + k] = ranges[k] == null ? Double.NaN : Draws.uniform(ranges[k][0], ranges[k][1]);
        }
        return out;
    }

    @Override
    public Tensor apply(Tensor img) {
        double[] p = getParams();
        for (int k = 0; k < 4; k++) {
            int fn = (int) p[k];
            double f = p[4 + fn];
            if (Double.isNaN(f)) {
                continue;
            }
            img = switch (fn) {
                case 0 -> Functional.adjustBrightness(img, f);
                case 1 -> Functional.adjustContrast(img, f);
                case 2 -> Functional.adjustSaturation(img, f);
                default -> Functional.adjustHue(img, f);
            };
        }
        return img;
    }

    @Override
    public String toString() {
        return "ColorJitter(brightness=" + str(brightness) + ", contrast=" + str(contrast) + ", saturation=" + str(saturation) + ", hue="
                + str(hue) + ")";
    }

    private static String str(double[] r) {
        return r == null ? "None" : "(" + r[0] + ", " + r[1] + ")";
    }
}
