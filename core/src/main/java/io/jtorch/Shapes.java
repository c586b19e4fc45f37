package io.jtorch;

import java.util.Arrays;

/** Helpers for shapes written as {@code long[]}: formatting, element counts and checks. */
public final class Shapes {
    private Shapes() {}

    /**
     * PyTorch's way of printing a shape: {@code [64, 3, 28, 28]}.
     *
     * @return the shape as PyTorch prints it, such as {@code [2, 3]}
     * @param shape the size of each dimension
     */
    public static String format(long[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * {@return the number of elements of a tensor with this shape}
     *
     * @param shape the size of each dimension
     * @throws IllegalArgumentException for a negative size, or a count a long cannot hold
     */
    public static long numel(long[] shape) {
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
        }
        long n = 1;
        for (long s : shape) {
            n = multiply(n, s, shape);
        }
        return n;
    }

    /**
     * {@return {@code numel(shape) * elementSize}: the bytes a tensor of this shape needs}
     *
     * @param elementSize the bytes per element
     * @param shape the size of each dimension
     */
    public static long nbytes(long[] shape, int elementSize) {
        return multiply(numel(shape), elementSize, shape);
    }

    private static long multiply(long a, long b, long[] shape) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shape " + format(shape) + " has more elements than a long can count");
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code shape} holds exactly {@code length} elements. */
    static void checkHolds(long[] shape, long length) {
        long n = numel(shape);
        if (n != length) {
            throw new IllegalArgumentException("shape " + format(shape) + " needs " + n + " values, got " + length);
        }
    }
}
