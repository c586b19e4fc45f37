package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
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
import java.util.Map;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MultiheadAttention against PyTorch's (tools/fixtures/seq_fixtures.py). */
class MultiheadAttentionTest {
    private static final JsonNode FX = SeqFixtures.get("mha");

    @TempDir
    Path tmp;

    private static MultiheadAttention build(JsonNode c) {
        return new MultiheadAttention(8, 2, MultiheadAttention.options().dropout(c.get("dropout").asDouble())
                .bias(c.get("bias").asBoolean()).batchFirst(c.get("batch_first").asBoolean()));
    }

    @Test
    void seededInitialisationAndKeysEqualPyTorchs() {
        for (JsonNode c : FX.get("cases")) {
            Torch.manualSeed(c.get("seed").asLong());
            MultiheadAttention m = build(c);
            assertEquals(SeqFixtures.keys(c.get("keys")), List.copyOf(m.stateDict().keySet()));
            assertStateClose(Fixtures.stateDict(c.get("init")), m.stateDict(), 0, 0);
        }
    }

    @Test
    void forwardWeightsAndGradientsMatchPyTorchInTrainAndEvalBothLayouts() {
        for (JsonNode c : FX.get("cases")) {
            long seed = c.get("seed").asLong();
            String what = "case " + seed + " (batch_first=" + c.get("batch_first") + ", training=" + c.get("training") + ", dropout="
                    + c.get("dropout") + ", unbatched=" + c.get("unbatched") + ")";
            MultiheadAttention m = build(c);
            m.loadStateDict(Fixtures.stateDict(c.get("state")), true);
            m.train(c.get("training").asBoolean());
            Tensor q = SeqFixtures.tensor(c, "query").requiresGrad(true);
            Tensor k = SeqFixtures.tensor(c, "key").requiresGrad(true);
            Tensor v = SeqFixtures.tensor(c, "value").requiresGrad(true);
            Torch.manualSeed(seed + 7);
            MultiheadAttention.Output out = m.forward(q, k, v, SeqFixtures.tensor(c, "key_padding_mask"), true,
                    SeqFixtures.tensor(c, "attn_mask"));
            assertClose(SeqFixtures.tensor(c, "output"), out.output(), 1e-5, 1e-5, what + ": output");
            assertClose(SeqFixtures.tensor(c, "weights"), out.weights(), 1e-5, 1e-5, what + ": weights");
            out.output().mul(SeqFixtures.tensor(c, "coef")).sum().add(out.weights().mul(out.weights()).sum()).backward();
            assertClose(SeqFixtures.tensor(c, "query_grad"), q.grad(), 1e-5, 1e-5, what + ": query grad");
            assertClose(SeqFixtures.tensor(c, "key_grad"), k.grad(), 1e-5, 1e-5, what + ": key grad");
            assertClose(SeqFixtures.tensor(c, "value_grad"), v.grad(), 1e-5, 1e-5, what + ": value grad");
            Map<String, Parameter> params = m.namedParameters();
            for (Map.Entry<String, JsonNode> g : (Iterable<Map.Entry<String, JsonNode>>) () -> c.get("grads").fields()) {
                assertClose(Fixtures.tensor(g.getValue()), params.get(g.getKey()).grad(), 1e-5, 1e-5, what + ": grad " + g.getKey());
            }
        }
    }

    @Test
    void singleInputForwardIsSelfAttentionWithoutWeights() {
        JsonNode fx = FX.get("self_attention");
        MultiheadAttention m = new MultiheadAttention(6, 3, MultiheadAttention.options().batchFirst(true));
        m.loadStateDict(Fixtures.stateDict(fx.get("state")), true);
        Tensor x = SeqFixtures.tensor(fx, "input");
        assertClose(SeqFixtures.tensor(fx, "output"), m.forward(x), 1e-5, 1e-5, "self-attention");
        assertNull(m.forward(x, x, x, false).weights());
    }

    @Test
    void printsAsPyTorch() {
        MultiheadAttention m = new MultiheadAttention(768, 12);
        assertEquals(FX.get("repr").asText(), m.toString());
        assertEquals(64, m.headDim());
    }

    @Test
    void badShapesAndOptionsAreReadableErrors() {
        MultiheadAttention m = new MultiheadAttention(8, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.forward(Torch.randn(3, 2, 6), Torch.randn(4, 2, 6), Torch.randn(4, 2, 6)));
        assertTrue(e.getMessage().contains("query [3, 2, 6]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(3, 2, 8), Torch.randn(4, 2, 8), Torch.randn(5, 2, 8)));
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(3, 2, 8), Torch.randn(4, 8), Torch.randn(4, 8)));
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(8)));
        Tensor x = Torch.randn(3, 2, 8);
        e = assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, null, true, Torch.zeros(2, 2)));
        assertTrue(e.getMessage().contains("attn_mask"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, Torch.zeros(3, 3), true, null));
        assertTrue(e.getMessage().contains("key_padding_mask"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(10, 3));
        assertThrows(IllegalArgumentException.class, () -> MultiheadAttention.options().dropout(1.5));
    }

    /** Calls the scripted {@code forward(query, key, value, need_weights)} and returns its (output, weights). */
    private static Tensor[] callScripted(ScriptModule s, Tensor q, Tensor k, Tensor v, boolean needWeights) {
        IValueVector args = new IValueVector();
        args.push_back(new IValue(q.raw()));
        args.push_back(new IValue(k.raw()));
        args.push_back(new IValue(v.raw()));
        args.push_back(new IValue(needWeights));
        org.bytedeco.pytorch.TupleElements t = s.raw().forward(args).toTupleRef().elements();
        IValue w = t.get(1);
        return new Tensor[] {Tensor.wrap(new org.bytedeco.pytorch.Tensor(t.get(0).toTensor())),
            w.isNone() ? null : Tensor.wrap(new org.bytedeco.pytorch.Tensor(w.toTensor()))};
    }

    @Test
    void scriptedAttentionComputesTheJavaForwardAndRunsInPython() throws IOException {
        for (boolean batchFirst : new boolean[] {false, true}) {
            for (boolean unbatched : new boolean[] {false, true}) {
                Torch.manualSeed(3);
                MultiheadAttention m = new MultiheadAttention(8, 4, MultiheadAttention.options().batchFirst(batchFirst));
                m.eval();
                ScriptModule s = Jit.script(m);
                Tensor q = unbatched ? Torch.randn(3, 8) : Torch.randn(3, 2, 8);
                Tensor kv = unbatched ? Torch.randn(5, 8) : batchFirst ? Torch.randn(3, 5, 8) : Torch.randn(5, 2, 8);
                if (batchFirst && !unbatched) {
                    q = Torch.randn(2, 3, 8);
                    kv = Torch.randn(2, 5, 8);
                }
                MultiheadAttention.Output java = m.forward(q, kv, kv);
                Tensor[] script = callScripted(s, q, kv, kv, true);
                String what = "batch_first=" + batchFirst + ", unbatched=" + unbatched;
                assertClose(java.output(), script[0], 1e-6, 1e-7, what + ": output");
                assertClose(java.weights(), script[1], 1e-6, 1e-7, what + ": weights");
                assertNull(callScripted(s, q, kv, kv, false)[1], "need_weights=False gives None");
            }
        }
        Torch.manualSeed(4);
        MultiheadAttention m = new MultiheadAttention(8, 2, MultiheadAttention.options().batchFirst(true).dropout(0.1));
        m.eval();
        ScriptModule s = Jit.script(m);
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"), List.copyOf(s.stateDict().keySet()));
        Tensor x = Torch.randn(2, 3, 8);
        Path file = tmp.resolve("mha.pt");
        Path input = tmp.resolve("x.pt");
        s.save(file);
        Torch.save(Map.of("x", x), input);
        MultiheadAttention.Output expected = m.forward(x, x, x);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import sys, torch",
                "m = torch.jit.load(sys.argv[1]).eval()",
                "x = torch.load(sys.argv[2])['x']",
                "out, w = m(x, x, x)",
                "out2, none = m(x, x, x, False)",
                "ref = torch.nn.MultiheadAttention(8, 2, batch_first=True, dropout=0.1).eval()",
                "ref.load_state_dict(m.state_dict())",
                "rout, rw = ref(x, x, x)",
                "print('none', none is None, float((out2 - out).abs().max()))",
                "print(' '.join('%.9g' % v for v in out.flatten().tolist()))",
                "print(' '.join('%.9g' % v for v in w.flatten().tolist()))",
                "print('vs_python', float((out - rout).abs().max()), float((w - rw).abs().max()))"),
                file.toString(), input.toString());
        assertEquals(0, r.exitCode(), r.output());
        String[] lines = r.output().trim().split("\n");
        assertTrue(lines[lines.length - 4].startsWith("none True 0.0"), r.output());
        assertClose(expected.output().flatten(), parse(lines[lines.length - 3]), 1e-6, 1e-6, "output in Python");
        assertClose(expected.weights().flatten(), parse(lines[lines.length - 2]), 1e-6, 1e-6, "weights in Python");
        String[] diffs = lines[lines.length - 1].split(" ");
        assertTrue(Double.parseDouble(diffs[1]) < 1e-5 && Double.parseDouble(diffs[2]) < 1e-5, "PyTorch's own module: " + r.output());
    }

    private static Tensor parse(String line) {
        String[] parts = line.trim().split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return Torch.tensor(v);
    }
}
