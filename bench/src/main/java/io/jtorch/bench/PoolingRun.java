package io.jtorch.bench;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Functional;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.pytorch.global.torch;

/**
 * Max pooling without autograd on one intra-op thread: libtorch's kernel on the (N, C, H, W)
 * tensor as it is, against jtorch's {@code Functional.maxPool2d} (which goes through the
 * channels-last kernel and back where that pays), over shapes of ResNet, VGG and LeNet. Prints
 * the median of 9 calls after 2 warm-ups, and whether the two gave the same tensor.
 *
 * <pre>java -cp ... io.jtorch.bench.PoolingRun</pre>
 */
public final class PoolingRun {
    private PoolingRun() {}

    /** N, C, H, W, kernel, stride, padding. */
    private static final long[][] SHAPES = {
        {32, 64, 56, 56, 3, 2, 1}, // ResNet-18/50 stem at 112x112 inputs, batch 32
        {8, 64, 112, 112, 3, 2, 1}, // the same at 224x224, batch 8
        {1, 64, 112, 112, 3, 2, 1}, // batch 1
        {32, 256, 28, 28, 2, 2, 0}, // VGG-like
        {32, 16, 28, 28, 2, 2, 0},
        {64, 6, 28, 28, 2, 2, 0}, // LeNet: few channels, left to the plain kernel
        {4, 64, 224, 224, 2, 2, 0}, // 51 MB
        {16, 64, 224, 224, 2, 2, 0}, // 205 MB: left to the plain kernel
    };

    @SuppressWarnings("try") // the guard is held for its scope
    public static void main(String[] args) {
        Torch.setNumThreads(1);
        System.out.println("shape (N C H W kernel stride padding)   plain ms   jtorch ms   plain/jtorch   same");
        for (long[] s : SHAPES) {
            try (Scope scope = Scope.open(); NoGrad g = Torch.noGrad()) {
                Torch.manualSeed(0);
                Tensor x = Torch.randn(s[0], s[1], s[2], s[3]).relu();
                long[] k = {s[4], s[4]};
                long[] st = {s[5], s[5]};
                long[] p = {s[6], s[6]};
                long[] d = {1, 1};
                Tensor plain = Tensor.wrap(torch.max_pool2d(x.raw(), k, st, p, d, false));
                boolean same = plain.eq(Functional.maxPool2d(x, k, st, p, d, false)).all().item() != 0;
                double plainMs = median(() -> torch.max_pool2d(x.raw(), k, st, p, d, false).close());
                double jtorchMs = median(() -> {
                    try (Scope call = Scope.open()) {
                        Functional.maxPool2d(x, k, st, p, d, false);
                    }
                });
                System.out.printf(Locale.ROOT, "%-40s %9.2f %11.2f %14.2f   %s%n", Arrays.toString(s), plainMs, jtorchMs, plainMs / jtorchMs, same);
            }
        }
    }

    private static double median(Runnable call) {
        double[] ms = new double[9];
        for (int i = -2; i < ms.length; i++) {
            long t0 = System.nanoTime();
            call.run();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
