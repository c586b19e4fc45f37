package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conv1d, ConvTranspose2d, activations, pooling, resizing and reshaping layers against PyTorch. */
class LayersTest {
    private static Tensor x() {
        return NnFixtures.tensor("layers", "x");
    }

    private static Tensor seq() {
        return NnFixtures.tensor("layers", "seq");
    }

    private static void assertOut(String fixture, Tensor actual) {
        assertClose(NnFixtures.tensor("layers", fixture), actual, 1e-5, 1e-6, fixture);
    }

    /** Java forward equals the fixture, and the TorchScript twin computes the same. */
    private static void assertLayer(String fixture, Module m, Tensor input) {
        assertOut(fixture, m.forward(input));
        assertClose(m.forward(input), Jit.script(m).forward(input), 1e-6, 1e-7, fixture + " scripted");
    }

    @Test
    void softmaxAndLogSoftmaxMatchPyTorch() {
        assertLayer("softmax_1", new Softmax(1), x());
        assertLayer("log_softmax_neg1", new LogSoftmax(-1), x());
    }

    @Test
    void leakyReluAndEluMatchPyTorch() {
        assertLayer("leaky_relu", new LeakyReLU(), x());
        assertLayer("leaky_relu_0.2", new LeakyReLU(0.2), x());
        assertLayer("elu", new ELU(), x());
        assertLayer("elu_0.5", new ELU(0.5), x());
    }

    @Test
    void adaptiveMaxPoolMatchesPyTorch() {
        assertLayer("adaptive_max_pool_1", new AdaptiveMaxPool2d(1), x());
        assertLayer("adaptive_max_pool_2_3", new AdaptiveMaxPool2d(2, 3), x());
    }

    @Test
    void upsampleMatchesPyTorchForEachMode() {
        assertLayer("upsample_nearest_2", new Upsample(2.0), x());
        assertLayer("upsample_nearest_1.5", new Upsample(1.5), x());
        assertLayer("upsample_nearest_size", new Upsample(new long[] {7, 9}), x());
        assertLayer("upsample_bilinear_2.5", new Upsample(2.5, "bilinear", false), x());
        assertLayer("upsample_bilinear_size_corners", new Upsample(new long[] {8, 4}, "bilinear", true), x());
        assertLayer("upsample_bicubic_size", new Upsample(new long[] {8, 9}, "bicubic", false), x());
        assertLayer("interpolate_linear_seq", new Upsample(1.7, "linear", false), seq());
        assertLayer("interpolate_nearest_seq", new Upsample(new long[] {4}), seq());
    }

    @Test
    void interpolateMatchesPyTorch() {
        assertOut("upsample_bilinear_2.5", Functional.interpolate(x(), 2.5, "bilinear", false));
        assertOut("upsample_nearest_size", Functional.interpolate(x(), new long[] {7, 9}));
        assertOut("interpolate_linear_seq", Functional.interpolate(seq(), 1.7, "linear"));
    }

    @Test
    void interpolateRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(Torch.ones(2, 3), 2.0));
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(x(), 2.0, "nearest", false));
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(x(), 2.0, "linear"));
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(x(), 2.0, "area"));
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(x(), new long[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(x(), -1.0));
        assertThrows(IllegalArgumentException.class, () -> new Upsample(2.0, "nearest", true));
    }

    @Test
    void unflattenMatchesPyTorch() {
        assertLayer("unflatten", new Unflatten(1, 2, 2), x());
        assertLayer("unflatten_neg", new Unflatten(-1, 3, -1), x());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1, 3, 3).forward(x()));
        assertTrue(e.getMessage().contains("do not multiply to 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Unflatten(7, 2, 2).forward(x()));
    }

    private static void assertConv(String fixture, Module conv, Tensor input) {
        assertStateClose(Fixtures.stateDict(NnFixtures.node("layers", fixture, "state")), conv.stateDict(), 0, 1e-7);
        assertClose(NnFixtures.tensor("layers", fixture, "y"), conv.forward(input), 1e-5, 1e-5, fixture);
        assertEquals(NnFixtures.node("layers", fixture, "repr").asText(), conv.toString());
        assertClose(conv.forward(input), Jit.script(conv).forward(input), 1e-6, 1e-6, fixture + " scripted");
    }

    @Test
    void conv1dInitialisesAndComputesLikePyTorch() {
        Torch.manualSeed(0);
        assertConv("conv1d", new Conv1d(3, 4, 3), seq());
        Torch.manualSeed(0);
        assertConv("conv1d_opts", new Conv1d(3, 6, 4, Conv1d.options().stride(2).padding(1).dilation(2).groups(3).bias(false)), seq());
    }

    @Test
    void convTranspose2dInitialisesAndComputesLikePyTorch() {
        Torch.manualSeed(0);
        assertConv("conv_transpose", new ConvTranspose2d(4, 6, 3, ConvTranspose2d.options().stride(2).padding(1).outputPadding(1)
                .groups(2)), x());
        Torch.manualSeed(0);
        assertConv("conv_transpose_rect", new ConvTranspose2d(4, 3, new long[] {2, 3}, ConvTranspose2d.options().dilation(2).bias(false)),
                x());
    }

    @Test
    void convolutionsRejectBadArgumentsAndInputs() {
        assertThrows(IllegalArgumentException.class, () -> new Conv1d(3, 4, 3, Conv1d.options().groups(2)));
        assertThrows(IllegalArgumentException.class, () -> new Conv1d(3, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2d(4, 4, 3, ConvTranspose2d.options().outputPadding(2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Conv1d(3, 4, 3).forward(Torch.ones(2, 5, 10)));
        assertTrue(e.getMessage().contains("[N, 3, L]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2d(4, 2, 3).forward(Torch.ones(1, 3, 5, 5)));
        assertTrue(e.getMessage().contains("[N, 4, H, W]"), e.getMessage());
    }

    @Test
    void layersPrintLikePyTorch() {
        assertRepr("softmax", new Softmax(1));
        assertRepr("log_softmax", new LogSoftmax(-1));
        assertRepr("leaky_relu", new LeakyReLU());
        assertRepr("leaky_relu_inplace", new LeakyReLU(0.2, true));
        assertRepr("elu", new ELU());
        assertRepr("elu_inplace", new ELU(0.5, true));
        assertRepr("adaptive_max_pool", new AdaptiveMaxPool2d(2, 3));
        assertRepr("upsample_scale", new Upsample(2));
        assertRepr("upsample_size", new Upsample(new long[] {4, 5}, "bilinear", false));
        assertRepr("unflatten", new Unflatten(1, 2, 3));
        assertRepr("unflatten_one", new Unflatten(0, 4));
    }

    private static void assertRepr(String fixture, Module m) {
        assertEquals(NnFixtures.node("layers", "reprs", fixture).asText(), m.toString());
    }

    @Test
    void poolingRejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveMaxPool2d(2).forward(Torch.ones(4)));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveMaxPool2d(0));
        assertThrows(IllegalArgumentException.class, () -> Functional.maxPool2d(Torch.ones(2, 2), 2));
    }

    @Test
    void scripted2dLayersRunInPythonWithTheSameOutputs(@TempDir Path dir) throws IOException {
        Torch.manualSeed(0);
        Sequential s = new Sequential(new ConvTranspose2d(4, 6, 3, ConvTranspose2d.options().stride(2).padding(1).outputPadding(1)),
                new LeakyReLU(0.2), new Upsample(1.5), new ELU(0.5), new Upsample(new long[] {9, 7}, "bilinear", false),
                new AdaptiveMaxPool2d(4, 3), new Upsample(2.0, "bicubic", true), new Softmax(1), new LogSoftmax(-1),
                new Unflatten(1, 2, 3));
        PythonRoundTrip.assertPythonComputesTheSame(s, x(), dir);
    }

    @Test
    void scripted1dLayersRunInPythonWithTheSameOutputs(@TempDir Path dir) throws IOException {
        Torch.manualSeed(0);
        Sequential s = new Sequential(new Conv1d(3, 4, 3, Conv1d.options().padding("same")), new Upsample(1.7, "linear", false),
                new Conv1d(4, 4, 2, Conv1d.options().stride(2).groups(2).bias(false)), new Upsample(new long[] {5}));
        PythonRoundTrip.assertPythonComputesTheSame(s, seq(), dir);
    }
}
