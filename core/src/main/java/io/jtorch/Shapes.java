package io.jtorch;

import java.util.Arrays;

/** Helpers for shapes written as {@code long[]}: formatting, element counts and checks. */
public final class Shapes {
    private Shapes() {}

    /** PyTorch's way of printing a shape: {@code [64, 3, 28, 28]}. */
    public static String format(long[] shape) {
        return Arrays.toString(shape);
    }

    /** The number of elements of a tensor with this shape. */
    public static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** Throws {@link IllegalArgumentException} unless {@code shape} holds exactly {@code length} elements. */
    static void checkHolds(long[] shape, long length) {
        long n = numel(shape);
        if (n != length) {
            throw new IllegalArgumentException("shape " + format(shape) + " needs " + n + " values, got " + length);
        }
    }
}
