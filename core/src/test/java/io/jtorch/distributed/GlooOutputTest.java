package io.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Gloo process group prints on the standard streams of a job of two processes. Gloo's
 * rendezvous writes one line per rank to C++'s {@code std::cout} when the ranks connect
 * ({@code gloo::rendezvous::Context::connectFullMesh}), unconditionally: no log level or
 * environment variable turns it off (DISTRIBUTED.md, "What Gloo prints"). jtorch filters that
 * line out of standard output while the group connects ({@code NativeStdout}); with
 * {@code -Djtorch.quietGloo=false} it is left alone, which shows that the filter, not a change of
 * Gloo, removed it. Any other new line is noticed.
 */
class GlooOutputTest {
    @TempDir
    Path dir;

    @Test
    void twoRanksPrintOnlyTheirOwnOutput() throws Exception {
        assertEquals(List.of(), connectLines(false));
    }

    @Test
    void gloosConnectionLineIsThereWhenTheFilterIsOff() throws Exception {
        assertEquals(List.of("[Gloo] Rank 0 is connected to 1 peer ranks. Expected number of connected peer ranks is : 1"),
                connectLines(true));
    }

    /** Runs two ranks; returns rank 0's extra stdout lines, after checking stderr is empty and each rank printed its sum. */
    private List<String> connectLines(boolean showGloo) throws Exception {
        Path run = Files.createTempDirectory(dir, "run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String init = run.resolve("store").toUri().toString();
        List<Process> ranks = new ArrayList<>();
        for (int rank = 0; rank < 2; rank++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Djtorch.quietGloo=" + !showGloo, "-cp",
                    System.getProperty("java.class.path"), GlooOutputWorker.class.getName(), Integer.toString(rank), init)
                    .redirectOutput(run.resolve("rank" + rank + ".out").toFile())
                    .redirectError(run.resolve("rank" + rank + ".err").toFile());
            // The settings one would try first: c10's and glog's log levels. Neither reaches the line.
            pb.environment().put("TORCH_CPP_LOG_LEVEL", "FATAL");
            pb.environment().put("GLOG_minloglevel", "3");
            ranks.add(pb.start());
        }
        List<String> extra = new ArrayList<>();
        for (int rank = 0; rank < 2; rank++) {
            Process p = ranks.get(rank);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "rank " + rank + " did not finish");
            // The JVM itself may announce JAVA_TOOL_OPTIONS; that is the environment's, not output of the job.
            String err = Files.readString(run.resolve("rank" + rank + ".err")).lines()
                    .filter(l -> !l.startsWith("Picked up ")).map(l -> l + "\n").reduce("", String::concat);
            assertEquals(0, p.exitValue(), err);
            assertEquals("", err, "rank " + rank + " wrote to stderr");
            List<String> out = new ArrayList<>(Files.readAllLines(run.resolve("rank" + rank + ".out")));
            assertTrue(out.remove("rank " + rank + " sum [2.0, 4.0]"), "rank " + rank + " lost its own line: " + out);
            if (rank == 0) {
                extra.addAll(out);
            } else if (!showGloo) {
                assertEquals(List.of(), out, "rank 1 printed more than its own line");
            }
        }
        return extra;
    }
}
