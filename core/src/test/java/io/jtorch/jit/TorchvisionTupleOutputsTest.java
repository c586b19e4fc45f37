package io.jtorch.jit;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * torchvision's GoogLeNet with auxiliary outputs, scripted by real PyTorch: its forward returns
 * {@code GoogLeNetOutputs(logits, aux2, aux1)}, with the two aux entries {@code None} in eval mode.
 * The model (about 50 MB) is made in the test run, under target/, when /usr/bin/python3 has
 * torchvision; the committed tuple_none.pt covers the same result shape in ScriptAssignTest.
 */
class TorchvisionTupleOutputsTest {
    private static final Path DIR = Path.of("target", "googlenet-fixture");
    private static final String SCRIPT = String.join("\n",
            "import sys, torch, torchvision",
            "torch.manual_seed(0)",
            "m = torchvision.models.googlenet(aux_logits=True, init_weights=False).eval()",
            "s = torch.jit.script(m)",
            "s.save(sys.argv[1] + '/googlenet.pt')",
            "x = torch.randn(2, 3, 64, 64)",
            "with torch.no_grad():",
            "    out = s(x)",
            "assert out[1] is None and out[2] is None",
            "torch.save({'x': x, 'logits': out[0]}, sys.argv[1] + '/expected.pt')");

    @BeforeAll
    static void makeTheModelInPython() throws IOException {
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        if (!Files.exists(DIR.resolve("expected.pt"))) {
            Files.createDirectories(DIR);
            PythonCheck.Result r = PythonCheck.run(SCRIPT, DIR.toString());
            assertEquals(0, r.exitCode(), r.output());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> expected() throws IOException {
        return (Map<String, Tensor>) Torch.load(DIR.resolve("expected.pt"));
    }

    @Test
    void googLeNetInEvalModeGivesItsLogitsThroughForward() throws IOException {
        ScriptModule model = ScriptModule.load(DIR.resolve("googlenet.pt")).eval();
        Map<String, Tensor> py = expected();
        try (var g = Torch.noGrad()) {
            assertClose(py.get("logits"), model.forward(py.get("x")), 1e-5, 1e-5, "GoogLeNet logits");
        }
    }

    @Test
    void googLeNetInEvalModeGivesNullForItsAuxOutputs() throws IOException {
        ScriptModule model = ScriptModule.load(DIR.resolve("googlenet.pt")).eval();
        Map<String, Tensor> py = expected();
        try (var g = Torch.noGrad()) {
            List<Tensor> all = model.forwardAll(py.get("x"));
            assertEquals(3, all.size(), "logits, aux2, aux1");
            assertClose(py.get("logits"), all.get(0), 1e-5, 1e-5, "GoogLeNet logits");
            assertNull(all.get(1));
            assertNull(all.get(2));
        }
    }

    @Test
    void googLeNetInTrainModeGivesAllThreeOutputs() throws IOException {
        ScriptModule model = ScriptModule.load(DIR.resolve("googlenet.pt")).train();
        List<Tensor> all = model.forwardAll(expected().get("x"));
        assertEquals(3, all.size());
        for (Tensor t : all) {
            assertArrayEquals(new long[] {2, 1000}, t.shape());
        }
    }
}
