package io.jtorch.vision.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Hardsigmoid;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.ReLU6;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsTest {
    @Test
    void stochasticDepthIsIdentityInEvalAndAtZero() {
        Tensor x = Torch.randn(4, 3, 2, 2);
        StochasticDepth sd = new StochasticDepth(0.5, "row");
        sd.eval();
        assertSame(x, sd.forward(x));
        assertSame(x, new StochasticDepth(0.0, "row").forward(x));
    }

    @Test
    void stochasticDepthRowModeZeroesWholeRowsAndScalesSurvivors() {
        Torch.manualSeed(3);
        Tensor x = Torch.ones(400, 2, 3);
        Tensor y = new StochasticDepth(0.25, "row").forward(x);
        float[] v = y.toFloatArray();
        int zeroRows = 0;
        for (int r = 0; r < 400; r++) {
            float first = v[r * 6];
            for (int i = 1; i < 6; i++) {
                assertEquals(first, v[r * 6 + i], 0f, "row " + r + " is not dropped or kept whole");
            }
            assertTrue(first == 0f || Math.abs(first - 1 / 0.75f) < 1e-6, "row value " + first);
            zeroRows += first == 0f ? 1 : 0;
        }
        // 400 rows at p = 0.25: 100 expected, the 5-sigma range is about 57..143
        assertTrue(zeroRows > 57 && zeroRows < 143, "dropped rows " + zeroRows);
    }

    @Test
    void stochasticDepthBatchModeDropsAllOrNothing() {
        Torch.manualSeed(1);
        int dropped = 0;
        for (int i = 0; i < 200; i++) {
            float[] v = StochasticDepth.stochasticDepth(Torch.ones(3, 2), 0.5, "batch", true).toFloatArray();
            for (float f : v) {
                assertEquals(v[0], f, 0f);
            }
            assertTrue(v[0] == 0f || v[0] == 2f);
            dropped += v[0] == 0f ? 1 : 0;
        }
        assertTrue(dropped > 60 && dropped < 140, "dropped " + dropped);
    }

    @Test
    void stochasticDepthAtOneDropsEverything() {
        Tensor y = StochasticDepth.stochasticDepth(Torch.ones(5, 2), 1.0, "row", true);
        assertEquals(0.0, y.abs().sum().item(), 0.0);
    }

    @Test
    void stochasticDepthRefusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new StochasticDepth(-0.1, "row"));
        assertThrows(IllegalArgumentException.class, () -> new StochasticDepth(1.5, "row"));
        assertThrows(IllegalArgumentException.class, () -> new StochasticDepth(Double.NaN, "row"));
        assertThrows(IllegalArgumentException.class, () -> new StochasticDepth(0.1, "column"));
        assertThrows(IllegalArgumentException.class, () -> StochasticDepth.stochasticDepth(Torch.tensor(1f).reshape(), 0.5, "row", true));
        assertEquals("StochasticDepth(p=0.1, mode=row)", new StochasticDepth(0.1, "row").toString());
    }

    @Test
    void conv2dNormActivationHasTorchvisionsLayersAndPadding() {
        Conv2dNormActivation c = new Conv2dNormActivation(4, 8, Conv2dNormActivation.options().kernelSize(5).stride(2).dilation(2)
                .activationLayer(() -> new ReLU6(true)));
        assertEquals(3, c.size());
        Conv2d conv = c.get(0, Conv2d.class);
        assertEquals(List.of(4L, 4L), List.of(conv.padding()[0], conv.padding()[1]));
        assertEquals(null, conv.bias());
        c.get(1, BatchNorm2d.class);
        c.get(2, ReLU6.class);
        assertEquals(8, c.outChannels());
        // (12 + 2*4 - 2*(5-1) - 1) / 2 + 1 = 6, as torch.nn.Conv2d computes
        assertEquals(List.of(2L, 8L, 6L, 6L), List.of(box(c.forward(Torch.randn(2, 4, 12, 12)).shape())));
        Conv2dNormActivation bare = new Conv2dNormActivation(4, 8, Conv2dNormActivation.options().normLayer(null).activationLayer(null));
        assertEquals(1, bare.size());
        assertTrue(bare.get(0, Conv2d.class).bias() != null, "no norm layer: the conv has a bias, as torchvision's");
        assertEquals(
                "Conv2dNormActivation(\n  (0): Conv2d(4, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)\n"
                        + "  (1): BatchNorm2d(8, eps=1.0E-5, momentum=0.1, affine=True, track_running_stats=True)\n"
                        + "  (2): ReLU(inplace=True)\n)",
                new Conv2dNormActivation(4, 8).toString().replace("1e-05", "1.0E-5"));
    }

    @Test
    void squeezeExcitationScalesEachChannelByItsGate() {
        Torch.manualSeed(0);
        SqueezeExcitation se = new SqueezeExcitation(6, 2, ReLU::new, Hardsigmoid::new);
        assertEquals(List.of("avgpool", "fc1", "fc2", "activation", "scale_activation"), List.copyOf(se.namedChildren().keySet()));
        assertEquals(List.of(2L, 6L, 1L, 1L), List.of(box(se.stateDict().get("fc1.weight").shape())));
        Tensor x = Torch.randn(2, 6, 3, 3);
        Tensor gate = se.scale(x);
        assertEquals(List.of(2L, 6L, 1L, 1L), List.of(box(gate.shape())));
        assertTrue(se.forward(x).allclose(x.mul(gate), 0, 0));
    }

    @Test
    void permuteChecksItsDims() {
        assertEquals(List.of(2L, 4L, 5L, 3L), List.of(box(new Permute(0, 2, 3, 1).forward(Torch.zeros(2, 3, 4, 5)).shape())));
        assertThrows(IllegalArgumentException.class, () -> new Permute(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Permute(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Permute(0, 2, 1).forward(Torch.zeros(2, 3)));
    }

    @Test
    void mlpHasTorchvisionsLayout() {
        MLP mlp = new MLP(4, 8, 3);
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"), List.copyOf(mlp.stateDict().keySet()));
        assertEquals(List.of(5L, 3L), List.of(box(mlp.forward(Torch.randn(5, 4)).shape())));
        assertThrows(IllegalArgumentException.class, () -> new MLP(4));
    }

    static Long[] box(long[] v) {
        Long[] out = new Long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
