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

    /**
     * Loads {@code files} in one JVM of its own with a {@code stack} thread stack and their code
     * trusted (the crashes were in libtorch, past the code policy): each file's line of output.
     */
    private List<String> loadInOwnJvm(String stack, Path... files) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Xss" + stack, "-cp", System.getProperty("java.class.path"),
                LoadEachMain.class.getName(), "1,3"));
        for (Path f : files) {
            command.add(f.toString());
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the JVM did not finish");
        assertEquals(0, p.exitValue(), "the JVM died (a native crash) while loading the last file named: " + out);
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            String prefix = f.getFileName() + ": ";
            String line = out.lines().filter(l -> l.startsWith(prefix) && !l.equals(prefix + "loading")).findFirst().orElse("none");
            lines.add(line.substring(Math.min(line.length(), prefix.length())));
        }
        return lines;
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

    /**
     * Found by the fuzzer (code.deep-expression, code.deep-blocks): 1000 nested parentheses, a
     * chain of 3000 {@code + 1} or 1000 nested {@code if} blocks ended the JVM with SIGSEGV in
     * libtorch's recursive parser; the limit refuses nothing that loads on a 512 KB stack.
     */
    @Test
    void codeNestedDeeperThanLibtorchsParserSurvivesIsRefusedBeforeItParses() throws Exception {
        List<String> refused = loadInOwnJvm("1m", viewsWith("parens.pt", "_d = " + "(".repeat(1000) + "1" + ")".repeat(1000)),
                viewsWith("chain.pt", "_d = 1" + " + 1".repeat(3000)), viewsWith("blocks.pt", blocks(1000, "_z = 1")));
        for (String line : refused) {
            assertTrue(line.startsWith("refused java.lang.IllegalArgumentException: "), line);
            assertTrue(line.contains("holds code nested") && line.contains("more than the 256"), line);
        }
        assertEquals(List.of("ok [1, 2]", "ok [1, 2]"), loadInOwnJvm("512k",
                viewsWith("mixed.pt", blocks(80, "_z = " + "(".repeat(80) + "1" + " + 1".repeat(12) + ")".repeat(80))),
                viewsWith("chain-253.pt", "_d = 1" + " + 1".repeat(253))));
    }

    /** views.pt with the first opcode {@code code} of its data.pkl replaced by {@code ops}. */
    private Path viewsWithPickle(String name, int code, List<FuzzPickle.Op> ops) throws Exception {
        TorchScriptMutator.Seed views = TorchScriptMutator.seedList().stream().filter(s -> s.name().equals("views.pt")).findFirst()
                .orElseThrow();
        FuzzZip zip = new FuzzZip();
        for (FuzzZip.Entry e : views.entries()) {
            FuzzZip.Entry c = e.copy();
            if (c.name.endsWith("/data.pkl")) {
                FuzzPickle p = new FuzzPickle(c.data);
                int at = p.indicesOf(code).get(0);
                p.ops.remove(at);
                p.ops.addAll(at, ops);
                c.data = p.write();
            }
            zip.entries.add(c);
        }
        Path file = dir.resolve(name);
        Files.write(file, zip.write());
        return file;
    }

    /**
     * Found by the fuzzer (pickle.deep-nesting): 26,000 nested tuples as a module attribute, or
     * 53,000 as the requires_grad argument of a tensor (a value jtorch's reading dropped), ended
     * the JVM with SIGSEGV in libtorch's unpickler. A list that contains itself did not crash it
     * here, but no pickler writes one and any recursive walk of it never ends: refused too.
     */
    @Test
    void picklesNestedDeeperThanLibtorchsReaderSurvivesAreRefusedBeforeItReads() throws Exception {
        List<String> lines = loadInOwnJvm("1m", viewsWithPickle("attribute.pt", 0x88, FuzzPickle.nestedTuples(30_000)),
                viewsWithPickle("dropped.pt", 0x89, FuzzPickle.nestedLists(60_000)),
                viewsWithPickle("cycle.pt", 0x88, FuzzPickle.selfContaining(false)),
                viewsWithPickle("under.pt", 0x88, FuzzPickle.nestedTuples(990)));
        String[] needles = {"nested more than 1000", "nested more than 1000", "contains itself"};
        for (int i = 0; i < needles.length; i++) {
            assertTrue(lines.get(i).startsWith("refused java.lang.IllegalArgumentException: "), lines.get(i));
            assertTrue(lines.get(i).contains("data.pkl holds") && lines.get(i).contains(needles[i]), lines.get(i));
        }
        assertEquals("ok [1, 2]", lines.get(3), "990 nested tuples are under the limit");
    }

    /**
     * Found by the fuzzer (code.huge-function): 150,000 one-line statements (4 MB of code) took
     * 11 s and hundreds of MB of native memory to compile, none of it counted in the limit.
     */
    @Test
    void codeCountsInTheMemoryLimit() throws Exception {
        StringBuilder body = new StringBuilder("_v0 = 1");
        for (int i = 1; i < 20_000; i++) {
            body.append("\n@@_v").append(i).append(" = _v").append(i - 1).append(" + 1");
        }
        Path file = viewsWith("much-code.pt", body.toString());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Jit.load(file, LoadOptions.defaults().withMaxBytes(64L << 20)));
        assertTrue(e.getMessage().contains("much-code.pt: its code (") && e.getMessage().contains("more than the limit of 67108864"),
                e.getMessage());
    }

    private static String blocks(int depth, String innermost) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(i == 0 ? "" : "\n@@").append("  ".repeat(i)).append("if True:");
        }
        return b.append("\n@@").append("  ".repeat(depth)).append(innermost).toString();
    }
}
