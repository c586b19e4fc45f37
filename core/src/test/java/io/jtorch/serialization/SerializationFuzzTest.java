package io.jtorch.serialization;

import static io.jtorch.serialization.SerializationFixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of damaged weights files (see {@link Mutations}) through every loader of
 * {@link FuzzMain}, in a forked JVM: a crash of native code fails this test instead of the
 * whole run. Every case must end in a value or in a documented exception with a one-line
 * message that names the file.
 */
class SerializationFuzzTest {
    /** What each loader documents for a file it cannot load. */
    private static final java.util.Map<String, Set<String>> DOCUMENTED = java.util.Map.of(
            "torch.load", Set.of(SerializationException.class.getName(), NoSuchFileException.class.getName()),
            "safetensors.load", Set.of(SerializationException.class.getName(), NoSuchFileException.class.getName()),
            "jit.load", Set.of(IllegalArgumentException.class.getName(), NoSuchFileException.class.getName()));

    @TempDir
    Path dir;

    @Test
    void damagedFilesEndInAResultOrADocumentedException() throws Exception {
        Path cases = Files.createDirectory(dir.resolve("cases"));
        Mutations m = new Mutations(20240611L, cases);
        for (String name : List.of("state_dict.pt", "nested.pt", "shared.pt", "dtypes.pt", "protocol1.pt", "protocol4.pt")) {
            m.bitFlips(path(name), 15);
            m.truncations(path(name), 12);
            m.zipEntries(path(name));
            m.pickleOpcodes(path(name), 30);
            m.pickleIntegers(path(name), 30);
            m.pickleGarbage(path(name), 8);
        }
        for (String name : List.of("module.pt", "script.pt", "tensor.pt", "forbidden_global.pt")) {
            m.bitFlips(path(name), 6);
            m.truncations(path(name), 4);
        }
        for (String name : List.of("sequential.pt", "mobilenet.pt")) {
            Path script = Path.of(SerializationFuzzTest.class.getResource("/fixtures/jit/" + name).toURI());
            m.bitFlips(script, 25);
            m.truncations(script, 15);
            m.zipEntries(script);
            m.pickleOpcodes(script, 25);
            m.pickleIntegers(script, 25);
            m.pickleGarbage(script, 8);
        }
        m.bitFlips(path("weights.safetensors"), 40);
        m.truncations(path("weights.safetensors"), 30);
        m.safetensorsHeader(path("weights.safetensors"), 60);
        assertTrue(m.count() >= 500, "only " + m.count() + " mutated files");

        long start = System.nanoTime();
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), FuzzMain.class.getName(),
                cases.toString()).redirectError(stderr.toFile()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the fuzz JVM did not finish in 10 minutes; last output: " + tail(output));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, child.exitValue(), "the fuzz JVM died (a crash in native code?); last output: " + tail(output)
                + "\nstderr: " + tail(Files.readString(stderr)));

        List<String> undocumented = new ArrayList<>();
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        int total = -1;
        int counted = 0;
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", 5);
            if (f[0].equals("total")) {
                total = Integer.parseInt(f[1].strip());
            } else if (f[0].equals("ok")) {
                counted++;
                outcomes.merge("ok", 1, Integer::sum);
            } else if (f[0].equals("error") && f.length == 5) {
                counted++;
                outcomes.merge(f[3].substring(f[3].lastIndexOf('.') + 1), 1, Integer::sum);
                boolean documented = DOCUMENTED.get(f[1]).contains(f[3]) && f[4].startsWith(f[2]) && !f[4].contains("\u2424");
                if (!documented) {
                    undocumented.add(line);
                }
            } else {
                undocumented.add("unparsed line: " + line);
            }
        }
        System.out.printf("serialization fuzz: %d cases (%d mutated files x %d loaders) in %.1f s: %s%n", counted, m.count(),
                FuzzMain.LOADERS.size(), seconds, outcomes);
        assertEquals(total, counted, "the child's count");
        assertTrue(counted >= 500, "only " + counted + " cases");
        assertTrue(undocumented.isEmpty(), undocumented.size() + " cases ended outside the documented exceptions, e.g.:\n"
                + String.join("\n", undocumented.subList(0, Math.min(20, undocumented.size()))));
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
    }
}
