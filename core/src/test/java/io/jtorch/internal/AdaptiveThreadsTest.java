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
        assertEquals(1, AdaptiveThreads.countFor(true, 2e6, 4));
        assertEquals(4, AdaptiveThreads.countFor(false, 2e6, 4));
        assertEquals(4, AdaptiveThreads.countFor(true, 600e6, 4), "a long step keeps the team");
        assertEquals(4, AdaptiveThreads.countFor(true, 0, 4), "no step measured yet");
    }

    /** Feeds {@code steps} short steps of {@code who} to a trial; each lasts what {@code nanosAt} says for OpenBLAS's count at that moment. */
    private static final class TrialDriver {
        final AdaptiveThreads.BlasTrial trial;
        int blas;
        long now = 1_000_000_000L;
        final List<Integer> switches = new ArrayList<>();

        TrialDriver(int many) {
            trial = new AdaptiveThreads.BlasTrial(many);
            blas = many;
        }

        void steps(Thread who, int steps, java.util.function.IntToLongFunction nanosAt) {
            for (int i = 0; i < steps; i++) {
                long interval = nanosAt.applyAsLong(blas);
                now += interval;
                int to = trial.onQuietShortStep(who, interval, now);
                if (to > 0) {
                    assertTrue(to != blas, "a switch to the count OpenBLAS already runs on: " + to);
                    blas = to;
                    switches.add(to);
                }
            }
        }
    }

    /** Calls of a whole trial: the one that starts it, then every block's skipped and timed steps. */
    private static final int TRIAL = 1 + AdaptiveThreads.TRIAL_BLOCKS * (AdaptiveThreads.TRIAL_SKIP + AdaptiveThreads.TRIAL_STEPS);
    private static final int BLOCK = AdaptiveThreads.TRIAL_SKIP + AdaptiveThreads.TRIAL_STEPS;

    /** A driver whose thread has stepped through the warm-up: its next short step starts a trial. */
    private static TrialDriver warmed(int many, Thread who) {
        TrialDriver d = new TrialDriver(many);
        d.steps(who, 1, n -> 1_000_000);
        d.now += AdaptiveThreads.TRIAL_WARMUP_NANOS;
        return d;
    }

    @Test
    void noTrialWhileTheProcessWarmsUp() {
        Thread me = Thread.currentThread();
        TrialDriver d = new TrialDriver(2);
        d.steps(me, 2000, n -> 1_000_000); // two seconds of steps
        assertFalse(d.trial.running(), "the first trial waits for the JIT");
        d.steps(me, 1001, n -> 1_000_000);
        assertTrue(d.trial.running());
    }

    @Test
    void aTrialKeepsEveryCoreOnlyWhereItIsFaster() {
        Thread me = Thread.currentThread();
        TrialDriver faster = warmed(2, me);
        faster.steps(me, TRIAL, n -> n == 2 ? 600_000 : 900_000);
        assertEquals(List.of(1, 2, 1, 2), faster.switches, "blocks on every core, one, one, every core, ..., then every core");
        assertEquals(2, faster.trial.choice());
        assertFalse(faster.trial.running());
        assertTrue(faster.trial.verdict().contains("0.600 ms on 2 threads, 0.900 ms on one: 2"), faster.trial.verdict());

        TrialDriver slower = warmed(2, me);
        slower.steps(me, TRIAL, n -> n == 2 ? 1_100_000 : 900_000);
        assertEquals(List.of(1, 2, 1, 2, 1), slower.switches, "every core is slower in this process: one thread stays");
        assertEquals(1, slower.trial.choice());

        TrialDriver level = warmed(2, me);
        level.steps(me, TRIAL, n -> n == 2 ? 880_000 : 900_000);
        assertEquals(1, level.trial.choice(), "within the margin: the fewer threads");
    }

    @Test
    void theBlockOrderCancelsASteadyDrift() {
        Thread me = Thread.currentThread();
        // steps get slower all through the trial, by 1% of a step per step; both counts are equally
        // fast: blocks in plain alternation would make every core look 14% faster
        TrialDriver d = warmed(2, me);
        long[] t = {1_000_000};
        d.steps(me, TRIAL, n -> t[0] += 10_000);
        assertEquals(1, d.trial.choice(), "a drift does not pass for a faster count: " + d.trial.verdict());
        TrialDriver faster = warmed(2, me);
        long[] u = {1_000_000};
        faster.steps(me, TRIAL, n -> (u[0] += 10_000) * (n == 2 ? 8 : 10) / 10);
        assertEquals(2, faster.trial.choice(), "a real difference under the same drift still shows: " + faster.trial.verdict());
    }

    @Test
    void aVerdictHoldsThenTheTrialRunsAgain() {
        Thread me = Thread.currentThread();
        TrialDriver d = warmed(2, me);
        d.steps(me, TRIAL, n -> n == 2 ? 1_100_000 : 900_000);
        assertEquals(1, d.trial.choice());
        int switches = d.switches.size();
        d.steps(me, 5000, n -> 1_000_000); // five seconds
        assertEquals(switches, d.switches.size(), "no trial while the verdict holds");
        d.now += AdaptiveThreads.TRIAL_EVERY_NANOS;
        d.steps(me, TRIAL, n -> n == 2 ? 500_000 : 900_000);
        assertEquals(2, d.trial.choice(), "the next trial, now in favour of every core");
        assertEquals(2, d.blas);
    }

    @Test
    void aTrialFollowsOneThreadAndIsGivenUpWhenItStops() throws Exception {
        Thread me = Thread.currentThread();
        Thread other = new Thread(() -> {});
        TrialDriver d = warmed(2, me);
        d.steps(me, 1 + BLOCK + 1, n -> 1_000_000); // into the second block, on one thread
        assertEquals(List.of(1), d.switches);
        d.steps(other, 10, n -> 1_000_000);
        assertEquals(List.of(1), d.switches, "another thread's steps while the trial's thread trains count for nothing");
        d.steps(other, 1, n -> AdaptiveThreads.TRIAL_ABANDONED_NANOS + 1);
        assertEquals(List.of(1, 2), d.switches, "the trial's thread stopped: the other starts a new trial, on every core first");
        d.steps(other, TRIAL - 1, n -> n == 2 ? 1_200_000 : 1_000_000);
        assertEquals(1, d.trial.choice());

        TrialDriver aborted = warmed(2, me);
        aborted.steps(me, BLOCK + 5, n -> 1_000_000);
        aborted.trial.abort();
        assertFalse(aborted.trial.running());
        assertEquals(2, aborted.trial.choice(), "no verdict from an aborted trial");

        TrialDriver fixed = warmed(1, me);
        fixed.steps(me, 3 * TRIAL, n -> 1_000_000);
        assertEquals(List.of(), fixed.switches, "OpenBLAS's count fixed by the user: no trials");
    }

    @Test
    void aTrialLeftByItsThreadWithinAVerdictGoesBackToTheChoice() {
        Thread me = Thread.currentThread();
        Thread other = new Thread(() -> {});
        TrialDriver d = warmed(2, me);
        d.steps(me, TRIAL, n -> n == 2 ? 600_000 : 900_000);
        assertEquals(2, d.trial.choice());
        d.now += AdaptiveThreads.TRIAL_EVERY_NANOS;
        d.steps(me, 1 + BLOCK + 1, n -> 1_000_000); // the next trial, into a block on one thread
        assertEquals(1, d.blas);
        d.steps(other, 1, n -> AdaptiveThreads.TRIAL_ABANDONED_NANOS + 1);
        assertEquals(2, d.blas, "back to the last verdict's count");
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

    /** The whole rule on a load it is given: OpenBLAS's count, and a short-stepping thread's intra-op count, follow it. */
    @Test
    void countsFollowTheLoad() throws Exception {
        int original = Torch.getNumThreads();
        double[] load = {0.0};
        List<Integer> blas = new CopyOnWriteArrayList<>();
        AdaptiveThreads.start(2, 2, () -> load[0], blas::add, 10);
        try {
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
        } finally {
            AdaptiveThreads.disable(original, 0);
        }
        assertFalse(AdaptiveThreads.enabled());
        step(1, 0);
        assertEquals(original, Torch.getNumThreads(), "switched off: the thread goes back to the fixed count");
    }

    /** A trial through the real step hook: a process where one OpenBLAS thread is faster keeps one, also after a busy spell. */
    @Test
    void aTrialThroughTheStepHookKeepsTheFasterCount() throws Exception {
        int original = Torch.getNumThreads();
        double[] load = {0.0};
        List<Integer> blas = new CopyOnWriteArrayList<>();
        AdaptiveThreads.start(2, 2, () -> load[0], blas::add, 10);
        try {
            long end = System.nanoTime() + AdaptiveThreads.TRIAL_WARMUP_NANOS + 3_000_000_000L;
            while (AdaptiveThreads.lastTrialVerdict() == null) {
                assertTrue(System.nanoTime() < end, "no verdict within the warm-up and three seconds of trial");
                AdaptiveThreads.atStep();
                Thread.sleep(blas.get(blas.size() - 1) == 2 ? 4 : 1); // every core makes this "step" slower
            }
            assertTrue(AdaptiveThreads.lastTrialVerdict().endsWith(": 1 while the machine is quiet"), AdaptiveThreads.lastTrialVerdict());
            assertEquals(1, (int) blas.get(blas.size() - 1), "kept one");
            load[0] = 1.5;
            waitFor(AdaptiveThreads::busy, "busy");
            load[0] = 0.0;
            waitFor(() -> !AdaptiveThreads.busy(), "quiet again");
            assertEquals(List.of(1, 1), blas.subList(blas.size() - 2, blas.size()), "busy: one thread; quiet again: the trial's verdict, one");
        } finally {
            AdaptiveThreads.disable(original, 0);
        }
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
