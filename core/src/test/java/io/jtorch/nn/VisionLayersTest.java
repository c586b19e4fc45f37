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
import io.jtorch.jit.ScriptModule;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers torchvision's model families use: values, init and printing against PyTorch, TorchScript export. */
class VisionLayersTest {
    private static Tensor x() {
        return NnFixtures.tensor("vision_layers", "x");
    }

    private static void assertLayer(String fixture, Module m) {
        assertClose(NnFixtures.tensor("vision_layers", fixture), m.forward(x()), 1e-6, 1e-6, fixture);
    }

    @Test
    void activationsMatchPyTorch() {
        assertLayer("hardswish", new Hardswish());
        assertLayer("hardsigmoid", new Hardsigmoid());
        assertLayer("silu", new SiLU());
        assertLayer("sigmoid", new Sigmoid());
        assertLayer("tanh", new Tanh());
        assertLayer("relu6", new ReLU6());
    }

    @Test
    void inplaceFlagPrintsLikePyTorchAndLeavesTheInputAlone() {
        assertEquals("ReLU(inplace=True)", new ReLU(true).toString());
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("SiLU(inplace=True)", new SiLU(true).toString());
        assertEquals("ReLU6(inplace=True)", new ReLU6(true).toString());
        assertEquals("Hardswish()", new Hardswish(true).toString());
        assertEquals("Hardsigmoid()", new Hardsigmoid(true).toString());
        assertEquals("Dropout(p=0.2, inplace=True)", new Dropout(0.2, true).toString());
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        Tensor x = x();
        Tensor before = x.clone();
        assertClose(NnFixtures.tensor("vision_layers", "hardswish"), new Hardswish(true).forward(x), 1e-6, 1e-6, "hardswish");
        assertTrue(x.equal(before));
    }

    @Test
    void avgPoolMatchesPyTorch() {
        assertLayer("avg_pool_2", new AvgPool2d(2));
        assertLayer("avg_pool_3_2_1", new AvgPool2d(3, 2, 1));
        assertLayer("avg_pool_3_2_1_ceil_nopad", new AvgPool2d(3, 2, 1, true, false));
        assertClose(NnFixtures.tensor("vision_layers", "avg_pool_3_2_1"), Functional.avgPool2d(x(), 3, 2, 1), 1e-6, 1e-6, "F");
        assertClose(NnFixtures.tensor("vision_layers", "adaptive_avg_pool_3"), Functional.adaptiveAvgPool2d(x(), 3), 1e-6, 1e-6, "F");
        assertEquals("AvgPool2d(kernel_size=3, stride=2, padding=1)", new AvgPool2d(3, 2, 1).toString());
    }

    @Test
    void avgPoolRejectsBadShapesAndSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2).forward(Torch.ones(3, 4)));
        assertTrue(e.getMessage().contains("[3, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(0));
        assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2, 2, 2));
        assertThrows(RuntimeException.class, () -> new AvgPool2d(8).forward(Torch.ones(1, 1, 4, 4)));
    }

    private static void assertConv(String fixture, Conv2d conv) {
        assertStateClose(Fixtures.stateDict(NnFixtures.node("vision_layers", fixture, "state")), conv.stateDict(), 0, 1e-7);
        assertClose(NnFixtures.tensor("vision_layers", fixture, "y"), conv.forward(x()), 1e-5, 1e-5, fixture);
        assertEquals(NnFixtures.node("vision_layers", fixture, "repr").asText(), conv.toString());
    }

    @Test
    void conv2dOptionsInitialiseAndComputeLikePyTorch() {
        Torch.manualSeed(0);
        assertConv("conv_grouped", new Conv2d(4, 8, 3, Conv2d.options().stride(2).padding(1).groups(2).bias(false)));
        Torch.manualSeed(0);
        assertConv("conv_rect", new Conv2d(4, 6, new long[] {3, 2}, Conv2d.options().stride(2, 1).padding(1, 0).dilation(1, 2)));
        Torch.manualSeed(0);
        assertConv("conv_same", new Conv2d(4, 4, 4, Conv2d.options().padding("same").dilation(2)));
    }

    @Test
    void conv2dOptionsRejectBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(4, 6, 3, Conv2d.options().groups(4)));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(4, 4, 3, Conv2d.options().padding("same").stride(2)));
        assertThrows(IllegalArgumentException.class, () -> Conv2d.options().padding("full"));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(4, 4, 0, Conv2d.options()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(4, 4, 3, Conv2d.options()).forward(Torch.ones(1, 3, 8, 8)));
        assertTrue(e.getMessage().contains("[N, 4, H, W]"), e.getMessage());
    }

    @Test
    void dropout2dZeroesWholeChannelsWithPyTorchsDraws() {
        Torch.manualSeed(3);
        Tensor y = Functional.dropout2d(Torch.ones(4, 8, 2, 2), 0.5, true);
        assertClose(NnFixtures.tensor("vision_layers", "dropout2d"), y, 0, 0, "dropout2d");
        Dropout2d d = new Dropout2d(0.2);
        d.eval();
        assertTrue(d.forward(x()).equal(x()));
        assertEquals("Dropout2d(p=0.2, inplace=False)", d.toString());
        assertThrows(IllegalArgumentException.class, () -> new Dropout2d(1.5));
        assertThrows(IllegalArgumentException.class, () -> Functional.dropout2d(Torch.ones(4, 4), 0.5, true));
    }

    private static Sequential visionStack() {
        Torch.manualSeed(0);
        Sequential s = new Sequential(new Conv2d(4, 8, 3, Conv2d.options().padding(1).bias(false)), new Hardswish(true),
                new Conv2d(8, 8, 3, Conv2d.options().padding("same").groups(8)), new SiLU(true), new AvgPool2d(2),
                new Hardsigmoid(), new Dropout2d(0.3), new ReLU6(true), new Sigmoid(), new Tanh(), new AvgPool2d(3, 1, 1, false, false));
        s.eval();
        return s;
    }

    @Test
    void scriptedStackComputesWhatJavaComputes() {
        Sequential s = visionStack();
        ScriptModule script = Jit.script(s);
        assertClose(s.forward(x()), script.forward(x()), 0, 0, "scripted");
    }

    @Test
    void scriptedStackRunsInPythonWithTheSameOutputs(@TempDir Path dir) throws IOException {
        PythonRoundTrip.assertPythonComputesTheSame(visionStack(), x(), dir);
    }
}
