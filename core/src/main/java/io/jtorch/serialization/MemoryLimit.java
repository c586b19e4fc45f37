package io.jtorch.serialization;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The most tensor memory a load may allocate. The default is the machine's physical memory as
 * the JVM sees it (the container's limit inside a container): a file that declares more can never
 * load, and is refused before anything is allocated instead of failing halfway or swapping.
 */
final class MemoryLimit {
    private MemoryLimit() {}

    /** The physical memory size, or {@code Long.MAX_VALUE} where the JVM does not report it. */
    static long defaultMaxBytes() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            long total = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
            if (total > 0) {
                return total;
            }
        }
        return Long.MAX_VALUE;
    }

    /** {@code total + more} (both >= 0), refused when it passes {@code maxBytes}. */
    static long add(long total, long more, long maxBytes) {
        long sum = more > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + more;
        check(sum, maxBytes);
        return sum;
    }

    /** Refuses a load that needs {@code needed} bytes when the limit is {@code maxBytes}. */
    static void check(long needed, long maxBytes) {
        if (needed > maxBytes) {
            throw new Malformed("its tensors need " + needed + " bytes (" + human(needed) + "), more than the limit of "
                    + maxBytes + " bytes (" + human(maxBytes) + "); nothing was allocated");
        }
    }

    private static String human(long bytes) {
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
