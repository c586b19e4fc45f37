package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LayerNorm against PyTorch's (tools/fixtures/seq_fixtures.py). */
class LayerNormTest {
    private static final JsonNode FX = SeqFixtures.get("layer_norm");

    @TempDir
    Path tmp;

    private static LayerNorm loaded() {
        LayerNorm m = new LayerNorm(new long[] {4, 5}, 1e-6, true);
        m.loadStateDict(Fixtures.stateDict(FX.get("state")), true);
        return m;
    }

    @Test
    void initialisesWeightToOnesAndBiasToZerosWithPyTorchsKeys() {
        LayerNorm m = new LayerNorm(new long[] {4, 5}, 1e-6, true);
        assertEquals(List.of("weight", "bias"), List.copyOf(m.stateDict().keySet()));
        assertStateClose(Fixtures.stateDict(FX.get("init")), m.stateDict(), 0, 0);
        assertArrayEquals(new long[] {4, 5}, m.normalizedShape());
        assertEquals(1e-6, m.eps());
    }

    @Test
    void printsAsPyTorch() {
        assertEquals(FX.get("repr").asText(), loaded().toString());
        assertEquals(FX.get("repr_default").asText(), new LayerNorm(768).toString());
        LayerNorm plain = new LayerNorm(new long[] {3, 4}, 1e-12, false);
        assertEquals(FX.get("repr_no_affine").asText(), plain.toString());
        assertNull(plain.weight());
        assertTrue(plain.stateDict().isEmpty());
    }

    @Test
    void forwardAndGradientsMatchPyTorch() {
        LayerNorm m = loaded();
        Tensor x = SeqFixtures.tensor(FX, "input").requiresGrad(true);
        Tensor y = m.forward(x);
        assertClose(SeqFixtures.tensor(FX, "output"), y, 1e-5, 1e-5, "output");
        y.mul(SeqFixtures.tensor(FX, "coef")).sum().backward();
        assertClose(SeqFixtures.tensor(FX, "input_grad"), x.grad(), 1e-5, 1e-5, "input grad");
        JsonNode g = FX.get("grads");
        assertClose(Fixtures.tensor(g.get("weight")), m.weight().grad(), 1e-5, 1e-5, "weight grad");
        assertClose(Fixtures.tensor(g.get("bias")), m.bias().grad(), 1e-5, 1e-5, "bias grad");
    }

    @Test
    void inputNotEndingInTheNormalizedShapeIsAReadableError() {
        LayerNorm m = new LayerNorm(4, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(2, 5, 4)));
        assertTrue(e.getMessage().contains("[2, 5, 4]") && e.getMessage().contains("[4, 5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(5)));
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(new long[0], 1e-5, true));
        assertThrows(IllegalArgumentException.class, () -> new LayerNorm(3, 0));
    }

    @Test
    void scriptedLayerNormComputesTheJavaForwardAndRunsInPython() throws IOException {
        LayerNorm m = loaded();
        ScriptModule s = Jit.script(m);
        Tensor x = SeqFixtures.tensor(FX, "input");
        assertClose(m.forward(x), s.forward(x), 0, 0, "scripted");
        assertEquals(List.of("weight", "bias"), List.copyOf(s.stateDict().keySet()));
        Path file = tmp.resolve("ln.pt");
        s.save(file);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import sys, json, torch",
                "fx = json.load(open(sys.argv[2]))['layer_norm']",
                "x = torch.tensor(fx['input']['data']).reshape(fx['input']['shape'])",
                "y = torch.jit.load(sys.argv[1])(x)",
                "ref = torch.tensor(fx['output']['data']).reshape(fx['output']['shape'])",
                "print('maxdiff', float((y - ref).abs().max()))"),
                file.toString(), fixturePath());
        assertEquals(0, r.exitCode(), r.output());
        double diff = Double.parseDouble(r.output().trim().replaceAll("(?s).*maxdiff ", ""));
        assertTrue(diff < 1e-5, r.output());
    }

    static String fixturePath() {
        return Path.of("src/test/resources/fixtures/seq.json").toAbsolutePath().toString();
    }
}
