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
