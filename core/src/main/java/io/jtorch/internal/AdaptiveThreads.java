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
 * neighbours they cost ten times the product itself.
 *
 * <p>libtorch's intra-op threads: a training thread whose steps (the intervals between its
 * optimizer steps, the shortest of the last five) are short, under {@link #SHORT_STEP_MILLIS}
 * ms, runs on one thread while the machine is busy; threads with longer steps, and threads that
 * do not train, keep their count. Measured on two cores next to two busy processes: a
 * 784-256-10 MLP step (about 1 ms) was about twice as fast on one thread, since each of its small
 * parallel operations waits for a team mate that is waiting for a core, while a ResNet-18 step
 * (0.6-0.9 s) was faster on two (a team of two gets two shares of the machine).
 *
 * <p>On a quiet machine the best counts for short steps were not the same from one JVM to the
 * next, nor from one phase of a process to the next (two OpenBLAS threads made the seed step
 * faster in most JVMs and slower in some, for a reason not found). So there a thread that trains
 * in short steps runs a {@link Trial}: about a hundred of its steps, in blocks on libtorch's
 * intra-op count and on one, each with OpenBLAS on every core and on one, after which its short
 * steps and OpenBLAS keep the fastest (the fewest threads within 5% of it) until the next trial
 * ten seconds later. The first trial waits for three seconds of steps, while the JIT compiles.
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
    /** Steps timed in each block of a thread trial. */
    static final int TRIAL_STEPS = 12;
    /** Steps not timed after each switch of a trial, while the other count's threads settle. */
    static final int TRIAL_SKIP = 2;
    /** Short steps before the first trial: the JIT's compiler threads and a warming loop would tilt it. */
    static final long TRIAL_WARMUP_NANOS = 3_000_000_000L;
    /** How long a trial's verdict holds: the faster count changes over seconds in one process. */
    static final long TRIAL_EVERY_NANOS = 10_000_000_000L;
    /** A trial thread whose steps stopped this long ago gives the trial up to another. */
    static final long TRIAL_ABANDONED_NANOS = 1_000_000_000L;
    /** More threads win a trial only if their median step is this much of the fewer threads' or less: fewer spinning threads otherwise. */
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

    /** Thread counts for a short step: the stepping thread's intra-op threads, and OpenBLAS's (0: left as it is). */
    record Counts(int intra, int blas) {
        int threads() {
            return intra + blas;
        }

        @Override
        public String toString() {
            return blas > 0 ? intra + " intra-op + " + blas + " OpenBLAS" : intra + " intra-op";
        }
    }

    /**
     * Which thread counts serve the short steps of a quiet machine best: libtorch's intra-op
     * count or one, times OpenBLAS on every core or on one, each for blocks of
     * {@link #TRIAL_STEPS} steps of one training thread in a palindromic order (A B C D D C B A,
     * so that a warming loop or a passing neighbour weighs on all alike), compared by their
     * median. The fewest threads within {@link #TRIAL_MARGIN} of the fastest win. Not
     * thread-safe: callers hold the lock.
     */
    static final class Trial {
        private final Counts[] arms;
        /** The arm of each block. */
        private final int[] order;
        private Counts choice;
        /** -1: no trial running; else the block now timed. */
        private int block = -1;
        private int seen;
        private final long[][] samples;
        private final int[] taken;
        private boolean decided;
        private long verdictAt;
        private long firstStep;
        private Thread owner;
        private long ownerLast;
        /** The last verdict in words, or null before the first. */
        private String verdict;

        /**
         * @param quietIntra libtorch's intra-op count on a quiet machine
         * @param quietBlas OpenBLAS's count on a quiet machine (0: fixed by the user, not tried)
         */
        Trial(int quietIntra, int quietBlas) {
            java.util.LinkedHashSet<Counts> set = new java.util.LinkedHashSet<>();
            for (int intra : new int[] {quietIntra, 1}) {
                for (int blas : quietBlas > 1 ? new int[] {quietBlas, 1} : new int[] {quietBlas}) {
                    set.add(new Counts(intra, blas));
                }
            }
            arms = set.toArray(new Counts[0]);
            choice = arms[0];
            int k = arms.length;
            int repeats = Math.max(1, 4 / k);
            order = new int[2 * k * repeats];
            for (int r = 0, b = 0; r < repeats; r++) {
                for (int i = 0; i < k; i++) {
                    order[b++] = i;
                }
                for (int i = k - 1; i >= 0; i--) {
                    order[b++] = i;
                }
            }
            samples = new long[k][order.length / k * TRIAL_STEPS];
            taken = new int[k];
        }

        /** {@return the counts a quiet machine's short steps run on between trials} */
        Counts choice() {
            return choice;
        }

        boolean running() {
            return block >= 0;
        }

        /** {@return the counts the next short step of {@code who} runs on} */
        Counts countsFor(Thread who) {
            return block >= 0 && who == owner ? arms[order[block]] : choice;
        }

        /** {@return OpenBLAS's count for now (0: leave it)}: the timed arm's during a trial, else the choice's */
        int blasNow() {
            return block >= 0 ? arms[order[block]].blas() : choice.blas();
        }

        /**
         * A short step of {@code who} ended at {@code now}, {@code interval} ns after its last, on
         * a quiet machine. {@return whether it ended a trial, with a new verdict}
         */
        boolean onQuietShortStep(Thread who, long interval, long now) {
            if (arms.length < 2) {
                return false;
            }
            if (firstStep == 0) {
                firstStep = now;
            }
            if (block >= 0 && who != owner && now - ownerLast > TRIAL_ABANDONED_NANOS) {
                block = -1; // its thread stopped training: the choice again, or a new trial with this one
            }
            if (block < 0) {
                startIfDue(who, now);
                return false;
            }
            if (who != owner) {
                return false;
            }
            ownerLast = now;
            int arm = order[block];
            if (seen >= TRIAL_SKIP) {
                samples[arm][taken[arm]++] = interval;
            }
            if (++seen < TRIAL_SKIP + TRIAL_STEPS) {
                return false;
            }
            seen = 0;
            if (++block < order.length) {
                return false;
            }
            block = -1;
            owner = null;
            decided = true;
            verdictAt = now;
            decide();
            return true;
        }

        private void decide() {
            double[] medians = new double[arms.length];
            double best = Double.MAX_VALUE;
            for (int i = 0; i < arms.length; i++) {
                medians[i] = median(samples[i]);
                best = Math.min(best, medians[i]);
            }
            int pick = -1;
            for (int i = 0; i < arms.length; i++) {
                if (medians[i] * TRIAL_MARGIN <= best
                        && (pick < 0 || arms[i].threads() < arms[pick].threads()
                                || arms[i].threads() == arms[pick].threads() && medians[i] < medians[pick])) {
                    pick = i;
                }
            }
            choice = arms[pick];
            StringBuilder words = new StringBuilder("thread trial, median step:");
            for (int i = 0; i < arms.length; i++) {
                words.append(String.format(java.util.Locale.ROOT, " %.3f ms on %s;", medians[i] / 1e6, arms[i]));
            }
            verdict = words.append(" short steps run on ").append(choice).append(" while the machine is quiet").toString();
        }

        private void startIfDue(Thread who, long now) {
            boolean due = decided ? now - verdictAt >= TRIAL_EVERY_NANOS : now - firstStep >= TRIAL_WARMUP_NANOS;
            if (!due) {
                return;
            }
            owner = who;
            ownerLast = now;
            block = 0;
            seen = 0;
            java.util.Arrays.fill(taken, 0);
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
    /** OpenBLAS's setter, the count last given to it, and the trial of the running monitor. Guarded by LOCK. */
    private static IntConsumer blasSetter = n -> {};
    private static int blasApplied;
    private static Trial trial = new Trial(1, 0);

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
            blasApplied = quietBlas;
            trial = new Trial(quietIntra, quietBlas);
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
                    applyBlas(now ? 1 : trial.blasNow());
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

    /** {@return the last thread trial's verdict in words, or null before the first} */
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
        int quietShortIntra = quietIntraCount;
        if (!busy && shortest > 0 && shortest < SHORT_STEP_MILLIS * 1_000_000.0) {
            synchronized (LOCK) {
                if (enabled && !busy) {
                    Thread me = Thread.currentThread();
                    if (trial.onQuietShortStep(me, interval, now)) {
                        LOG.log(System.Logger.Level.DEBUG, trial.verdict());
                    }
                    applyBlas(trial.blasNow());
                    quietShortIntra = trial.countsFor(me).intra();
                }
            }
        }
        int count = countFor(busy, shortest, quietIntraCount, quietShortIntra);
        if (count != t.applied && (t.applied != 0 || count != quietIntraCount)) {
            IntraOpThreads.setForCurrentThread(count);
            t.applied = count;
        }
    }

    /**
     * The intra-op count for a thread whose steps take {@code stepNanos} (0: not known yet):
     * short steps run on one thread while the machine is busy and on {@code quietShortIntra}
     * (the trial's) while it is quiet; longer steps keep {@code quietIntra}.
     */
    static int countFor(boolean busy, double stepNanos, int quietIntra, int quietShortIntra) {
        boolean shortSteps = stepNanos > 0 && stepNanos < SHORT_STEP_MILLIS * 1_000_000.0;
        return shortSteps ? (busy ? 1 : quietShortIntra) : quietIntra;
    }

    /** Gives OpenBLAS {@code threads} (0: leave it) unless it has them. Call with the lock held. */
    private static void applyBlas(int threads) {
        if (threads > 0 && threads != blasApplied) {
            blasSetter.accept(threads);
            blasApplied = threads;
        }
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
