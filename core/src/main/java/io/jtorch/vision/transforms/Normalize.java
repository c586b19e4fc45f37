package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import java.util.Arrays;

/**
 * Normalises each channel of a float image: {@code (x - mean[c]) / std[c]}. Mirrors
 * {@code torchvision.transforms.Normalize(mean, std)}.
 *
 * <p>Input: floating point (..., C, H, W); output: the same shape and dtype.
 */
public final class Normalize implements Transform {
    private final double[] mean;
    private final double[] std;

    /**
     * One mean and standard deviation per channel (or one for all).
     *
     * @param mean the per-channel means (one value applies to all channels)
     * @param std the per-channel standard deviations (one value applies to all channels)
     */
    public Normalize(double[] mean, double[] std) {
        if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("Normalize needs as many means as stds (at least one), got " + Arrays.toString(mean)
                    + " and " + Arrays.toString(std));
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public Tensor apply(Tensor tensor) {
        return Functional.normalize(tensor, mean, std);
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
