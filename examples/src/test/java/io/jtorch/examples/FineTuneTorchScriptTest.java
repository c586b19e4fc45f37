package io.jtorch.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TorchScript example learns its three classes, and Python runs the file it saves. */
class FineTuneTorchScriptTest {
    @TempDir
    Path tmp;

    @Test
    void headIsReplacedTrainedSavedAndRunsInPython() throws Exception {
        Path out = tmp.resolve("resnet-3classes.pt");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            FineTuneTorchScript.main(new String[] {"../core/src/test/resources/fixtures/jit/resnet.pt", out.toString()});
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("epoch 1: loss ([0-9.]+)\\s+epoch 10: loss ([0-9.]+)").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Double.parseDouble(m.group(2)) < Double.parseDouble(m.group(1)) * 0.7, "the head learns:\n" + text);

        ScriptModule saved = ScriptModule.load(out);
        saved.eval();
        try (var g = Torch.noGrad()) {
            assertArrayEquals(new long[] {2, 3}, saved.forward(Torch.randn(2, 3, 16, 16)).shape());
        }

        Path python = Path.of("/usr/bin/python3");
        boolean hasTorch = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import torch").start().waitFor() == 0;
        Assumptions.assumeTrue(hasTorch, "skipped the Python half: /usr/bin/python3 with torch is not installed");
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import sys, torch; m = torch.jit.load(sys.argv[1]).eval(); print(tuple(m(torch.randn(4, 3, 16, 16)).shape))",
                out.toString()).redirectErrorStream(true).start();
        String py = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), py);
        assertTrue(py.contains("(4, 3)"), py);
    }
}
