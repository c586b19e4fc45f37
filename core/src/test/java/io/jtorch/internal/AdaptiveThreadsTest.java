package io.jtorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AdaptiveThreadsTest {
    @Test
    void busyAtOnceQuietAfterASecondOfQuiet() {
        AdaptiveThreads.Hysteresis rule = new AdaptiveThreads.Hysteresis();
        assertFalse(rule.update(0.0));
        assertFalse(rule.update(0.4), "under half a core is not busy");
        assertTrue(rule.update(0.5));
        for (int i = 0; i < AdaptiveThreads.QUIET_SAMPLES - 1; i++) {
            assertTrue(rule.update(0.1), "still busy after " + (i + 1) + " quiet samples");
        }
        assertFalse(rule.update(0.1), "quiet after a second of quiet samples");
        assertTrue(rule.update(2.0));
        for (int i = 0; i < AdaptiveThreads.QUIET_SAMPLES - 1; i++) {
            rule.update(0.1);
        }
        assertTrue(rule.update(0.3), "a sample between the thresholds starts the quiet count again");
        for (int i = 0; i < AdaptiveThreads.QUIET_SAMPLES - 1; i++) {
            assertTrue(rule.update(0.0));
        }
        assertFalse(rule.update(0.0));
    }

    @Test
    void onlyShortStepsDropToOneThreadAndOnlyWhenBusy() {
        assertEquals(1, AdaptiveThreads.countFor(true, 2e6, 4, 4));
        assertEquals(4, AdaptiveThreads.countFor(false, 2e6, 4, 4));
        assertEquals(2, AdaptiveThreads.countFor(false, 2e6, 4, 2), "quiet: short steps take the trial's count");
        assertEquals(4, AdaptiveThreads.countFor(true, 600e6, 4, 2), "a long step keeps the team");
        assertEquals(4, AdaptiveThreads.countFor(false, 600e6, 4, 2), "a long step is not tried");
        assertEquals(4, AdaptiveThreads.countFor(true, 0, 4, 2), "no step measured yet");
    }

    /** Feeds short steps of a thread to a trial; each lasts what {@code nanosFor} says for the counts it runs on. */
    private static final class TrialDriver {
        final AdaptiveThreads.Trial trial;
        long now = 1_000_000_000L;

        TrialDriver(int quietIntra, int quietBlas) {
            trial = new AdaptiveThreads.Trial(quietIntra, quietBlas);
        }

        void steps(Thread who, int steps, java.util.function.ToLongFunction<AdaptiveThreads.Counts> nanosFor) {
            for (int i = 0; i < steps; i++) {
                AdaptiveThreads.Counts runsOn = trial.countsFor(who);
                long interval = nanosFor.applyAsLong(runsOn);
                now += interval;
                trial.onQuietShortStep(who, interval, now);
            }
        }
    }

    /** Calls of a whole trial of four arms: the one that starts it, then every block's skipped and timed steps. */
    private static final int TRIAL = 1 + 8 * (AdaptiveThreads.TRIAL_SKIP + AdaptiveThreads.TRIAL_STEPS);
    private static final int BLOCK = AdaptiveThreads.TRIAL_SKIP + AdaptiveThreads.TRIAL_STEPS;

    private static AdaptiveThreads.Counts counts(int intra, int blas) {
        return new AdaptiveThreads.Counts(intra, blas);
    }

    /** A driver whose thread has stepped through the warm-up: its next short step starts a trial. */
    private static TrialDriver warmed(int quietIntra, int quietBlas, Thread who) {
        TrialDriver d = new TrialDriver(quietIntra, quietBlas);
        d.steps(who, 1, c -> 1_000_000);
        d.now += AdaptiveThreads.TRIAL_WARMUP_NANOS;
        return d;
    }

    @Test
    void noTrialWhileTheProcessWarmsUp() {
        Thread me = Thread.currentThread();
        TrialDriver d = new TrialDriver(2, 2);
        d.steps(me, 2000, c -> 1_000_000); // two seconds of steps
        assertFalse(d.trial.running(), "the first trial waits for the JIT");
        assertEquals(counts(2, 2), d.trial.countsFor(me), "libtorch's count and OpenBLAS on every core until a verdict");
        d.steps(me, 1001, c -> 1_000_000);
        assertTrue(d.trial.running());
    }

    @Test
    void aTrialPicksTheFastestCountsAndFewerThreadsWhenClose() {
        Thread me = Thread.currentThread();
        TrialDriver seen = warmed(2, 2, me);
        java.util.Set<AdaptiveThreads.Counts> tried = new java.util.HashSet<>();
        seen.steps(me, TRIAL, c -> {
            tried.add(c);
            return c.equals(counts(1, 2)) ? 600_000 : 900_000;
        });
        assertEquals(java.util.Set.of(counts(2, 2), counts(2, 1), counts(1, 2), counts(1, 1)), tried, "every pair is tried");
        assertFalse(seen.trial.running());
        assertEquals(counts(1, 2), seen.trial.choice());
        assertEquals(counts(1, 2), seen.trial.countsFor(me));
        assertEquals(2, seen.trial.blasNow());
        assertTrue(seen.trial.verdict().contains("0.600 ms on 1 intra-op + 2 OpenBLAS"), seen.trial.verdict());
        assertTrue(seen.trial.verdict().endsWith("short steps run on 1 intra-op + 2 OpenBLAS while the machine is quiet"),
                seen.trial.verdict());

        TrialDriver level = warmed(2, 2, me);
        level.steps(me, TRIAL, c -> 900_000);
        assertEquals(counts(1, 1), level.trial.choice(), "all alike: the fewest threads");

        TrialDriver close = warmed(2, 2, me);
        close.steps(me, TRIAL, c -> c.equals(counts(2, 2)) ? 800_000 : 830_000);
        assertEquals(counts(1, 1), close.trial.choice(), "4% faster is within the margin: the fewest threads");

        TrialDriver clear = warmed(2, 2, me);
        clear.steps(me, TRIAL, c -> c.equals(counts(2, 2)) ? 700_000 : 830_000);
        assertEquals(counts(2, 2), clear.trial.choice(), "16% faster wins with more threads");
    }

    @Test
    void theBlockOrderCancelsASteadyDrift() {
        Thread me = Thread.currentThread();
        // steps get slower all through the trial, by 1% of a step per step, and every pair is as
        // fast as the others: in the order A B C D A B C D the first pair would look 40% faster
        TrialDriver d = warmed(2, 2, me);
        long[] t = {1_000_000};
        d.steps(me, TRIAL, c -> t[0] += 10_000);
        assertEquals(counts(1, 1), d.trial.choice(), "a drift does not pass for a faster pair: " + d.trial.verdict());
        TrialDriver faster = warmed(2, 2, me);
        long[] u = {1_000_000};
        faster.steps(me, TRIAL, c -> (u[0] += 10_000) * (c.equals(counts(2, 2)) ? 8 : 10) / 10);
        assertEquals(counts(2, 2), faster.trial.choice(), "a real difference under the same drift still shows: " + faster.trial.verdict());
    }

    @Test
    void aVerdictHoldsThenTheTrialRunsAgain() {
        Thread me = Thread.currentThread();
        TrialDriver d = warmed(2, 2, me);
        d.steps(me, TRIAL, c -> c.blas() == 2 ? 1_100_000 : 900_000);
        assertEquals(1, d.trial.choice().blas());
        d.steps(me, 5000, c -> 1_000_000); // five seconds
        assertFalse(d.trial.running(), "no trial while the verdict holds");
        assertEquals(1, d.trial.blasNow());
        d.now += AdaptiveThreads.TRIAL_EVERY_NANOS;
        d.steps(me, TRIAL, c -> c.blas() == 2 ? 500_000 : 900_000);
        assertEquals(2, d.trial.choice().blas(), "the next trial, now in favour of every core");
    }

    @Test
    void aTrialFollowsOneThreadAndIsGivenUpWhenItStops() throws Exception {
        Thread me = Thread.currentThread();
        Thread other = new Thread(() -> {});
        TrialDriver d = warmed(2, 2, me);
        d.steps(me, 1 + BLOCK + 1, c -> 1_000_000); // into the second block
        assertEquals(counts(2, 1), d.trial.countsFor(me), "the second pair");
        assertEquals(1, d.trial.blasNow(), "OpenBLAS, one for the whole process, on the pair's count");
        assertEquals(counts(2, 2), d.trial.countsFor(other), "other threads keep the choice's intra-op count");
        d.steps(other, 10, c -> 1_000_000);
        assertEquals(counts(2, 1), d.trial.countsFor(me), "another thread's steps while the trial's thread trains count for nothing");
        d.steps(other, 1, c -> AdaptiveThreads.TRIAL_ABANDONED_NANOS + 1);
        assertEquals(counts(2, 2), d.trial.countsFor(other), "the trial's thread stopped: the other starts a new trial, first pair first");
        assertTrue(d.trial.running());
        d.steps(other, TRIAL - 1, c -> c.intra() == 1 ? 800_000 : 1_000_000);
        assertEquals(1, d.trial.choice().intra());

        TrialDriver aborted = warmed(2, 2, me);
        aborted.steps(me, BLOCK + 5, c -> 1_000_000);
        aborted.trial.abort();
        assertFalse(aborted.trial.running());
        assertEquals(counts(2, 2), aborted.trial.choice(), "no verdict from an aborted trial");
        assertEquals(2, aborted.trial.blasNow(), "OpenBLAS back on the choice");
    }

    @Test
    void aCountFixedByTheUserIsNotTried() {
        Thread me = Thread.currentThread();
        TrialDriver blasFixed = warmed(2, 0, me);
        java.util.Set<AdaptiveThreads.Counts> tried = new java.util.HashSet<>();
        blasFixed.steps(me, TRIAL, c -> { // two pairs, each in four blocks
            tried.add(c);
            return c.intra() == 1 ? 800_000 : 1_000_000;
        });
        assertEquals(java.util.Set.of(counts(2, 0), counts(1, 0)), tried, "OPENBLAS_NUM_THREADS set: only the intra-op count");
        assertEquals(counts(1, 0), blasFixed.trial.choice());
        assertEquals(0, blasFixed.trial.blasNow(), "OpenBLAS left alone");

        TrialDriver nothing = warmed(1, 0, me);
        nothing.steps(me, 3 * TRIAL, c -> 1_000_000);
        assertFalse(nothing.trial.running(), "one intra-op thread and OpenBLAS fixed: nothing to try");
        assertEquals(null, nothing.trial.verdict());
    }

    @Test
    void procCountersParse() {
        MachineLoad.Sample s = MachineLoad.parse("cpu  100 5 20 1000 7 1 2 30 0 0",
                "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 100 0 0 0 55 11 0 0 20 0 40 0");
        assertEquals(100 + 5 + 20 + 1 + 2 + 30, s.busy(), "user, nice, system, irq, softirq and steal are busy");
        assertEquals(100 + 5 + 20 + 1000 + 7 + 1 + 2 + 30, s.all());
        assertEquals(55 + 11, s.self(), "utime and stime, after a command holding spaces and parentheses");
        assertThrows(IllegalArgumentException.class, () -> MachineLoad.parse("cpu0 1 2 3 4", "1 (x) S"));

        MachineLoad.Sample before = new MachineLoad.Sample(1000, 10_000, 300);
        // 200 ticks of 2 cores passed: 150 busy, 50 of them this process's own
        assertEquals(1.0, MachineLoad.otherCores(before, new MachineLoad.Sample(1150, 10_200, 350), 2), 1e-9);
        assertEquals(0.0, MachineLoad.otherCores(before, new MachineLoad.Sample(1100, 10_200, 400), 2), 1e-9,
                "this process's own time is never load");
        assertEquals(0.0, MachineLoad.otherCores(before, before, 2), 1e-9);
    }

    /** The rule started on a load the test sets ({@code load[0]}, other processes' cores), OpenBLAS's counts recorded; closing switches it off. */
    private static final class InjectedLoad implements AutoCloseable {
        final int original = Torch.getNumThreads();
        final double[] load = {0.0};
        final List<Integer> blas = new CopyOnWriteArrayList<>();

        InjectedLoad() {
            AdaptiveThreads.start(2, 2, () -> load[0], blas::add, 10);
        }

        @Override
        public void close() {
            AdaptiveThreads.disable(original, 0);
        }
    }

    /** The whole rule on a load it is given: OpenBLAS's count, and a short-stepping thread's intra-op count, follow it. */
    @Test
    void countsFollowTheLoad() throws Exception {
        int original = Torch.getNumThreads();
        try (InjectedLoad rule = new InjectedLoad()) {
            double[] load = rule.load;
            List<Integer> blas = rule.blas;
            assertEquals(List.of(2), blas, "OpenBLAS gets every core at start");
            step(5, 1);
            assertEquals(2, Torch.getNumThreads(), "quiet machine: libtorch's count");

            load[0] = 1.5;
            waitFor(AdaptiveThreads::busy, "busy after a sample of 1.5 other cores");
            assertEquals(1, (int) blas.get(blas.size() - 1), "busy: OpenBLAS on one thread");
            step(2, 1);
            assertEquals(1, Torch.getNumThreads(), "busy: a thread of 1 ms steps runs on one thread");
            assertEquals(1.5, AdaptiveThreads.lastOtherCores(), 1e-9);

            int[] seen = new int[1];
            Thread probe = new Thread(() -> {
                step(4, 30);
                seen[0] = Torch.getNumThreads();
            });
            probe.start();
            probe.join();
            assertEquals(2, seen[0], "busy: a thread of 30 ms steps keeps the team");

            load[0] = 0.0;
            waitFor(() -> !AdaptiveThreads.busy(), "quiet after a second of quiet samples");
            assertEquals(List.of(2, 1, 2), blas);
            step(1, 1);
            assertEquals(2, Torch.getNumThreads(), "quiet again: libtorch's count");

            load[0] = 1.5;
            waitFor(AdaptiveThreads::busy, "busy again");
            step(2, 1);
            assertEquals(1, Torch.getNumThreads());
        }
        assertFalse(AdaptiveThreads.enabled());
        step(1, 0);
        assertEquals(original, Torch.getNumThreads(), "switched off: the thread goes back to the fixed count");
    }

    /** A trial through the real step hook: the pair that makes this thread's "steps" fastest is kept, also after a busy spell. */
    @Test
    void aTrialThroughTheStepHookKeepsTheFastestCounts() throws Exception {
        int original = Torch.getNumThreads();
        try (InjectedLoad rule = new InjectedLoad()) {
            double[] load = rule.load;
            List<Integer> blas = rule.blas;
            long end = System.nanoTime() + AdaptiveThreads.TRIAL_WARMUP_NANOS + 4_000_000_000L;
            while (AdaptiveThreads.lastTrialVerdict() == null) {
                assertTrue(System.nanoTime() < end, "no verdict within the warm-up and four seconds of trial");
                AdaptiveThreads.atStep();
                boolean fast = Torch.getNumThreads() == 1 && blas.get(blas.size() - 1) == 2;
                Thread.sleep(fast ? 1 : 4);
            }
            assertTrue(AdaptiveThreads.lastTrialVerdict().endsWith("run on 1 intra-op + 2 OpenBLAS while the machine is quiet"),
                    AdaptiveThreads.lastTrialVerdict());
            step(1, 1);
            assertEquals(1, Torch.getNumThreads(), "the verdict's intra-op count");
            assertEquals(2, (int) blas.get(blas.size() - 1), "and OpenBLAS's");
            load[0] = 1.5;
            waitFor(AdaptiveThreads::busy, "busy");
            assertEquals(1, (int) blas.get(blas.size() - 1), "busy: OpenBLAS on one thread");
            load[0] = 0.0;
            waitFor(() -> !AdaptiveThreads.busy(), "quiet again");
            assertEquals(2, (int) blas.get(blas.size() - 1), "quiet again: the verdict's count");
        }
        step(1, 0);
        assertEquals(original, Torch.getNumThreads(), "switched off: the fixed count again");
    }

    /** The real switch, next to real busy processes: two {@code yes} on every core turn OpenBLAS down to one thread. */
    @Test
    void realBusyProcessesTurnOpenBlasDown() throws Exception {
        Assumptions.assumeTrue(MachineLoad.available(), "needs /proc/stat (Linux)");
        Assumptions.assumeTrue(System.getenv("OPENBLAS_NUM_THREADS") == null && System.getenv("GOTO_NUM_THREADS") == null
                && System.getProperty("jtorch.blasThreads") == null, "OpenBLAS's count is fixed by the environment");
        int original = Torch.getNumThreads();
        int cores = Runtime.getRuntime().availableProcessors();
        Torch.setAdaptiveThreads(true);
        List<Process> hogs = new ArrayList<>();
        try {
            assertTrue(Torch.adaptiveThreads());
            for (int i = 0; i < cores; i++) {
                hogs.add(new ProcessBuilder("yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            waitFor(AdaptiveThreads::busy, "busy next to " + cores + " busy processes (last sample: "
                    + AdaptiveThreads.lastOtherCores() + " other cores)");
            assertEquals(1, Native.blasThreads());
            for (Process p : hogs) {
                p.destroy();
                p.waitFor();
            }
            hogs.clear();
            waitFor(() -> !AdaptiveThreads.busy(), "quiet once they stopped (last sample: " + AdaptiveThreads.lastOtherCores()
                    + " other cores; is something else busy on this machine?)");
            assertEquals(cores, Native.blasThreads(), "quiet: OpenBLAS on every core");
        } finally {
            hogs.forEach(Process::destroyForcibly);
            Torch.setNumThreads(original);
        }
        assertFalse(Torch.adaptiveThreads(), "a fixed count switches adaptive counts off");
        assertEquals(1, Native.blasThreads(), "and OpenBLAS goes back to one thread");
    }

    /** {@code -Djtorch.threads=auto} switches adaptive counts on when libtorch loads; a number keeps them off. */
    @Test
    void thePropertySwitchesThemOn() throws Exception {
        Assumptions.assumeTrue(MachineLoad.available(), "needs /proc/stat (Linux)");
        assertTrue(runMain("auto").contains("sum 3.0 adaptive true"));
        assertTrue(runMain("2").contains("sum 3.0 adaptive false"));
    }

    private static String runMain(String threads) throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djtorch.threads=" + threads, "-cp", System.getProperty("java.class.path"), AdaptiveThreadsMain.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** This process's own busy threads are not load. */
    @Test
    void ownWorkIsNotLoad() throws Exception {
        Assumptions.assumeTrue(MachineLoad.available(), "needs /proc/stat (Linux)");
        MachineLoad.Sample before = MachineLoad.sample();
        long end = System.nanoTime() + 800_000_000L;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        MachineLoad.Sample after = MachineLoad.sample();
        int cpus = MachineLoad.cpus();
        assertTrue(after.self() - before.self() >= 40, "the loop ran: " + (after.self() - before.self()) + " ticks, " + x);
        double others = MachineLoad.otherCores(before, after, cpus);
        assertTrue(others < AdaptiveThreads.BUSY_CORES, "this process's own loop counted as " + others + " other cores");
    }

    private static void step(int steps, long millisEach) {
        for (int i = 0; i < steps; i++) {
            AdaptiveThreads.atStep();
            try {
                Thread.sleep(millisEach);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        AdaptiveThreads.atStep();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not " + what + " within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
