package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TransformerEncoderLayer and TransformerEncoder against PyTorch's (tools/fixtures/seq_fixtures.py). */
class TransformerEncoderTest {
    private static final JsonNode FX = SeqFixtures.get("transformer");

    @TempDir
    Path tmp;

    private static Module build(JsonNode c) {
        JsonNode o = c.get("options");
        TransformerEncoderLayer.Options opts = TransformerEncoderLayer.options().dimFeedforward(16);
        if (o.has("dropout")) {
            opts.dropout(o.get("dropout").asDouble());
        }
        if (o.has("activation")) {
            opts.activation(o.get("activation").asText());
        }
        if (o.has("batch_first")) {
            opts.batchFirst(o.get("batch_first").asBoolean());
        }
        if (o.has("norm_first")) {
            opts.normFirst(o.get("norm_first").asBoolean());
        }
        if (o.has("layer_norm_eps")) {
            opts.layerNormEps(o.get("layer_norm_eps").asDouble());
        }
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, opts);
        return c.get("encoder").asBoolean() ? new TransformerEncoder(layer, 2, new LayerNorm(8)) : layer;
    }

    @Test
    void seededInitialisationKeysAndPrintingArePyTorchs() {
        for (JsonNode c : FX.get("cases")) {
            Torch.manualSeed(c.get("seed").asLong());
            Module m = build(c);
            assertEquals(SeqFixtures.keys(c.get("keys")), List.copyOf(m.stateDict().keySet()));
            assertStateClose(Fixtures.stateDict(c.get("init")), m.stateDict(), 0, 0);
            assertEquals(c.get("repr").asText(), m.toString());
        }
    }

    @Test
    void outputsAndGradientsMatchPyTorchInTrainAndEval() {
        for (JsonNode c : FX.get("cases")) {
            String what = "case " + c.get("seed") + " " + c.get("options") + (c.get("encoder").asBoolean() ? " encoder" : "")
                    + (c.get("training").asBoolean() ? " training" : " eval");
            Module m = build(c);
            m.loadStateDict(Fixtures.stateDict(c.get("state")), true);
            m.train(c.get("training").asBoolean());
            Tensor x = SeqFixtures.tensor(c, "input").requiresGrad(true);
            Tensor mask = SeqFixtures.tensor(c, "mask");
            Tensor kpm = SeqFixtures.tensor(c, "key_padding_mask");
            Torch.manualSeed(c.get("seed").asLong() + 7);
            Tensor y = m instanceof TransformerEncoder ? ((TransformerEncoder) m).forward(x, mask, kpm)
                    : ((TransformerEncoderLayer) m).forward(x, mask, kpm);
            assertClose(SeqFixtures.tensor(c, "output"), y, 1e-5, 1e-5, what + ": output");
            y.mul(SeqFixtures.tensor(c, "coef")).sum().backward();
            assertClose(SeqFixtures.tensor(c, "input_grad"), x.grad(), 1e-5, 1e-5, what + ": input grad");
            Map<String, Parameter> params = m.namedParameters();
            for (Map.Entry<String, JsonNode> g : (Iterable<Map.Entry<String, JsonNode>>) () -> c.get("grads").fields()) {
                assertClose(Fixtures.tensor(g.getValue()), params.get(g.getKey()).grad(), 1e-5, 1e-5, what + ": grad " + g.getKey());
            }
        }
    }

    @Test
    void encoderLayersAreIndependentCopiesThatDrawNothing() {
        Torch.manualSeed(9);
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, TransformerEncoderLayer.options().dimFeedforward(16));
        Tensor before = Torch.randn(3);
        Torch.manualSeed(9);
        layer = new TransformerEncoderLayer(8, 2, TransformerEncoderLayer.options().dimFeedforward(16));
        TransformerEncoder enc = new TransformerEncoder(layer, 3);
        assertClose(before, Torch.randn(3), 0, 0, "the generator after copying");
        assertNotSame(enc.layer(0), enc.layer(1));
        assertNotSame(enc.layer(0), layer);
        assertStateClose(layer.stateDict(), enc.layer(2).stateDict(), 0, 0);
        try (var g = Torch.noGrad()) {
            enc.layer(0).parameters().get(0).fill_(0.0);
        }
        assertTrue(enc.layer(1).parameters().get(0).abs().sum().item() > 0, "copies do not share weights");
        assertEquals(3, enc.numLayers());
        assertThrows(IndexOutOfBoundsException.class, () -> enc.layer(3));
    }

    @Test
    void badShapesAndOptionsAreReadableErrors() {
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, TransformerEncoderLayer.options().dimFeedforward(16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.forward(Torch.randn(4, 2, 6)));
        assertTrue(e.getMessage().contains("[4, 2, 6]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Torch.randn(8)));
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Torch.randn(4, 2, 8), Torch.zeros(3, 3), null));
        assertThrows(IllegalArgumentException.class, () -> TransformerEncoderLayer.options().activation("tanh"));
        assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderLayer(8, 3));
        assertThrows(IllegalArgumentException.class, () -> new TransformerEncoder(layer, 0));
    }

    @Test
    void scriptedEncoderComputesTheJavaForwardAndRunsInPython() throws IOException {
        Torch.manualSeed(2);
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, TransformerEncoderLayer.options().dimFeedforward(16)
                .activation("gelu").batchFirst(true).normFirst(true));
        TransformerEncoder enc = new TransformerEncoder(layer, 2, new LayerNorm(8));
        enc.eval();
        ScriptModule s = Jit.script(enc);
        assertEquals(enc.stateDict().keySet(), s.stateDict().keySet());
        Tensor x = Torch.randn(2, 5, 8);
        Tensor expected = enc.forward(x);
        assertClose(expected, s.forward(x), 1e-6, 1e-6, "scripted");
        Path file = tmp.resolve("enc.pt");
        Path input = tmp.resolve("x.pt");
        s.save(file);
        Torch.save(Map.of("x", x, "y", expected), input);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import sys, torch",
                "m = torch.jit.load(sys.argv[1]).eval()",
                "d = torch.load(sys.argv[2])",
                "layer = torch.nn.TransformerEncoderLayer(8, 2, 16, activation='gelu', batch_first=True, norm_first=True)",
                "ref = torch.nn.TransformerEncoder(layer, 2, norm=torch.nn.LayerNorm(8)).eval()",
                "ref.load_state_dict(m.state_dict())",
                "with torch.no_grad():",
                "    print('diff', float((m(d['x']) - d['y']).abs().max()), float((ref(d['x']) - d['y']).abs().max()))"),
                file.toString(), input.toString());
        assertEquals(0, r.exitCode(), r.output());
        String[] diffs = r.output().trim().replaceAll("(?s).*diff ", "").split(" ");
        assertTrue(Double.parseDouble(diffs[0]) < 1e-6, "TorchScript in Python: " + r.output());
        assertTrue(Double.parseDouble(diffs[1]) < 1e-5, "PyTorch's own encoder: " + r.output());
    }
}
