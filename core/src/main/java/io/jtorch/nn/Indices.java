package io.jtorch.nn;

import java.util.ArrayList;
import java.util.List;

/** Python's index and slice arithmetic, shared by {@link Sequential} and {@link ModuleList}. */
final class Indices {
    private Indices() {}

    /** An iterator over a copy of {@code items} whose {@code remove} says what to call instead. */
    static <T> java.util.Iterator<T> readOnly(List<T> items, String what) {
        java.util.Iterator<T> it = items.iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }

            @Override
            public void remove() {
                throw new UnsupportedOperationException("a " + what + "'s iterator is read-only; use " + what + ".remove(index)");
            }
        };
    }

    /** {@code index} as a position in {@code 0..n-1}, negative counting from the end, or an exception naming {@code what}. */
    static int normalize(int index, int n, String what) {
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for " + what + " of size " + n);
        }
        return index < 0 ? index + n : index;
    }

    /** The position {@code list.insert(index, x)} puts {@code x} at: negative counts from the end, out of range clamps. */
    static int insertion(int index, int n) {
        int i = index < 0 ? index + n : index;
        return Math.max(0, Math.min(i, n));
    }

    /**
     * The positions {@code seq[start:stop:step]} selects among {@code n}, as Python's
     * {@code slice.indices}: {@code null} bounds are Python's omitted ones, negative bounds count
     * from the end, out-of-range bounds are clamped.
     *
     * @throws IllegalArgumentException when {@code step} is 0, as Python's ValueError
     */
    static List<Integer> slice(Integer start, Integer stop, int step, int n) {
        if (step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        int lower = step < 0 ? -1 : 0;
        int upper = step < 0 ? n - 1 : n;
        int a = start == null ? (step < 0 ? upper : lower) : bound(start, n, lower, upper);
        int b = stop == null ? (step < 0 ? lower : upper) : bound(stop, n, lower, upper);
        List<Integer> out = new ArrayList<>();
        for (int i = a; step > 0 ? i < b : i > b; i += step) {
            out.add(i);
        }
        return out;
    }

    private static int bound(int v, int n, int lower, int upper) {
        if (v < 0) {
            return Math.max(v + n, lower);
        }
        return Math.min(v, upper);
    }
}
