package io.jtorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeStdoutTest {
    @TempDir
    Path dir;

    /** Only lines that start with the prefix go; the rest arrive whole and in order, also after a failure inside. */
    @Test
    void dropsOnlyThePrefixedLines() throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "filters a POSIX file descriptor");
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), NativeStdoutProbe.class.getName())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue());
        assertEquals(List.of("before", "keep 1", "from another thread", "[drop]no space: kept", "partial line", "result",
                "caught failed inside", "after"), Files.readAllLines(out));
    }
}
