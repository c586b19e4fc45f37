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
 * environment variable turns it off (DISTRIBUTED.md, "What Gloo prints"). This test pins that
 * down, so that a presets upgrade that drops the line, or any new line, is noticed; jtorch itself
 * prints nothing.
 */
class GlooOutputTest {
    @TempDir
    Path dir;

    @Test
    void twoRanksPrintOnlyGloosConnectionLineAndTheirOwnOutput() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String init = dir.resolve("store").toUri().toString();
        List<Process> ranks = new ArrayList<>();
        for (int rank = 0; rank < 2; rank++) {
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    GlooOutputWorker.class.getName(), Integer.toString(rank), init)
                    .redirectOutput(dir.resolve("rank" + rank + ".out").toFile())
                    .redirectError(dir.resolve("rank" + rank + ".err").toFile());
            // The settings one would try first: c10's and glog's log levels. Neither reaches the line.
            pb.environment().put("TORCH_CPP_LOG_LEVEL", "FATAL");
            pb.environment().put("GLOG_minloglevel", "3");
            ranks.add(pb.start());
        }
        for (int rank = 0; rank < 2; rank++) {
            Process p = ranks.get(rank);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "rank " + rank + " did not finish");
            // The JVM itself may announce JAVA_TOOL_OPTIONS; that is the environment's, not output of the job.
            String err = Files.readString(dir.resolve("rank" + rank + ".err")).lines()
                    .filter(l -> !l.startsWith("Picked up ")).map(l -> l + "\n").reduce("", String::concat);
            assertEquals(0, p.exitValue(), err);
            assertEquals("", err, "rank " + rank + " wrote to stderr");
            List<String> out = Files.readAllLines(dir.resolve("rank" + rank + ".out"));
            assertEquals(List.of(
                    "[Gloo] Rank " + rank + " is connected to 1 peer ranks. Expected number of connected peer ranks is : 1",
                    "rank " + rank + " sum [2.0, 4.0]"), out);
        }
    }
}
