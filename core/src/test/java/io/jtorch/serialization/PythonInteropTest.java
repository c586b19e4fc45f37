package io.jtorch.serialization;

import static io.jtorch.serialization.SerializationFixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by jtorch, read by real PyTorch: {@code torch.load(path, weights_only=True)} for
 * torch.save files, and a by-hand parse following the format's rules for safetensors. The checks
 * live in src/test/resources/python/check_java_saves.py. Skipped where /usr/bin/python3 cannot
 * import torch.
 */
class PythonInteropTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPyTorch() {
        assumeTrue(canImportTorch(), "skipped: " + PYTHON + " cannot import torch (Debian: apt-get install python3-torch)");
    }

    @Test
    void pythonReadsWhatJavaSaved() throws Exception {
        TorchSerialization.save(TorchSerialization.loadStateDict(path("state_dict.pt")), dir.resolve("state_dict.pt"));
        TorchSerialization.save(TorchSerialization.loadStateDict(path("dtypes.pt")), dir.resolve("dtypes.pt"));
        TorchSerialization.save(views(), dir.resolve("shared.pt"));
        TorchSerialization.save(nested(), dir.resolve("nested.pt"));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("lr", 0.5);
        extras.put("bytes", new byte[] {0, (byte) 200, 65});
        extras.put("set", new LinkedHashSet<>(List.of(1L, 2L)));
        TorchSerialization.save(extras, dir.resolve("extras.pt"));
        SafeTensors.save(safetensors(), dir.resolve("weights.safetensors"), Map.of("format", "pt", "source", "jtorch"));

        Path script = Path.of(PythonInteropTest.class.getResource("/python/check_java_saves.py").toURI());
        Process p = new ProcessBuilder(PYTHON, script.toString(), dir.toString(), path("state_dict.pt").getParent().toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ALL OK"), output);
    }

    private static Map<String, Object> views() {
        Tensor x = Torch.arange(0, 20, 1);
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("a", x);
        views.put("b", x.narrow(0, 5, 10).view(2, 5));
        views.put("c", x.view(4, 5).t());
        return views;
    }

    private static Map<String, Object> nested() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("epoch", 3);
        nested.put("big", 1L << 40);
        nested.put("neg", -7L);
        nested.put("huge", BigInteger.TWO.pow(80).negate());
        nested.put("name", "r\u00e9sum\u00e9");
        nested.put("none", null);
        nested.put("flags", Arrays.asList(true, false));
        nested.put("pair", Tuple.of(1L, Torch.tensor(1L, 2L)));
        nested.put("inner", Map.of("deep", List.of("x", List.of(1, 2))));
        nested.put("param", new Parameter(Torch.ones(2, 2)));
        nested.put("scalar", Torch.full(new long[0], 2.5));
        nested.put("empty", Torch.zeros(0, 3));
        nested.put("dtype", DType.FLOAT16);
        return nested;
    }

    private static Map<String, Tensor> safetensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("embedding", Torch.arange(0, 6, 1).view(2, 3));
        t.put("mask", Torch.tensor(true, false, true));
        t.put("ids", Torch.tensor(-1L, 1L << 40));
        t.put("half", Torch.tensor(0.5f, -2f).to(DType.FLOAT16));
        t.put("brain", Torch.tensor(1.5f, 3f).to(DType.BFLOAT16));
        return t;
    }

    private static boolean canImportTorch() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
