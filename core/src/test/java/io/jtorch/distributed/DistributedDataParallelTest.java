package io.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Sequential;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CPU processes over Gloo on loopback, each a JVM of its own: collectives, DDP training that
 * ends where one process on the whole batch ends, and jobs where one worker exits or stops
 * answering. The three 2-process jobs run at the same time, started once for the whole class.
 */
class DistributedDataParallelTest {
    /** How long a worker may take from its job's start, JVM start-up included, before the test calls it a hang. */
    private static final long WITHIN_SECONDS = 60;
    /** The collective timeout of the job whose rank 1 stops answering. */
    private static final long HANG_TIMEOUT_MS = 3_000;

    @TempDir
    static Path shared;

    static Job trained;
    static Job exited;
    static Job hung;
    static Map<String, Tensor> reference;

    /** A finished worker: exit status, stderr, and seconds from the job's start to its exit. */
    record Worker(int status, String stderr, double seconds) {}

    /** A 2-process job: its folder, its two JVMs, and when each exited (System.nanoTime). */
    record Job(Path dir, Process rank0, Process rank1, long startNanos, CompletableFuture<Long> exit0, CompletableFuture<Long> exit1) {
        static Job start(String mode, String initMethod, Path dir, long timeoutMs) throws IOException {
            long start = System.nanoTime();
            Process p0 = worker(mode, 0, initMethod, dir, timeoutMs);
            Process p1 = worker(mode, 1, initMethod, dir, timeoutMs);
            return new Job(dir, p0, p1, start, p0.onExit().thenApply(p -> System.nanoTime()), p1.onExit().thenApply(p -> System.nanoTime()));
        }

        private static Process worker(String mode, int rank, String initMethod, Path dir, long timeoutMs) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    DistributedWorker.class.getName(), mode, Integer.toString(rank), "2", initMethod, dir.toString(), Long.toString(timeoutMs))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("rank" + rank + ".err").toFile())
                    .start();
        }

        Worker await(int rank) throws Exception {
            Process p = rank == 0 ? rank0 : rank1;
            long left = startNanos + TimeUnit.SECONDS.toNanos(WITHIN_SECONDS) - System.nanoTime();
            boolean done = p.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS);
            String stderr = Files.readString(dir.resolve("rank" + rank + ".err"), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
                throw new AssertionError("worker rank " + rank + " of job '" + dir.getFileName() + "' still runs " + WITHIN_SECONDS
                        + " s after the job started: " + stderr);
            }
            long exited = (rank == 0 ? exit0 : exit1).get();
            return new Worker(p.exitValue(), stderr, (exited - startNanos) / 1e9);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void startTheJobsAndTrainTheOneProcessReference() throws Exception {
        Path t = Files.createDirectory(shared.resolve("trained"));
        Path e = Files.createDirectory(shared.resolve("exit"));
        Path h = Files.createDirectory(shared.resolve("hang"));
        trained = Job.start("train", "tcp://127.0.0.1:" + freePort(), t, 30_000);
        exited = Job.start("exit", e.resolve("store").toUri().toString(), e, 30_000);
        hung = Job.start("hang", h.resolve("store").toUri().toString(), h, HANG_TIMEOUT_MS);

        Sequential model = TinyJob.model(0);
        TinyJob.train(model, model, 1, 0, step -> { });
        reference = model.stateDict();

        for (int rank = 0; rank < 2; rank++) {
            Worker w = trained.await(rank);
            assertEquals(0, w.status(), "rank " + rank + ": " + w.stderr());
        }
    }

    @AfterAll
    static void stopTheWorkerThatHangs() throws InterruptedException {
        for (Job j : new Job[] {trained, exited, hung}) {
            if (j != null) {
                j.rank0().destroyForcibly().waitFor();
                j.rank1().destroyForcibly().waitFor();
            }
        }
    }

    static String value(int rank, String key) throws IOException {
        List<String> report = Files.readAllLines(trained.dir().resolve("rank" + rank + ".txt"));
        for (String line : report) {
            if (line.startsWith(key + " ")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in rank " + rank + "'s report: " + report);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Tensor> weights(int rank) throws IOException {
        return (Map<String, Tensor>) Torch.load(trained.dir().resolve("rank" + rank + ".pt"));
    }

    @Test
    void allReduceSumsAndTakesMaximaOverTheRanks() throws IOException {
        for (int rank = 0; rank < 2; rank++) {
            assertEquals("3.0 30.0", value(rank, "all_reduce_sum"));
            assertEquals("2.0 -0.0", value(rank, "all_reduce_max"));
            assertEquals("of 2", value(rank, "rank " + rank));
        }
    }

    @Test
    void broadcastCopiesTheSourceRanksTensor() throws IOException {
        assertEquals("100.0", value(0, "broadcast_from_1"));
        assertEquals("100.0", value(1, "broadcast_from_1"));
    }

    @Test
    void wrappingCopiesRankZerosWeightsToEveryRank() throws IOException {
        double rank0 = 0;
        for (Tensor t : TinyJob.model(0).stateDict().values()) {
            rank0 += t.sum().item();
        }
        assertEquals(String.format(Locale.ROOT, "%.6f", rank0), value(1, "initial"));
    }

    @Test
    void bothRanksEndWithTheSameWeights() throws IOException {
        Map<String, Tensor> w0 = weights(0);
        Map<String, Tensor> w1 = weights(1);
        assertEquals(w0.keySet(), w1.keySet());
        for (String k : w0.keySet()) {
            assertTrue(w0.get(k).equal(w1.get(k)), k);
        }
    }

    @Test
    void twoProcessesOnHalfBatchesEndWithTheWeightsOfOneProcessOnWholeBatches() throws IOException {
        Map<String, Tensor> w0 = weights(0);
        Map<String, Tensor> initial = TinyJob.model(0).stateDict();
        assertEquals(reference.keySet(), w0.keySet());
        for (String k : reference.keySet()) {
            double diff = w0.get(k).sub(reference.get(k)).abs().max().item();
            assertTrue(diff <= 1e-5, k + " differs by " + diff);
            assertFalse(reference.get(k).equal(initial.get(k)), k + " was trained");
        }
    }

    @Test
    void aWorkerThatExitsMakesTheOtherExitNonZeroWithOneLine() throws Exception {
        Worker w1 = exited.await(1);
        Worker w0 = exited.await(0);
        assertEquals(3, w1.status(), "rank 1 exits on purpose: " + w1.stderr());
        assertEquals(1, w0.status(), w0.stderr());
        assertTrue(failureLine(w0).matches("worker rank 0: backward: Connection (closed|reset) by peer .* \\(another process of the "
                + "distributed job exited or stopped responding\\)"), failureLine(w0));
        assertTrue(w0.seconds() - w1.seconds() < 10, "rank 0 exited " + (w0.seconds() - w1.seconds()) + " s after rank 1");
    }

    @Test
    void aWorkerThatStopsAnsweringMakesTheOtherExitNonZeroWhenTheTimeoutExpires() throws Exception {
        Worker w0 = hung.await(0);
        assertEquals(1, w0.status(), w0.stderr());
        assertTrue(failureLine(w0).matches("worker rank 0: backward: Timed out waiting " + HANG_TIMEOUT_MS + "ms for (recv|send) operation "
                + "to complete \\(another process of the distributed job exited or stopped responding\\)"), failureLine(w0));
        assertTrue(hung.rank1().isAlive(), "rank 1 is still asleep: rank 0 did not wait for it to exit");
    }

    /** The worker's failure report: exactly one line, without C++ source locations or stack frames. */
    static String failureLine(Worker w) {
        List<String> lines = new ArrayList<>();
        for (String l : w.stderr().split("\n")) {
            if (l.startsWith("worker rank")) {
                lines.add(l);
            }
        }
        assertEquals(1, lines.size(), w.stderr());
        String line = lines.get(0);
        assertFalse(line.contains(".cc:") || line.contains("frame #"), line);
        return line;
    }
}
