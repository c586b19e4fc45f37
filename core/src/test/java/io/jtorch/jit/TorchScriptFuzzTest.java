package io.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Scope;
import io.jtorch.Torch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TorchScript fuzzer ({@link TorchScriptFuzzMain}) with a fixed seed, one case of each kind
 * of mutation, each in a forked JVM: every case must end in a load (with Python's output where
 * the mutation keeps the file valid) or a one-line Java exception naming the file, never in a
 * crash, a hang, another exception or too much memory. {@code bench/fuzz --torchscript N} runs
 * N cases with a new seed. Also the generator's own soundness, and the crash it found.
 */
class TorchScriptFuzzTest {
    private static final long SEED = Long.getLong("jtorch.tsfuzz.seed", 20261202L);

    @TempDir
    Path dir;

    @Test
    void everyKindOfMutationEndsInALoadOrAClearRefusal() throws Exception {
        int count = Integer.getInteger("jtorch.tsfuzz.cases", TorchScriptMutator.KINDS.size());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TorchScriptFuzzMain.Summary s = TorchScriptFuzzMain.run(SEED, 0, count, dir.resolve("failures"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        System.out.println(s.line() + "; outcomes " + s.outcomes());
        assertTrue(s.failures().isEmpty(), s.failures().size() + " cases failed:\n" + String.join("\n", s.failures()));
        assertEquals(count, s.cases(), "cases run; log:\n" + log);
        // The run is not vacuous: valid mutations loaded, hostile ones were refused.
        assertTrue(s.outcomes().getOrDefault("zip.deflate loaded", 0) > 0, s.outcomes().toString());
        assertTrue(s.outcomes().getOrDefault("zip.duplicate-name refused", 0) > 0, s.outcomes().toString());
        assertTrue(s.outcomes().getOrDefault("pickle.view-out-of-bounds refused", 0) > 0, s.outcomes().toString());
    }

    @Test
    void theUnmutatedSeedsWrittenByTheFuzzZipWriterLoadAndComputePythonsOutput() throws Exception {
        for (TorchScriptMutator.Seed seed : TorchScriptMutator.seedList()) {
            FuzzZip zip = new FuzzZip();
            seed.entries().forEach(e -> zip.entries.add(e.copy()));
            Path file = dir.resolve("plain-" + seed.name());
            Files.write(file, zip.write());
            try (Scope scope = Scope.open()) {
                ScriptModule m = Jit.load(file);
                m.eval();
                long n = 1;
                for (long d : seed.input()) {
                    n *= d;
                }
                float[] got = m.forward(Torch.linspace(-1, 1, n).reshape(seed.input())).contiguous().toFloatArray();
                assertEquals(seed.output().length, got.length, seed.name());
                for (int i = 0; i < got.length; i++) {
                    assertEquals(seed.output()[i], got[i], 1e-4, seed.name() + " output " + i);
                }
            }
        }
    }

    @Test
    void aCaseIsAFunctionOfSeedAndIndex() {
        TorchScriptMutator.Case a = TorchScriptMutator.make(SEED, 7);
        TorchScriptMutator.Case b = TorchScriptMutator.make(SEED, 7);
        assertEquals(a.kind(), b.kind());
        assertTrue(java.util.Arrays.equals(a.bytes(), b.bytes()), "the same bytes");
        assertFalse(java.util.Arrays.equals(a.bytes(), TorchScriptMutator.make(SEED + 1, 7).bytes()), "another seed, another file");
    }

    /** Loads {@code file} in a JVM of its own with the code trusted (the crash was in libtorch, past the code policy). */
    private String loadInOwnJvm(Path file, String stack) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Xss" + stack, "-cp", System.getProperty("java.class.path"),
                HostileLoadMain.class.getName(), file.toString(), "1,3", "trust"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), file + ": the JVM did not finish");
        assertEquals(0, p.exitValue(), file + ": the JVM died (a native crash): " + out);
        return out.strip().substring(out.strip().lastIndexOf('\n') + 1);
    }

    private Path viewsWith(String name, String statement) throws Exception {
        TorchScriptMutator.Seed views = TorchScriptMutator.seedList().stream().filter(s -> s.name().equals("views.pt")).findFirst()
                .orElseThrow();
        FuzzZip zip = new FuzzZip();
        for (FuzzZip.Entry e : views.entries()) {
            FuzzZip.Entry c = e.copy();
            if (c.name.endsWith("code/__torch__.py")) {
                c.data = CodeMutations.insert(c.data, new Random(0), statement);
            }
            zip.entries.add(c);
        }
        Path file = dir.resolve(name);
        Files.write(file, zip.write());
        return file;
    }

    /** Found by the fuzzer (code.deep-expression): 1000 nested parentheses ended the JVM with SIGSEGV in libtorch's parser. */
    @Test
    void codeNestedDeeperThanLibtorchsParserSurvivesIsRefusedBeforeItParses() throws Exception {
        for (String[] c : new String[][] {{"parens.pt", "_d = " + "(".repeat(1000) + "1" + ")".repeat(1000)},
            {"chain.pt", "_d = 1" + " + 1".repeat(3000)}, {"blocks.pt", blocks(1000, "_z = 1")}}) {
            String line = loadInOwnJvm(viewsWith(c[0], c[1]), "1m");
            assertTrue(line.startsWith("refused java.lang.IllegalArgumentException: "), line);
            assertTrue(line.contains(c[0]) && line.contains("nested") && line.contains("more than the 256"), line);
        }
    }

    /** The limit refuses nothing that libtorch parses safely on a thread with a 512 KB stack. */
    @Test
    void codeJustUnderTheLimitLoadsOnASmallStack() throws Exception {
        assertEquals("ok [1, 2]", loadInOwnJvm(viewsWith("mixed.pt", blocks(80, "_z = " + "(".repeat(80) + "1" + " + 1".repeat(12)
                + ")".repeat(80))), "512k"));
        assertEquals("ok [1, 2]", loadInOwnJvm(viewsWith("chain-253.pt", "_d = 1" + " + 1".repeat(253)), "512k"));
    }

    private static String blocks(int depth, String innermost) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(i == 0 ? "" : "\n@@").append("  ".repeat(i)).append("if True:");
        }
        return b.append("\n@@").append("  ".repeat(depth)).append(innermost).toString();
    }
}
