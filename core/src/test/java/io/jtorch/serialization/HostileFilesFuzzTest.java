package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class of hostile file that once hung a loader, exhausted its heap or ended in the wrong
 * error ({@link HostileFiles}: pickle opcode floods, colliding dict keys, huge decimal integers,
 * entries that inflate past their declared size, floods of views and of empty safetensors
 * tensors, named pipes, gigantic image headers, tampered checkpoints, oversized extra files),
 * generated with a fixed seed and loaded in a JVM with a 256 MB heap ({@link HostileFuzzMain}):
 * each case must end within 10 s in a result or a documented one-line exception, never in an
 * {@link OutOfMemoryError} or a hang. {@code bench/fuzz N} runs N cases per class with a new seed.
 */
class HostileFilesFuzzTest {
    private static final long SEED = Long.getLong("jtorch.fuzz.seed", 20250101L);
    private static final int PER_KIND = Integer.getInteger("jtorch.fuzz.cases", 2);

    @TempDir
    Path dir;

    @Test
    void hostileFilesEndInTimeWithinTheHeapAndWithADocumentedError() throws Exception {
        Path failures = Path.of(System.getProperty("jtorch.fuzz.failures", dir.resolve("failures").toString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), HostileFuzzMain.class.getName(),
                Long.toString(SEED), Integer.toString(PER_KIND), dir.resolve("work").toString(), failures.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(30L * PER_KIND + 60, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the fuzz JVM did not finish; last output:\n" + tail(output));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> failed = new ArrayList<>();
        TreeMap<String, Integer> passedByKind = new TreeMap<>();
        int cases = 0;
        for (String line : output.split("\n")) {
            String[] f = line.split("\t");
            if (f[0].equals("pass")) {
                cases++;
                passedByKind.merge(f[1], 1, Integer::sum);
            } else if (f[0].equals("fail") || f[0].equals("hang")) {
                cases++;
                failed.add(line + " (reproduce: seed " + SEED + ", case " + f[2] + "; file kept in " + failures + ")");
            }
        }
        System.out.printf("hostile-file fuzz: seed %d, %d cases in %.1f s (%.2f cases/s), %d failed; passed by kind %s%n", SEED, cases,
                seconds, cases / seconds, failed.size(), passedByKind);
        assertEquals(0, child.exitValue(), "the fuzz JVM ended with status " + child.exitValue() + " (3: a case hung); output:\n"
                + tail(output));
        assertTrue(failed.isEmpty(), failed.size() + " cases failed:\n" + String.join("\n", failed));
        int kinds = HostileFiles.KINDS.size() - (HostileFiles.canMakePipes() ? 0 : 1);
        assertEquals(kinds * PER_KIND, cases, "cases run; output:\n" + tail(output));
        assertTrue(Files.notExists(failures) || Files.list(failures).findAny().isEmpty(), "failing cases were kept in " + failures);
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 10), lines.length));
    }
}
