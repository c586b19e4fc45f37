package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** Layers, initialisation and losses give the numbers PyTorch gave (tools/fixtures/core_fixtures.py). */
class ParityTest {
    private static final JsonNode FX = Fixtures.core();

    @Test
    void defaultInitialisationEqualsPyTorchsForTheSameSeed() {
        JsonNode fx = FX.get("init");
        Torch.manualSeed(42);
        Linear linear = new Linear(7, 5);
        Conv2d conv = new Conv2d(3, 4, 3);
        Linear noBias = new Linear(6, 2, false);
        assertStateClose(Fixtures.stateDict(fx.get("linear")), linear.stateDict(), 0, 0);
        assertStateClose(Fixtures.stateDict(fx.get("conv")), conv.stateDict(), 0, 0);
        assertStateClose(Fixtures.stateDict(fx.get("linear_nobias")), noBias.stateDict(), 0, 0);
        assertClose(Fixtures.tensor(fx.get("randn_after")), Torch.randn(4), 0, 0, "generator state after init");
    }

    @Test
    void convPoolBatchNormAndGeluMatchPyTorch() {
        JsonNode fx = FX.get("layers");
        Tensor x = Fixtures.tensor(fx.get("x"));
        Conv2d conv = new Conv2d(3, 4, 3, 1, 1);
        conv.loadStateDict(Fixtures.stateDict(fx.get("conv")), true);
        Tensor y = conv.forward(x);
        assertClose(Fixtures.tensor(fx.get("conv_out")), y, 1e-5, 1e-6, "conv");
        assertClose(Fixtures.tensor(fx.get("pool_out")), new MaxPool2d(2).forward(y), 1e-5, 1e-6, "max pool");
        BatchNorm2d bn = new BatchNorm2d(4);
        assertClose(Fixtures.tensor(fx.get("bn_train_out")), bn.forward(y), 1e-5, 1e-5, "batch norm, training");
        assertStateClose(Fixtures.stateDict(fx.get("bn_state")), bn.stateDict(), 1e-5, 1e-6);
        bn.eval();
        assertClose(Fixtures.tensor(fx.get("bn_eval_out")), bn.forward(y), 1e-5, 1e-5, "batch norm, eval");
        assertClose(Fixtures.tensor(fx.get("gap_out")), new AdaptiveAvgPool2d(1).forward(y), 1e-5, 1e-6, "adaptive pool");

        BatchNorm1d bn1 = new BatchNorm1d(3);
        assertClose(Fixtures.tensor(fx.get("bn1_out")), bn1.forward(Fixtures.tensor(fx.get("x1"))), 1e-5, 1e-5, "batch norm 1d");
        assertStateClose(Fixtures.stateDict(fx.get("bn1_state")), bn1.stateDict(), 1e-5, 1e-6);

        Tensor g = Fixtures.tensor(fx.get("gelu_in"));
        // libtorch 2.10's vectorised erf differs from PyTorch 1.13's by ~4e-7 in the far tail (x = -3).
        assertClose(Fixtures.tensor(fx.get("gelu")), new GELU().forward(g), 1e-6, 1e-6, "gelu");
        assertClose(Fixtures.tensor(fx.get("gelu_tanh")), new GELU(true).forward(g), 1e-6, 1e-7, "gelu tanh");
    }

    @Test
    void crossEntropyVariantsMatchPyTorchInValueAndGradient() {
        JsonNode fx = FX.get("losses");
        Tensor labels = Fixtures.tensor(fx.get("labels"));
        Tensor weight = Fixtures.tensor(fx.get("weight"));
        CrossEntropyLoss[] losses = {
            new CrossEntropyLoss(),
            CrossEntropyLoss.builder().weight(weight).build(),
            CrossEntropyLoss.builder().ignoreIndex(3).build(),
            CrossEntropyLoss.builder().labelSmoothing(0.2).build(),
            CrossEntropyLoss.builder().reduction(Functional.Reduction.SUM).build(),
            CrossEntropyLoss.builder().weight(weight).ignoreIndex(1).labelSmoothing(0.1).build(),
        };
        String[] names = {"plain", "weighted", "ignore", "smoothing", "sum", "all"};
        for (int i = 0; i < names.length; i++) {
            Tensor logits = Fixtures.tensor(fx.get("logits")).requiresGrad(true);
            Tensor loss = losses[i].forward(logits, labels);
            loss.backward();
            assertEquals(fx.get(names[i]).get("loss").asDouble(), loss.item(), 1e-6, names[i]);
            assertClose(Fixtures.tensor(fx.get(names[i]).get("grad")), logits.grad(), 1e-5, 1e-7, names[i] + " gradient");
        }
        Tensor logits = Fixtures.tensor(fx.get("logits"));
        CrossEntropyLoss none = CrossEntropyLoss.builder().reduction(Functional.Reduction.NONE).build();
        assertClose(Fixtures.tensor(fx.get("none")), none.forward(logits, labels), 1e-6, 1e-7, "reduction none");
        assertEquals(fx.get("soft").asDouble(), new CrossEntropyLoss().forward(logits, Fixtures.tensor(fx.get("probs"))).item(), 1e-6);
        assertEquals(fx.get("mse").asDouble(), new MSELoss().forward(logits, Fixtures.tensor(fx.get("mse_target"))).item(), 1e-6);
    }
}
