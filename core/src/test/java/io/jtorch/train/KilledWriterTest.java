package io.jtorch.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of writing a 16 MB checkpoint, many times at different moments: the
 * file at the checkpoint's path always loads, and holds a complete earlier version.
 */
class KilledWriterTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledWriterNeverLeavesAHalfWrittenCheckpoint() throws Exception {
        Path file = tmp.resolve("checkpoint.pt");
        Random random = new Random(42);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long nextVersion = 1;
        int kills = 8;
        for (int round = 0; round < kills; round++) {
            Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    CheckpointWriterProbe.class.getName(), file.toString(), Long.toString(nextVersion)).redirectErrorStream(true).start();
            AtomicLong saved = new AtomicLong(-1);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("saved ")) {
                            saved.set(Long.parseLong(line.substring(6)));
                        }
                    }
                } catch (IOException e) {
                    // the stream closes when the child is killed
                }
            });
            reader.start();
            // Wait for one complete save, then kill during one of the following ones.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (saved.get() < 0 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            assertTrue(saved.get() >= 0, "the writer never saved");
            Thread.sleep(random.nextInt(400));
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
            long lastSaved = saved.get();
            Checkpoint ckpt = Checkpoint.load(file);
            long version = ((Number) ckpt.extra().get("version")).longValue();
            assertTrue(version == lastSaved || version == lastSaved + 1,
                    "round " + round + ": loaded version " + version + ", last reported " + lastSaved);
            Map<String, Tensor> state = ckpt.modelState();
            for (Tensor t : state.values()) {
                assertEquals(version, t.min().item(), 0.0, "round " + round + ": a weight is not from version " + version);
                assertEquals(version, t.max().item(), 0.0, "round " + round + ": a weight is not from version " + version);
            }
            nextVersion = version + 100;
        }
        // Each writer deleted what the killed ones before it had left; only the last one's remains.
        try (var files = Files.list(tmp)) {
            java.util.List<String> left = files.map(p -> p.getFileName().toString()).sorted().toList();
            System.out.println("killed the writer " + kills + " times; files left: " + left);
            assertTrue(left.contains("checkpoint.pt"), left.toString());
            assertTrue(left.size() <= 2, "temporary files of killed writers pile up: " + left);
        }
    }
}
