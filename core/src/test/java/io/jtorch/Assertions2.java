package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

/** Tensor comparisons for tests, with messages that name the worst element. */
public final class Assertions2 {
    private Assertions2() {}

    /** Asserts same shape and |actual - expected| <= atol + rtol·|expected| everywhere. */
    public static void assertClose(Tensor expected, Tensor actual, double rtol, double atol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < e.length; i++) {
            double excess = Math.abs(a[i] - e[i]) - (atol + rtol * Math.abs(e[i]));
            if (excess > worst || Double.isNaN(a[i]) != Double.isNaN(e[i])) {
                worst = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                worstAt = i;
            }
        }
        if (worstAt >= 0) {
            fail(what + ": element " + worstAt + " is " + a[worstAt] + ", expected " + e[worstAt]
                    + " (rtol " + rtol + ", atol " + atol + ")");
        }
    }

    /** Asserts both state dicts have the same keys and close values. */
    public static void assertStateClose(Map<String, Tensor> expected, Map<String, Tensor> actual, double rtol, double atol) {
        assertEquals(expected.keySet(), actual.keySet(), "state dict keys");
        for (String k : expected.keySet()) {
            assertClose(expected.get(k), actual.get(k), rtol, atol, k);
        }
    }

    /** Asserts identical shapes and bit-identical values. */
    public static void assertBitEqual(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.toFloatArray();
        float[] a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                fail(what + ": element " + i + " is " + a[i] + ", expected exactly " + e[i]);
            }
        }
    }
}
