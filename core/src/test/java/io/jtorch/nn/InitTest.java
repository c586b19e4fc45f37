package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** torch.nn.init under a seed: the same draws as PyTorch. */
class InitTest {
    /** Seeds as the fixture script did, initialises a fresh (8, 4, 3, 3) tensor and compares. */
    private static void assertInit(String fixture, UnaryOperator<Tensor> init) {
        Torch.manualSeed(6);
        Tensor w = Torch.empty(8, 4, 3, 3);
        assertSame(w, init.apply(w), fixture + " returns its tensor");
        assertClose(NnFixtures.tensor("init", fixture), w, 1e-6, 1e-7, fixture);
    }

    @Test
    void xavierMatchesPyTorch() {
        assertInit("xavier_uniform", Init::xavierUniform_);
        assertInit("xavier_uniform_gain", w -> Init.xavierUniform_(w, Init.calculateGain("relu")));
        assertInit("xavier_normal", Init::xavierNormal_);
        assertInit("xavier_normal_gain", w -> Init.xavierNormal_(w, 0.5));
    }

    @Test
    void kaimingMatchesPyTorchForEachModeAndNonlinearity() {
        assertInit("kaiming_uniform", Init::kaimingUniform_);
        assertInit("kaiming_uniform_a", w -> Init.kaimingUniform_(w, 0.2));
        assertInit("kaiming_uniform_out_relu", w -> Init.kaimingUniform_(w, 0, Init.FanMode.FAN_OUT, "relu"));
        assertInit("kaiming_normal", Init::kaimingNormal_);
        assertInit("kaiming_normal_out_relu", w -> Init.kaimingNormal_(w, 0, Init.FanMode.FAN_OUT, "relu"));
        assertInit("kaiming_normal_tanh", w -> Init.kaimingNormal_(w, 0, Init.FanMode.FAN_IN, "tanh"));
    }

    @Test
    void distributionsMatchPyTorch() {
        assertInit("normal", Init::normal_);
        assertInit("normal_args", w -> Init.normal_(w, 1.5, 0.1));
        assertInit("uniform", Init::uniform_);
        assertInit("uniform_args", w -> Init.uniform_(w, -3, -1));
        assertInit("constant", w -> Init.constant_(w, 0.3));
    }

    @Test
    void truncNormalMatchesPyTorch() {
        assertInit("trunc_normal", Init::truncNormal_);
        assertInit("trunc_normal_args", w -> Init.truncNormal_(w, 0.5, 2.0, -1.0, 3.0));
        assertThrows(IllegalArgumentException.class, () -> Init.truncNormal_(Torch.empty(3), 0, 1, 2, -2));
    }

    @Test
    void orthogonalMatchesPyTorch() {
        Torch.manualSeed(6);
        assertClose(NnFixtures.tensor("init", "orthogonal_tall"), Init.orthogonal_(Torch.empty(6, 3)), 1e-5, 1e-5, "tall");
        Torch.manualSeed(6);
        assertClose(NnFixtures.tensor("init", "orthogonal_wide_gain"), Init.orthogonal_(Torch.empty(2, 3, 2), 2.0), 1e-5, 1e-5, "wide");
        assertThrows(IllegalArgumentException.class, () -> Init.orthogonal_(Torch.empty(4)));
    }

    @Test
    void eyeMatchesPyTorch() {
        assertClose(NnFixtures.tensor("init", "eye"), Init.eye_(Torch.empty(3, 5)), 0, 0, "eye");
        assertThrows(IllegalArgumentException.class, () -> Init.eye_(Torch.empty(2, 2, 2)));
    }

    @Test
    void calculateGainMatchesPyTorch() {
        for (String name : new String[] {"linear", "conv2d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"}) {
            assertEquals(NnFixtures.node("init", "gains", name).asDouble(), Init.calculateGain(name), 0, name);
        }
        assertEquals(NnFixtures.node("init", "gains", "leaky_relu:0.2").asDouble(), Init.calculateGain("leaky_relu", 0.2), 0);
        assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("swish"));
    }

    @Test
    void fansNeedTwoDimensions() {
        assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform_(Torch.empty(5)));
        assertThrows(IllegalArgumentException.class, () -> Init.kaimingNormal_(Torch.empty(5)));
        assertEquals(36, Init.fanIn(Torch.empty(8, 4, 3, 3)));
        assertEquals(72, Init.fanOut(Torch.empty(8, 4, 3, 3)));
    }

    @Test
    void applyInitialisesAModelAsPyTorchDoes() {
        Torch.manualSeed(7);
        Sequential model = new Sequential(new Conv2d(3, 4, 3), new ReLU(), new Flatten(), new Linear(4, 2));
        Torch.manualSeed(8);
        model.apply(m -> {
            if (m instanceof Conv2d) {
                Init.kaimingNormal_(((Conv2d) m).weight(), 0, Init.FanMode.FAN_OUT, "relu");
            } else if (m instanceof Linear) {
                Init.normal_(((Linear) m).weight(), 0, 0.01);
                Init.zeros_(((Linear) m).bias());
            }
        });
        assertStateClose(Fixtures.stateDict(NnFixtures.node("init", "apply")), model.stateDict(), 1e-6, 1e-7);
    }
}
