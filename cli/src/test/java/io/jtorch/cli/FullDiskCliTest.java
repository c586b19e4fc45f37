package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jtorch finetune --out} on a nearly full disk: a 700 KiB tmpfs mounted by the test (it
 * needs root), which holds the built-in backbone that the run copies out (451 KB) but not the
 * finetuned model as well. The run must end with exit status 2 and one line naming the problem,
 * and leave nothing on the disk. It runs in a JVM of its own: libtorch's writer used to abort the
 * process there (exit 134, "terminate called after throwing an instance of 'c10::Error'"),
 * leaving the run's staging folder behind.
 */
class FullDiskCliTest {
    @TempDir
    Path dir;

    @Test
    void finetuneOnANearlyFullDiskExitsWithTwoAndOneLine() throws Exception {
        assumeTrue(isRoot(), "mounting a small tmpfs needs root; the nearly-full-disk run is not tried");
        Path disk = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", disk.toString()) == 0, "mount -t tmpfs failed");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path stderr = dir.resolve("stderr.txt");
            Process child = new ProcessBuilder(java, "-Xmx1g", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                    "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "finetune", "--per-class", "5", "--epochs", "1", "--out", disk.resolve("out").toString())
                    .redirectError(stderr.toFile()).start();
            child.getInputStream().readAllBytes();
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                fail("the run did not finish in 5 minutes");
            }
            List<String> err = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            assertEquals(2, child.exitValue(), "exit status; stderr:\n" + String.join("\n", err));
            assertEquals(1, err.size(), String.join("\n", err));
            assertTrue(err.get(0).startsWith("jtorch: ") && err.get(0).contains("finetuned.pt") && err.get(0).contains("No space left on device"),
                    err.get(0));
            try (Stream<Path> left = Files.list(disk)) {
                assertEquals(List.of(), left.toList(), "nothing left on the disk");
            }
            assertFalse(Files.exists(disk.resolve("out")));
        } finally {
            command("umount", disk.toString());
        }
    }

    private static boolean isRoot() throws Exception {
        Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 && uid.equals("0");
    }

    private static int command(String... args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
