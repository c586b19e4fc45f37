package io.jtorch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cores the rest of the machine keeps busy: the CPU time of every process (Linux's
 * {@code /proc/stat}, steal time of the hypervisor included) less this process's own
 * ({@code /proc/self/stat}), between two samples. This process's own threads never count as
 * load, however busy they are.
 */
final class MachineLoad {
    /** CPU time counters at one moment, in clock ticks. */
    record Sample(long busy, long all, long self) {}

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private MachineLoad() {}

    /** {@return whether this system has the counters (Linux)} */
    static boolean available() {
        return Files.isReadable(STAT) && Files.isReadable(SELF);
    }

    /** {@return the number of CPUs {@code /proc/stat} counts, which its totals cover} */
    static int cpus() throws IOException {
        return (int) Files.readAllLines(STAT).stream().filter(l -> l.matches("cpu\\d+\\s.*")).count();
    }

    /** Reads the counters now. */
    static Sample sample() throws IOException {
        return parse(firstLine(STAT), firstLine(SELF));
    }

    private static String firstLine(Path path) throws IOException {
        String text = Files.readString(path);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Parses the first line of {@code /proc/stat} ({@code cpu user nice system idle iowait irq
     * softirq steal ...}) and the line of {@code /proc/self/stat} (utime and stime are its 14th
     * and 15th fields; the 2nd, the command, may hold spaces and parentheses).
     */
    static Sample parse(String statLine, String selfLine) {
        String[] f = statLine.trim().split("\\s+");
        if (f.length < 5 || !f[0].equals("cpu")) {
            throw new IllegalArgumentException("not the first line of /proc/stat: " + statLine);
        }
        long busy = 0;
        long all = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            long v = Long.parseLong(f[i]);
            all += v;
            if (i != 4 && i != 5) { // idle, iowait
                busy += v;
            }
        }
        int close = selfLine.lastIndexOf(')');
        String[] s = selfLine.substring(close + 2).trim().split("\\s+");
        // s[0] is field 3 (state): utime is field 14, stime field 15
        long self = Long.parseLong(s[11]) + Long.parseLong(s[12]);
        return new Sample(busy, all, self);
    }

    /**
     * {@return the cores other processes kept busy between two samples, from 0 to {@code cores}}
     *
     * @param before the earlier sample
     * @param after the later sample
     * @param cores the number of cores the counters cover
     */
    static double otherCores(Sample before, Sample after, int cores) {
        long all = after.all() - before.all();
        if (all <= 0) {
            return 0;
        }
        long others = (after.busy() - before.busy()) - (after.self() - before.self());
        return Math.max(0, Math.min(cores, (double) others / all * cores));
    }
}
