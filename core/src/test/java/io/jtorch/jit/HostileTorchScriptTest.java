package io.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files of tools/fixtures/hostile_torchscript.py, each loaded (and its forward run)
 * in a JVM of its own by {@link HostileLoadMain}, in an empty working folder. Before the checked
 * loading, each one crashed that JVM (SIGSEGV), ran the file's code at load time (it wrote a
 * file) or read a file from its forward; each must now be refused with one line naming the problem.
 */
class HostileTorchScriptTest {
    @TempDir
    Path dir;

    private String load(String name, String shape, String... extra) throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/hostile/" + name).toURI());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), HostileLoadMain.class.getName(), file.toString(), shape));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), name + ": the JVM did not finish");
        assertEquals(0, p.exitValue(), name + ": the JVM died (native crash?): " + out);
        String last = out.strip().substring(out.strip().lastIndexOf('\n') + 1);
        return last;
    }

    private void assertRefused(String name, String shape, String... needles) throws Exception {
        String line = load(name, shape);
        assertTrue(line.startsWith("refused java.lang.IllegalArgumentException: "), line);
        assertTrue(line.contains(name), "the message names the file: " + line);
        assertFalse(line.contains("\u2424"), "one line: " + line);
        for (String needle : needles) {
            assertTrue(line.contains(needle), "expected '" + needle + "' in: " + line);
        }
    }

    @Test
    void setstateThatWritesAFileIsRefusedAndNothingIsWritten() throws Exception {
        assertRefused("setstate_writes_file.pt", "1,2", "class __torch__.Marker defines __setstate__",
                "(code/__torch__.py, line", "LoadOptions.defaults().trustCode()", "--trust-model-code");
        assertFalse(Files.exists(dir.resolve("jtorch-setstate-ran")), "the file's __setstate__ ran");
    }

    @Test
    void setstateRunsWhenTheCodeIsTrusted() throws Exception {
        assertEquals("ok [1, 2]", load("setstate_writes_file.pt", "1,2", "trust"));
        assertTrue(Files.exists(dir.resolve("jtorch-setstate-ran")), "trustCode loads as torch.jit.load does");
    }

    @Test
    void fromFileInForwardIsRefused() throws Exception {
        assertRefused("from_file_in_forward.pt", "1", "a call of torch.from_file, which reads or writes files",
                "(code/__torch__.py, line");
    }

    @Test
    void tensorAttributeFarLargerThanItsStorageIsRefused() throws Exception {
        assertRefused("attribute_view.pt", "1,2", "data.pkl holds a tensor of shape [268435456]", "past the storage's end");
    }

    @Test
    void constantFarLargerThanItsStorageIsRefused() throws Exception {
        assertRefused("constant_view.pt", "3", "constants.pkl holds a tensor of shape [268435456]", "past the storage's end");
    }

    @Test
    void strideThatOverflowsALongIsRefused() throws Exception {
        assertRefused("stride_overflow.pt", "1,1,5,5", "strides [16, 16, 6148914691236517206, 1]",
                "addresses more elements than a long can count");
    }

    @Test
    void entryNamedInAnotherCaseIsCheckedAsLibtorchReadsIt() throws Exception {
        assertRefused("case_only.pt", "1,2", "DATA.pkl holds a tensor of shape [268435456]");
    }

    @Test
    void namesThatDifferOnlyInCaseAreRefused() throws Exception {
        assertRefused("case_collision.pt", "1,2", "whose names differ only in case");
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        assertRefused("duplicate_name.pt", "1,2", "holds two entries named 'archive/data.pkl'");
    }
}
