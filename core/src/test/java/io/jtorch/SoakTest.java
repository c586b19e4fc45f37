package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Long-run stability: the plain training loop of the 784-256-10 MLP (batch 64, a shuffling
 * DataLoader) runs for {@code -Djtorch.soak.minutes=N} minutes and its resident memory stays flat:
 * the value after the last minute is within 10% of the value after the first. Off unless the
 * property is set; {@code bench/soak [minutes]} runs it. The probe runs in a JVM of its own with a
 * fixed, pre-touched heap, so that only native memory can move the number.
 */
@EnabledIfSystemProperty(named = "jtorch.soak.minutes", matches = "[1-9][0-9]*")
class SoakTest {
    @Test
    void residentMemoryStaysFlatForTheWholeRun() throws Exception {
        int minutes = Integer.getInteger("jtorch.soak.minutes");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-cp",
                System.getProperty("java.class.path"), SoakProbe.class.getName(), Integer.toString(minutes)))
                .redirectErrorStream(true).start();
        Map<Integer, Long> rss = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("rss ")) {
                    String[] f = line.split(" ");
                    rss.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
                    System.out.printf("soak minute %s: resident %d MB, %s steps, loss %s%n", f[1], Long.parseLong(f[2]) >> 20, f[3], f[4]);
                }
            }
        }
        assertTrue(p.waitFor(minutes + 5L, TimeUnit.MINUTES), "the soak probe did not finish");
        assertEquals(0, p.exitValue(), "the soak probe failed:\n" + output);
        assertEquals(minutes, rss.size(), "one report a minute:\n" + output);
        long first = rss.get(1);
        long last = rss.get(minutes);
        assertTrue(last <= first * 1.10 && last >= first * 0.90, "resident memory moved from " + (first >> 20) + " MB after the "
                + "first minute to " + (last >> 20) + " MB after minute " + minutes + ": " + rss);
    }
}
