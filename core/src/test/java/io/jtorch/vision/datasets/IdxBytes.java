package io.jtorch.vision.datasets;

import java.nio.ByteBuffer;

/** IDX files built in memory for tests: pixel {@code j} of image {@code i} is {@code 10 * i + j}. */
final class IdxBytes {
    private IdxBytes() {}

    /** An IDX3 file of {@code n} images of {@code rows x cols}. */
    static byte[] images(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                b.put((byte) (10 * i + j));
            }
        }
        return b.array();
    }

    /** An IDX1 file of the given labels. */
    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }
}
