package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A plain training loop over a DataLoader keeps native memory flat: resident memory after
 * 20,000 steps stays within 10% of its value after 1,000 steps. Runs in a separate JVM with a
 * fixed, pre-touched heap so that only native growth can move the number.
 */
class MemoryBoundTest {
    @Test
    void plainLoopDoesNotGrowNativeMemory() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), "20000", "1000", "5000", "10000", "20000"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<Integer, Long> rss = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("rss ")) {
                    String[] f = line.split(" ");
                    rss.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
                }
            }
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "probe timed out");
        assertEquals(0, p.exitValue(), "probe failed:\n" + output);
        System.out.println("resident memory by step: " + rss);
        long at1k = rss.get(1000);
        long at20k = rss.get(20000);
        assertTrue(at20k <= at1k * 1.10, "resident memory grew from " + at1k / (1 << 20) + " MB at step 1,000 to "
                + at20k / (1 << 20) + " MB at step 20,000:\n" + output);
    }

    /**
     * Tensors nobody releases are freed by the garbage collector before the process outgrows four
     * times its heap (JavaCPP's limit, checked by jtorch every 256 tensors instead of on every
     * native object): 3,000 tensors of 1 MB in a JVM of 128 MB heap end far below 3 GB.
     */
    @Test
    void tensorsLeftToTheGarbageCollectorAreFreedBeforeMemoryRunsAway() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), GarbageProbe.class.getName(), "3000")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe timed out");
        assertEquals(0, p.exitValue(), "probe failed:\n" + output);
        String[] f = output.lines().filter(l -> l.startsWith("rss ")).findFirst().orElseThrow().split(" ");
        long rss = Long.parseLong(f[1]);
        long limit = Long.parseLong(f[3]);
        assertEquals(4 * Long.parseLong(f[7]), limit, output);
        assertEquals(0L, Long.parseLong(f[5]), "JavaCPP still checks memory on every allocation: " + output);
        assertTrue(rss < limit + 512L * 1024 * 1024, "resident memory reached " + rss / (1 << 20) + " MB: " + output);
    }
}
