package io.jtorch.internal;

import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * Thread counts that follow the load of the machine and the work ({@code Torch.setAdaptiveThreads},
 * {@code -Djtorch.threads=auto}).
 *
 * <p>OpenBLAS (the matrix products): a daemon thread looks ten times a second at how many cores
 * other processes keep busy ({@link MachineLoad}). While the machine is otherwise quiet OpenBLAS
 * runs one thread per core; as soon as others take half a core or more it drops to one, and it
 * comes back after a second of quiet. OpenBLAS's threads spin and yield inside every product:
 * on a quiet machine two make the seed step's products 1.3 times as fast, next to busy
 * neighbours they cost ten times the product itself.
 *
 * <p>libtorch's intra-op threads: a training thread whose steps (the intervals between its
 * optimizer steps, the shortest of the last five) are short, under {@link #SHORT_STEP_MILLIS} ms, runs on one thread while the
 * machine is busy, and on libtorch's count otherwise; threads with longer steps, and threads that
 * do not train, keep their count. Measured on two cores next to two busy processes: a
 * 784-256-10 MLP step (about 1 ms) was about twice as fast on one thread, since each of its small
 * parallel operations waits for a team mate that is waiting for a core, while a ResNet-18 step
 * (0.6-0.9 s) was faster on two (a team of two gets two shares of the machine).
 *
 * <p>The cost: a product or a reduction split over a different number of threads can round
 * differently in the last bits, so with adaptive threads two runs of the same seeded program
 * may differ slightly. Fixed counts, the default, give the same numbers on every run.
 */
public final class AdaptiveThreads {
    static final double BUSY_CORES = 0.5;
    static final double QUIET_CORES = 0.25;
    static final int QUIET_SAMPLES = 10;
    static final long PERIOD_MS = 100;
    /** Steps shorter than this run on one intra-op thread while the machine is busy. */
    static final long SHORT_STEP_MILLIS = 20;

    /** The busy/quiet decision over successive load samples. */
    static final class Hysteresis {
        private boolean busy;
        private int quiet;

        /** Takes one sample of other processes' cores; returns whether the machine counts as busy now. */
        boolean update(double otherCores) {
            if (otherCores >= BUSY_CORES) {
                busy = true;
                quiet = 0;
            } else if (otherCores < QUIET_CORES) {
                if (busy && ++quiet >= QUIET_SAMPLES) {
                    busy = false;
                    quiet = 0;
                }
            } else {
                quiet = 0;
            }
            return busy;
        }
    }

    private static final Object LOCK = new Object();
    /** Whether adaptive counts were ever switched on; until then step boundaries cost one read. */
    private static volatile boolean used;
    private static volatile boolean enabled;
    /** The count training threads go back to when adaptive counts are switched off. */
    private static volatile int fixedIntra;
    /** libtorch's count, tried against one thread. */
    private static volatile int quietIntraCount;

    private static volatile boolean busy;
    private static volatile double lastOtherCores;
    private static Thread monitor;

    private AdaptiveThreads() {}

    /**
     * Switches adaptive counts on, watching the machine's load from {@code /proc}; does nothing
     * when they are on already.
     *
     * @param quietIntra intra-op threads while the machine is quiet
     * @param quietBlas OpenBLAS threads while it is quiet, or 0 to leave OpenBLAS's count alone
     * @throws UnsupportedOperationException where the load cannot be read (not Linux)
     */
    public static void enable(int quietIntra, int quietBlas) {
        if (!MachineLoad.available()) {
            throw new UnsupportedOperationException("adaptive thread counts need Linux's /proc/stat to see the machine's load");
        }
        IntConsumer blas = quietBlas > 0 ? AdaptiveThreads::setBlas : n -> {};
        start(quietIntra, quietBlas, loadFromProc(), blas, PERIOD_MS);
    }

    /** {@link #enable} with the load and OpenBLAS's setter given, so that the rule can be tested. */
    static void start(int quietIntra, int quietBlas, DoubleSupplier otherCores, IntConsumer blas, long periodMs) {
        synchronized (LOCK) {
            if (enabled) {
                return;
            }
            stopMonitor();
            used = true;
            busy = false;
            quietIntraCount = quietIntra;
            blas.accept(quietBlas);
            enabled = true;
            Hysteresis rule = new Hysteresis();
            Thread t = new Thread(() -> watch(rule, quietBlas, otherCores, blas, periodMs), "jtorch-adaptive-threads");
            t.setDaemon(true);
            monitor = t;
            t.start();
        }
    }

    private static void watch(Hysteresis rule, int quietBlas, DoubleSupplier otherCores, IntConsumer blas, long periodMs) {
        Thread self = Thread.currentThread();
        while (true) {
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
            double others = otherCores.getAsDouble();
            synchronized (LOCK) {
                if (monitor != self) {
                    return;
                }
                lastOtherCores = others;
                boolean now = rule.update(others);
                if (now != busy) {
                    blas.accept(now ? 1 : quietBlas);
                    busy = now;
                }
            }
        }
    }

    /**
     * Switches adaptive counts off. Threads that took an adaptive count take {@code intra} at
     * their next step boundary, and OpenBLAS gets {@code blas} threads (0: left as it is).
     */
    public static void disable(int intra, int blas) {
        synchronized (LOCK) {
            if (!enabled) {
                return;
            }
            enabled = false;
            stopMonitor();
            fixedIntra = intra;
            busy = false;
            if (blas > 0) {
                setBlas(blas);
            }
        }
    }

    private static void stopMonitor() {
        if (monitor != null) {
            monitor.interrupt();
            monitor = null;
        }
    }

    /** {@return whether adaptive counts are on} */
    public static boolean enabled() {
        return enabled;
    }

    /** {@return whether the machine counted as busy at the last sample} */
    public static boolean busy() {
        return busy;
    }

    /** {@return the cores other processes kept busy at the last sample} */
    public static double lastOtherCores() {
        return lastOtherCores;
    }

    /** One training thread's recent step times and the count it runs on (0: its own, untouched). */
    private static final class PerThread {
        long last;
        final long[] recent = new long[5];
        int next;
        int applied;

        /** The shortest of the recent steps: a pause (an evaluation, a checkpoint) does not make steps look long. */
        double shortest() {
            long min = 0;
            for (long r : recent) {
                if (r > 0 && (min == 0 || r < min)) {
                    min = r;
                }
            }
            return min;
        }
    }

    private static final ThreadLocal<PerThread> THREAD = ThreadLocal.withInitial(PerThread::new);

    /**
     * A training step of the calling thread ({@code Optimizer.step}): times it and gives the
     * thread the count its next step should run on. Costs one read while adaptive counts were
     * never on.
     */
    public static void atStep() {
        if (!used) {
            return;
        }
        PerThread t = THREAD.get();
        if (!enabled) {
            if (t.applied != 0) { // switched off: back to the fixed count
                IntraOpThreads.setForCurrentThread(fixedIntra);
                t.applied = 0;
            }
            t.last = 0;
            return;
        }
        long now = System.nanoTime();
        if (t.last != 0) {
            t.recent[t.next] = now - t.last;
            t.next = (t.next + 1) % t.recent.length;
        }
        t.last = now;
        int count = countFor(busy, t.shortest(), quietIntraCount);
        if (count != t.applied && (t.applied != 0 || count != quietIntraCount)) {
            IntraOpThreads.setForCurrentThread(count);
            t.applied = count;
        }
    }

    /** The intra-op count for a thread whose steps take {@code stepNanos} (0: not known yet). */
    static int countFor(boolean busy, double stepNanos, int quietIntra) {
        boolean shortSteps = stepNanos > 0 && stepNanos < SHORT_STEP_MILLIS * 1_000_000.0;
        return busy && shortSteps ? 1 : quietIntra;
    }

    private static void setBlas(int threads) {
        try {
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
        } catch (LinkageError e) {
            // libtorch uses another BLAS here
        }
    }

    private static DoubleSupplier loadFromProc() {
        int cores;
        try {
            cores = Math.max(1, MachineLoad.cpus());
        } catch (java.io.IOException e) {
            cores = Runtime.getRuntime().availableProcessors();
        }
        int machineCores = cores;
        MachineLoad.Sample[] last = new MachineLoad.Sample[1];
        return () -> {
            try {
                MachineLoad.Sample now = MachineLoad.sample();
                double others = last[0] == null ? 0 : MachineLoad.otherCores(last[0], now, machineCores);
                last[0] = now;
                return others;
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        };
    }
}
