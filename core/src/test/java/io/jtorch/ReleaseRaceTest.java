package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tensor released by its owner (a closing {@link Scope}, a {@code DataLoader} moving to its next
 * batch) while another thread is inside native ops on it: the other thread gets its results, then
 * an {@link IllegalStateException} saying the tensor was released, never a crash. Each mode runs
 * {@link #ROUNDS} rounds in a JVM of its own ({@link ReleaseRaceMain}). Before the other thread
 * borrowed handles under the owner's lock, this JVM crashed (SIGSEGV in {@code mm},
 * {@code compute_matmul_outnames}, {@code TensorImpl::requires_grad}, {@code incref_pyobject})
 * in 8 of 10 runs, 4 of 5 in each mode.
 */
class ReleaseRaceTest {
    static final int ROUNDS = 300;
    static final long SEED = 20240615L;

    @TempDir
    Path dir;

    @Test
    void aScopeClosingUnderAnotherThreadsOpsEndsInResultsThenIllegalState() throws Exception {
        runRounds("scope");
    }

    @Test
    void aDataLoaderAdvancingUnderAnotherThreadsOpsEndsInResultsThenIllegalState() throws Exception {
        runRounds("loader");
    }

    @Test
    void anotherThreadComputesOnAScopedTensorAndWritesInPlaceIntoItsData() throws Exception {
        try (Scope owner = Scope.open()) {
            Tensor t = Torch.tensor(new float[] {1, 2, 3, 4}, 2, 2);
            double sum = onAnotherThread(() -> t.matmul(t).sum().item());
            assertEquals(54.0, sum); // [[7, 10], [15, 22]]
            onAnotherThread(() -> t.mul_(2.0));
            assertEquals(20.0, t.sum().item(), "the other thread's handle shares this tensor's data");
        }
    }

    @Test
    void anotherThreadGetsIllegalStateOnceTheOwnersScopeClosed() throws Exception {
        Tensor t;
        try (Scope owner = Scope.open()) {
            t = Torch.ones(3);
        }
        Tensor released = t;
        Throwable e = onAnotherThreadFailing(() -> released.sum());
        assertTrue(e instanceof IllegalStateException && e.getMessage().contains("was released when the Scope it was created in"), e.toString());
    }

    @Test
    void retainOnAnotherThreadKeepsTheTensorPastItsScope() throws Exception {
        Tensor t;
        try (Scope owner = Scope.open()) {
            t = Torch.ones(3);
            Tensor inner = t;
            onAnotherThread(inner::retain);
        }
        assertEquals(3.0, t.sum().item());
    }

    private static <T> T onAnotherThread(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return other.submit(work).get();
        } finally {
            other.shutdown();
        }
    }

    private static Throwable onAnotherThreadFailing(java.util.concurrent.Callable<?> work) throws Exception {
        try {
            onAnotherThread(work);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the other thread to fail");
    }

    private void runRounds(String mode) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), ReleaseRaceMain.class.getName(),
                Integer.toString(ROUNDS), Long.toString(SEED), mode).redirectError(stderr.toFile()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the race JVM did not finish in 5 minutes");
        }
        assertEquals(0, child.exitValue(), "the race JVM died (a crash in native code?):\n" + output
                + Files.readString(stderr, StandardCharsets.UTF_8));
        Map<String, String[]> lines = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            lines.put(f[0], f);
        }
        long results = Long.parseLong(lines.get("results")[1]);
        System.out.printf("release race (%s): %d rounds, %d results computed before the release, %s released, %s wrong%n",
                mode, ROUNDS, results, lines.get("released")[1], lines.get("wrong")[1]);
        assertEquals(Integer.toString(ROUNDS), lines.get("rounds")[1]);
        assertEquals("0", lines.get("wrong")[1], "a round ended in something else than IllegalStateException: " + lines.get("wrong")[2]);
        assertEquals(Integer.toString(ROUNDS), lines.get("released")[1], "every round ends with the release reported");
        assertTrue(results > 0, "the other thread never finished an op before the release: the race was not exercised");
    }
}
