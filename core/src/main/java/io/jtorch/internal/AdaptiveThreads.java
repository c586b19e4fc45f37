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
 * on a quiet machine two made the seed step 1.3 times as fast in most JVMs, next to busy
 * neighbours they cost ten times the product itself. In some JVMs, though, two OpenBLAS threads
 * made the same step slower even on a quiet machine (a property of the process, not found), so
 * while the machine is quiet a thread that trains in short steps runs a trial ({@link BlasTrial}):
 * about a hundred steps, in alternating blocks on every core and on one thread, after which
 * OpenBLAS keeps the faster count until the next trial ten seconds later (the faster count
 * changed from one phase of a process to the next too). The first trial waits for three seconds
 * of steps, while the JIT compiles.
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
    /** Blocks of an OpenBLAS trial, on every core and on one thread in turn. */
    static final int TRIAL_BLOCKS = 8;
    /** Steps timed in each block of an OpenBLAS trial. */
    static final int TRIAL_STEPS = 12;
    /** Steps not timed after each switch of a trial, while the other count's threads settle. */
    static final int TRIAL_SKIP = 2;
    /** Short steps before the first trial: the JIT's compiler threads and a warming loop would tilt it. */
    static final long TRIAL_WARMUP_NANOS = 3_000_000_000L;
    /** How long a trial's verdict holds: the faster count changes over seconds in one process. */
    static final long TRIAL_EVERY_NANOS = 10_000_000_000L;
    /** A trial thread whose steps stopped this long ago gives the trial up to another. */
    static final long TRIAL_ABANDONED_NANOS = 1_000_000_000L;
    /** Every core is kept only if its median step is this much of one thread's or less: fewer spinning threads otherwise. */
    static final double TRIAL_MARGIN = 0.95;

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

    /**
     * Which OpenBLAS count serves the steps of a quiet machine better: every core or one, in
     * {@link #TRIAL_BLOCKS} blocks of {@link #TRIAL_STEPS} short steps of one training thread,
     * ordered A B B A A B B A so that a warming loop or a passing neighbour weighs on both alike,
     * compared by their median. Not thread-safe: callers hold the lock.
     */
    static final class BlasTrial {
        private final int many;
        private int choice;
        /** -1: no trial running; else the block now timed (see {@link #arm}). */
        private int block = -1;
        private int seen;
        private final long[][] samples = new long[2][TRIAL_BLOCKS / 2 * TRIAL_STEPS];
        private final int[] taken = new int[2];
        private boolean decided;
        private long verdictAt;
        private long firstStep;
        private Thread owner;
        private long ownerLast;
        /** The count OpenBLAS runs on now, as far as the rule set it. */
        private int current;
        /** The last verdict in words, or null before the first. */
        private String verdict;

        /** @param many OpenBLAS's count on a quiet machine before any verdict (1 or less: no trials) */
        BlasTrial(int many) {
            this.many = many;
            this.choice = many;
            this.current = many;
        }

        /** {@return the count OpenBLAS runs on while the machine is quiet} */
        int choice() {
            return choice;
        }

        boolean running() {
            return block >= 0;
        }

        /** OpenBLAS was set to {@code threads} from outside the trial (the machine turned busy or quiet). */
        void applied(int threads) {
            current = threads;
        }

        private int switchTo(int threads) {
            if (threads == current) {
                return 0;
            }
            current = threads;
            return threads;
        }

        /**
         * A short step of {@code who} ended at {@code now}, {@code interval} ns after its last, on
         * a quiet machine. {@return the count OpenBLAS must switch to now, or 0 to leave it}
         */
        int onQuietShortStep(Thread who, long interval, long now) {
            if (many <= 1) {
                return 0;
            }
            if (firstStep == 0) {
                firstStep = now;
            }
            if (block >= 0 && who != owner && now - ownerLast > TRIAL_ABANDONED_NANOS) {
                block = -1; // its thread stopped training: back to the choice, or a new trial with this one
                int back = switchTo(choice);
                int start = startIfDue(who, now);
                return start != 0 ? start : back;
            }
            if (block < 0) {
                return startIfDue(who, now);
            }
            if (who != owner) {
                return 0;
            }
            ownerLast = now;
            int arm = arm(block);
            if (seen >= TRIAL_SKIP) {
                samples[arm][taken[arm]++] = interval;
            }
            if (++seen < TRIAL_SKIP + TRIAL_STEPS) {
                return 0;
            }
            seen = 0;
            if (++block < TRIAL_BLOCKS) {
                return switchTo(arm(block) == 0 ? many : 1);
            }
            block = -1;
            owner = null;
            decided = true;
            verdictAt = now;
            double onMany = median(samples[0]);
            double onOne = median(samples[1]);
            choice = onMany <= TRIAL_MARGIN * onOne ? many : 1;
            verdict = String.format(java.util.Locale.ROOT, "OpenBLAS trial: median step %.3f ms on %d threads, %.3f ms on one: %d while the machine is quiet",
                    onMany / 1e6, many, onOne / 1e6, choice);
            return switchTo(choice);
        }

        /** {@return 0 (every core) or 1 (one thread) for a block}: A B B A A B B A, so that a steady drift weighs on both alike. */
        private static int arm(int block) {
            return (block + 1) / 2 % 2;
        }

        private int startIfDue(Thread who, long now) {
            boolean due = decided ? now - verdictAt >= TRIAL_EVERY_NANOS : now - firstStep >= TRIAL_WARMUP_NANOS;
            if (!due) {
                return 0;
            }
            owner = who;
            ownerLast = now;
            block = 0;
            seen = 0;
            taken[0] = 0;
            taken[1] = 0;
            return switchTo(many);
        }

        /** {@return the last verdict in words, or null before the first} */
        String verdict() {
            return verdict;
        }

        /** The machine turned busy: a running trial ends without a verdict. */
        void abort() {
            block = -1;
            owner = null;
        }

        private static double median(long[] values) {
            long[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }
    }

    private static final System.Logger LOG = System.getLogger("io.jtorch");
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
    /** OpenBLAS's setter and trial of the running monitor. Guarded by LOCK. */
    private static IntConsumer blasSetter = n -> {};
    private static BlasTrial trial = new BlasTrial(0);

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
            blasSetter = blas;
            trial = new BlasTrial(quietBlas);
            enabled = true;
            Hysteresis rule = new Hysteresis();
            Thread t = new Thread(() -> watch(rule, otherCores, periodMs), "jtorch-adaptive-threads");
            t.setDaemon(true);
            monitor = t;
            t.start();
        }
    }

    private static void watch(Hysteresis rule, DoubleSupplier otherCores, long periodMs) {
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
                    if (now) {
                        trial.abort();
                    }
                    int threads = now ? 1 : trial.choice();
                    trial.applied(threads);
                    blasSetter.accept(threads);
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

    /** {@return the last OpenBLAS trial's verdict in words, or null before the first} */
    public static String lastTrialVerdict() {
        synchronized (LOCK) {
            return trial.verdict();
        }
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
        long interval = t.last == 0 ? 0 : now - t.last;
        if (interval > 0) {
            t.recent[t.next] = interval;
            t.next = (t.next + 1) % t.recent.length;
        }
        t.last = now;
        double shortest = t.shortest();
        if (!busy && shortest > 0 && shortest < SHORT_STEP_MILLIS * 1_000_000.0) {
            synchronized (LOCK) {
                if (enabled && !busy) {
                    String before = trial.verdict();
                    int blas = trial.onQuietShortStep(Thread.currentThread(), interval, now);
                    if (blas > 0) {
                        blasSetter.accept(blas);
                    }
                    if (trial.verdict() != before) {
                        LOG.log(System.Logger.Level.DEBUG, trial.verdict());
                    }
                }
            }
        }
        int count = countFor(busy, shortest, quietIntraCount);
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
