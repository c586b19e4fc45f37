package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LSTM and GRU against PyTorch's (tools/fixtures/seq_fixtures.py): init, keys, printing, outputs, states and gradients. */
class RecurrentTest {
    private static final JsonNode FX = SeqFixtures.get("rnn");

    private static RNNBase build(JsonNode c) {
        JsonNode o = c.get("options");
        RNNBase.Options opts = RNNBase.options();
        if (o.has("num_layers")) {
            opts.numLayers(o.get("num_layers").asLong());
        }
        if (o.has("bias")) {
            opts.bias(o.get("bias").asBoolean());
        }
        if (o.has("batch_first")) {
            opts.batchFirst(o.get("batch_first").asBoolean());
        }
        if (o.has("dropout")) {
            opts.dropout(o.get("dropout").asDouble());
        }
        if (o.has("bidirectional")) {
            opts.bidirectional(o.get("bidirectional").asBoolean());
        }
        return "lstm".equals(c.get("kind").asText()) ? new LSTM(5, 4, opts) : new GRU(5, 4, opts);
    }

    @Test
    void seededInitialisationKeysAndPrintingArePyTorchs() {
        for (JsonNode c : FX.get("cases")) {
            Torch.manualSeed(c.get("seed").asLong());
            RNNBase m = build(c);
            assertEquals(SeqFixtures.keys(c.get("keys")), java.util.List.copyOf(m.stateDict().keySet()), c.get("repr").asText());
            assertStateClose(Fixtures.stateDict(c.get("init")), m.stateDict(), 0, 0);
            assertEquals(c.get("repr").asText(), m.toString());
        }
    }

    @Test
    void outputsFinalStatesAndGradientsMatchPyTorch() {
        for (JsonNode c : FX.get("cases")) {
            String what = c.get("repr").asText() + (c.get("unbatched").asBoolean() ? " unbatched" : "")
                    + (c.get("training").asBoolean() ? " training" : " eval");
            RNNBase m = build(c);
            m.loadStateDict(Fixtures.stateDict(c.get("init")), true);
            m.train(c.get("training").asBoolean());
            Tensor x = SeqFixtures.tensor(c, "input").requiresGrad(true);
            Tensor h0 = SeqFixtures.tensor(c, "h0");
            Tensor c0 = SeqFixtures.tensor(c, "c0");
            if (h0 != null) {
                h0.requiresGrad(true);
            }
            Torch.manualSeed(c.get("seed").asLong() + 7);
            Tensor y;
            Tensor hn;
            Tensor cn = null;
            if (m instanceof LSTM) {
                LSTM.Output r = ((LSTM) m).forward(x, h0, c0);
                y = r.output();
                hn = r.hidden();
                cn = r.cell();
                assertClose(SeqFixtures.tensor(c, "c_n"), cn, 1e-5, 1e-5, what + ": c_n");
            } else {
                GRU.Output r = ((GRU) m).forward(x, h0);
                y = r.output();
                hn = r.hidden();
            }
            assertClose(SeqFixtures.tensor(c, "output"), y, 1e-5, 1e-5, what + ": output");
            assertClose(SeqFixtures.tensor(c, "h_n"), hn, 1e-5, 1e-5, what + ": h_n");
            Tensor loss = y.mul(SeqFixtures.tensor(c, "coef")).sum().add(hn.mul(hn).sum());
            if (cn != null) {
                loss = loss.add(cn.mul(0.5).sum());
            }
            loss.backward();
            assertClose(SeqFixtures.tensor(c, "input_grad"), x.grad(), 1e-5, 1e-5, what + ": input grad");
            if (h0 != null) {
                assertClose(SeqFixtures.tensor(c, "h0_grad"), h0.grad(), 1e-5, 1e-5, what + ": h_0 grad");
            }
            Map<String, Parameter> params = m.namedParameters();
            for (Map.Entry<String, JsonNode> g : (Iterable<Map.Entry<String, JsonNode>>) () -> c.get("grads").fields()) {
                assertClose(Fixtures.tensor(g.getValue()), params.get(g.getKey()).grad(), 1e-5, 1e-5, what + ": grad " + g.getKey());
            }
        }
    }

    @Test
    void singleInputForwardReturnsTheOutputSequence() {
        JsonNode c = FX.get("cases").get(0);
        LSTM m = new LSTM(5, 4);
        m.loadStateDict(Fixtures.stateDict(c.get("init")), true);
        assertClose(SeqFixtures.tensor(c, "output"), m.forward(SeqFixtures.tensor(c, "input")), 1e-5, 1e-5, "output");
    }

    @Test
    void badInputsAndStatesAreReadableErrors() {
        LSTM lstm = new LSTM(5, 4, LSTM.options().numLayers(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Torch.randn(3, 2, 6)));
        assertTrue(e.getMessage().contains("input_size 5") && e.getMessage().contains("[3, 2, 6]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lstm.forward(Torch.randn(5)));
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Torch.randn(3, 2, 5), Torch.zeros(1, 2, 4), Torch.zeros(1, 2, 4)));
        assertTrue(e.getMessage().contains("h_0 of shape [2, 2, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lstm.forward(Torch.randn(3, 2, 5), Torch.zeros(2, 2, 4), null));
        GRU gru = new GRU(5, 4, GRU.options().batchFirst(true));
        e = assertThrows(IllegalArgumentException.class, () -> gru.forward(Torch.randn(2, 3, 5), Torch.zeros(1, 3, 4)));
        assertTrue(e.getMessage().contains("[1, 2, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GRU(0, 4));
        assertThrows(IllegalArgumentException.class, () -> GRU.options().numLayers(0));
        assertThrows(IllegalArgumentException.class, () -> LSTM.options().dropout(2));
    }
}
