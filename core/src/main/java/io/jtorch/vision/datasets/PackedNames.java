package io.jtorch.vision.datasets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The file names of one folder while it is being listed, packed as UTF-8 bytes in one array
 * (about 27 bytes per name with the sort's index arrays, against 80 or more for a
 * {@code String} each), so that a folder of a million files lists in a few tens of megabytes.
 * Sorted by their UTF-8 bytes, which is code point order, the order of Python's {@code sorted}.
 */
final class PackedNames {
    private byte[] bytes = new byte[4096];
    private int[] offsets = new int[257];
    private int count;

    /** Adds a name. */
    void add(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        int end = offsets[count];
        if ((long) end + b.length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ImageFolder: the file names of one folder take more than 2 GB; split the folder");
        }
        if (count + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, grow(offsets.length));
        }
        if (end + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(end + b.length, grow(bytes.length)));
        }
        System.arraycopy(b, 0, bytes, end, b.length);
        offsets[++count] = end + b.length;
    }

    private static int grow(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, length + (length >> 1) + 16L);
    }

    int size() {
        return count;
    }

    /** The total bytes of the names. */
    int byteCount() {
        return offsets[count];
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int i) {
        return offsets[i];
    }

    int length(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The indices of the names in sorted order (a stable merge sort, O(n log n) whatever the names). */
    int[] sortedOrder() {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int[] tmp = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int lo = 0; lo < count; lo += 2 * width) {
                int mid = Math.min(lo + width, count);
                int hi = Math.min(lo + 2 * width, count);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    tmp[k] = a < mid && (b >= hi || compare(order[a], order[b]) <= 0) ? order[a++] : order[b++];
                }
            }
            int[] swap = order;
            order = tmp;
            tmp = swap;
        }
        return order;
    }

    private int compare(int i, int j) {
        return Arrays.compareUnsigned(bytes, offsets[i], offsets[i + 1], bytes, offsets[j], offsets[j + 1]);
    }
}
