package io.jtorch.internal;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SerialRegionTest {
    @Test
    void foundLibtorchsOpenMpOnLinux() {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        Torch.getNumThreads();
        assertTrue(SerialRegion.available(), "libtorch's libgomp should be bound on Linux");
    }

    @Test
    void changesOnlyTheCallingThreadAndPutsTheCountBack() throws InterruptedException {
        TwoThreads.run(() -> {
            int[] other = new int[1];
            try (SerialRegion alone = SerialRegion.open(true)) {
                assertEquals(1, torch.get_num_threads());
                Thread t = new Thread(() -> {
                    IntraOpThreads.setForCurrentThread(2);
                    other[0] = torch.get_num_threads();
                });
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                try (SerialRegion inner = SerialRegion.open(true)) {
                    assertEquals(1, torch.get_num_threads());
                }
                assertEquals(1, torch.get_num_threads(), "an inner region leaves the outer one's count");
                alone.serial(false);
                assertEquals(2, torch.get_num_threads());
                alone.serial(true);
                assertEquals(1, torch.get_num_threads());
            }
            assertEquals(2, other[0], "another thread keeps its own count");
            assertEquals(2, torch.get_num_threads());
            try (SerialRegion none = SerialRegion.open(false)) {
                assertEquals(2, torch.get_num_threads());
            }
        });
    }

    /**
     * What the regions rely on: the element-wise kernels of the optimizers and the batch copy give
     * the same bits on one thread as split over two, at a size libtorch splits (above 32,768
     * elements) and one that does not divide evenly.
     */
    @Test
    void elementWiseKernelsGiveTheSameBitsAlone() throws InterruptedException {
        TwoThreads.run(() -> {
            Torch.manualSeed(3);
            Tensor a = Torch.randn(100_003).retain();
            Tensor b = Torch.randn(100_003).retain();
            Tensor c = Torch.rand(100_003).add(0.1).retain();
            Tensor rows = Torch.randn(1000, 301).retain();
            Tensor idx = Torch.randint(0, 1000, 257).retain();
            Tensor[] split = ops(a, b, c, rows, idx);
            Tensor[] alone;
            try (SerialRegion r = SerialRegion.open(true)) {
                alone = ops(a, b, c, rows, idx);
            }
            for (int i = 0; i < split.length; i++) {
                assertBitEqual(split[i], alone[i], "op " + i);
            }
        });
    }

    private static Tensor[] ops(Tensor a, Tensor b, Tensor c, Tensor rows, Tensor idx) {
        return new Tensor[] {
            a.clone().add_(b, -0.01),
            a.clone().mul_(0.9).add_(b, 0.1),
            a.clone().addcmul_(b, b, 0.001),
            a.clone().addcdiv_(b, c.sqrt().add(1e-8), -0.003),
            a.clone().mul_(b).div(c),
            a.maximum(b),
            rows.indexSelect(0, idx),
        };
    }
}
