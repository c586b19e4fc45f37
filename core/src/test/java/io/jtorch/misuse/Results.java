package io.jtorch.misuse;

import io.jtorch.Device;
import io.jtorch.Tensor;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Checks on what a misuse returned. Every tensor that comes back is read in full, so a result
 * that points at memory it does not own fails here, in the forked JVM, rather than later.
 */
final class Results {
    /** Tensors with more elements than this are checked by shape only. */
    private static final long READ_LIMIT = 1 << 20;

    private Results() {}

    /** Reads {@code result} completely: every element of every tensor in it, and its printed form. */
    static void touch(Object result) {
        if (result instanceof Tensor t) {
            if (t.isReleased()) {
                throw new AssertionError("an operation returned a released tensor");
            }
            long[] shape = t.shape();
            long numel = 1;
            for (long s : shape) {
                numel *= s;
            }
            check(numel == t.numel(), "numel " + t.numel() + " does not match shape " + Arrays.toString(shape));
            t.dtype();
            if (t.device().equals(Device.CPU) && numel <= READ_LIMIT) {
                t.toDoubleArray();
                t.toByteArray();
                check(!t.toString().isEmpty(), "empty rendering");
            } else if (!t.device().equals(Device.CPU)) {
                check(t.toString().contains("device='meta'"), "a meta tensor prints its device");
            }
        } else if (result instanceof Collection<?> c) {
            c.forEach(Results::touch);
        } else if (result instanceof Map<?, ?> m) {
            m.values().forEach(Results::touch);
        }
        // anything else is a plain Java value, with nothing native to read
    }

    /**
     * Asserts that two results hold the same values: equal shapes and dtypes, and elements equal
     * up to the rounding of a sum taken in another order (NaN equal to NaN, infinities equal).
     * Used for inputs that differ only in memory layout.
     */
    static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof Tensor e && actual instanceof Tensor a) {
            check(Arrays.equals(e.shape(), a.shape()), what + ": shape " + Arrays.toString(a.shape()) + ", expected "
                    + Arrays.toString(e.shape()));
            check(e.dtype() == a.dtype(), what + ": dtype " + a.dtype() + ", expected " + e.dtype());
            if (!e.device().equals(Device.CPU) || e.numel() > READ_LIMIT) {
                return;
            }
            double[] x = e.toDoubleArray();
            double[] y = a.toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                if (!close(x[i], y[i])) {
                    throw new AssertionError(what + ": element " + i + " is " + y[i] + ", expected " + x[i]);
                }
            }
        } else if (expected instanceof double[] e && actual instanceof double[] a) {
            check(Arrays.equals(e, a), what + ": values differ");
        } else if (expected instanceof float[] e && actual instanceof float[] a) {
            check(Arrays.equals(e, a), what + ": values differ");
        } else if (expected instanceof long[] e && actual instanceof long[] a) {
            check(Arrays.equals(e, a), what + ": values differ");
        } else if (expected instanceof Double e && actual instanceof Double a) {
            check(close(e, a), what + ": " + a + ", expected " + e);
        } else if (expected instanceof Number || expected instanceof Boolean) {
            check(expected.equals(actual), what + ": " + actual + ", expected " + expected);
        }
    }

    /** Equal, both NaN, or within float rounding of a reordered sum: 1e-5 relative (absolute below 1). */
    private static boolean close(double e, double a) {
        if (e == a || Double.isNaN(e) && Double.isNaN(a)) {
            return true;
        }
        return Math.abs(e - a) <= 1e-5 * Math.max(1, Math.max(Math.abs(e), Math.abs(a)));
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
