package io.jtorch.serialization;

/**
 * What one load may allocate, counted as it goes: tensor data (storages at the size they will
 * have once inflated), a fixed cost per tensor (its native header and Java wrapper, which a
 * flood of empty tensors or views of one storage would otherwise make free), and the Java
 * objects its pickle or header builds. The total may not pass the caller's limit
 * ({@code maxBytes}); the Java objects may also not pass half the JVM's maximum heap, so that
 * a hostile file ends in a {@link Malformed} naming the limit, never in an
 * {@link OutOfMemoryError}.
 */
final class LoadBudget {
    /**
     * The cost counted per tensor: measured at about 700 bytes of native and Java memory for a
     * view made by {@code as_strided} and wrapped as a jtorch tensor, rounded up.
     */
    static final long TENSOR_COST = 1024;
    /** The part of {@link #TENSOR_COST} that lives on the Java heap. */
    static final long TENSOR_HEAP_COST = 256;

    private final long maxBytes;
    private final long maxHeap;
    private long total;
    private long heap;

    /** A budget of {@code maxBytes} in all, and half the JVM's maximum heap for Java objects. */
    LoadBudget(long maxBytes) {
        this(maxBytes, Runtime.getRuntime().maxMemory() / 2);
    }

    LoadBudget(long maxBytes, long maxHeap) {
        this.maxBytes = maxBytes;
        this.maxHeap = maxHeap;
    }

    /** Counts {@code bytes} of Java objects (on the heap, and in the total). */
    void heap(long bytes) {
        heap = add(heap, bytes);
        total = add(total, bytes);
        if (heap > maxHeap) {
            throw new Malformed("loading it builds more than " + heap + " bytes (" + human(heap) + ") of Java objects, more than half "
                    + "the Java heap (" + maxHeap + " bytes, " + human(maxHeap) + "; raise it with -Xmx); nothing was allocated for its "
                    + "tensors");
        }
        checkTotal();
    }

    /** Counts {@code bytes} of tensor data, allocated outside the heap. */
    void memory(long bytes) {
        total = add(total, bytes);
        checkTotal();
    }

    /** Counts one tensor's fixed cost. */
    void tensor() {
        heap(TENSOR_HEAP_COST);
        memory(TENSOR_COST - TENSOR_HEAP_COST);
    }

    /** The bytes counted so far. */
    long total() {
        return total;
    }

    private void checkTotal() {
        if (total > maxBytes) {
            throw new Malformed("its tensors and objects need " + total + " bytes (" + human(total) + ": tensor data, "
                    + TENSOR_COST + " bytes per tensor and the objects its pickle or header builds), more than the limit of "
                    + maxBytes + " bytes (" + human(maxBytes) + "); nothing was allocated for its tensors");
        }
    }

    private static long add(long a, long b) {
        return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
    }

    static String human(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
