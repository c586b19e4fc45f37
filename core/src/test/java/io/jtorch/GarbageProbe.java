package io.jtorch;

/**
 * Creates tensors of 1 MB that nothing releases (no scope, no loader) and prints the resident
 * memory at the end: "rss BYTES limit LIMIT javacpp MAX heap HEAP". Run by {@link MemoryBoundTest} in a JVM
 * of its own.
 */
public final class GarbageProbe {
    private GarbageProbe() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            Tensor t = Torch.ones(256, 1024);   // 1 MB, left to the garbage collector
            if (i % 100 == 0) {
                sum += t.get(0).get(0).item();
            }
        }
        System.out.println("rss " + MemoryProbe.residentBytes() + " limit " + io.jtorch.internal.MemoryValve.limit() + " javacpp "
                + org.bytedeco.javacpp.Pointer.maxPhysicalBytes() + " heap " + Runtime.getRuntime().maxMemory() + " sum " + sum);
    }
}
