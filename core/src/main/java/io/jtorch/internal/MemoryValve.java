package io.jtorch.internal;

import org.bytedeco.javacpp.Pointer;

/**
 * Asks the garbage collector for native memory back when the process grows past a limit, as
 * JavaCPP does, but at a fraction of the cost.
 *
 * <p>JavaCPP checks the process's physical memory on every native object it creates (a tensor
 * handle, a scalar, an optional), a system call each time: in a small training step that was
 * half of the time spent in native code. jtorch turns that check off
 * ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}, unless the user set the property) and does it
 * here once every {@value #EVERY} tensors, with JavaCPP's own limit: four times the maximum heap.
 * Tensors released by scopes and data loaders never need it; it is the safety net for tensors
 * left to the garbage collector.
 */
public final class MemoryValve {
    static final int EVERY = 256;
    private static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    private static long limit;
    private static int count;

    private MemoryValve() {}

    /** Before JavaCPP's Pointer class initialises: takes the check over unless the user configured it. */
    static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "0");
            limit = 4 * Runtime.getRuntime().maxMemory();
        }
    }

    /** The physical memory above which tensor creation runs the garbage collector, or 0 when JavaCPP checks itself. */
    public static long limit() {
        return limit;
    }

    /** Called for each tensor created; cheap except once every {@value #EVERY} calls. */
    public static void tick() {
        if (limit > 0 && (++count & (EVERY - 1)) == 0 && Pointer.physicalBytesInaccurate(limit) > limit) {
            System.gc();
        }
    }
}
