package io.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** Max pooling through the channels-last kernel gives what libtorch's plain kernel gives, bit for bit. */
@SuppressWarnings("try") // NoGrad guards are held for their scope, not referenced
class MaxPoolingTest {
    /** kernel, stride, padding, dilation, ceil mode (0/1). */
    private static final long[][] WINDOWS = {
        {3, 2, 1, 1, 0}, // ResNet's stem
        {2, 2, 0, 1, 0}, // VGG's
        {3, 2, 0, 1, 1}, // SqueezeNet's, ceil mode
        {3, 1, 1, 1, 0},
        {3, 2, 1, 2, 0}, // dilated
        {2, 3, 1, 1, 1},
    };

    private static Tensor plain(Tensor x, long[] w) {
        long[] k = {w[0], w[0]};
        long[] s = {w[1], w[1]};
        long[] p = {w[2], w[2]};
        long[] d = {w[3], w[3]};
        return Tensor.wrap(torch.max_pool2d(x.raw(), k, s, p, d, w[4] == 1));
    }

    private static Tensor fast(Tensor x, long[] w) {
        assertTrue(MaxPooling.channelsLastPays(x.raw()), "the test input should take the channels-last path");
        return Functional.maxPool2d(x, new long[] {w[0], w[0]}, new long[] {w[1], w[1]}, new long[] {w[2], w[2]},
                new long[] {w[3], w[3]}, w[4] == 1);
    }

    private static void assertSameTensor(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertArrayEquals(expected.strides(), actual.strides(), what + ": strides");
        assertTrue(actual.isContiguous(), what + ": contiguous");
        // NaN == NaN for this comparison: equal where both are NaN, bit-equal elsewhere
        Tensor bothNan = expected.isnan().logicalAnd(actual.isnan());
        Tensor same = expected.eq(actual).logicalOr(bothNan);
        assertTrue(same.all().item() != 0, what + ": values differ from the plain kernel's");
    }

    @Test
    void givesThePlainKernelsTensorForEveryWindow() {
        try (Scope scope = Scope.open(); NoGrad g = Torch.noGrad()) {
            Torch.manualSeed(3);
            Tensor[] inputs = {
                Torch.randn(4, 32, 15, 17),
                Torch.randn(4, 32, 15, 17).relu(), // many tied zeros in a window
                Torch.randint(0, 3, 2, 16, 12, 12).to(DType.FLOAT32), // ties everywhere
                Torch.randn(2, 24, 9, 9).to(DType.FLOAT64),
            };
            for (long[] w : WINDOWS) {
                for (int i = 0; i < inputs.length; i++) {
                    assertSameTensor(plain(inputs[i], w), fast(inputs[i], w), "input " + i + " window " + java.util.Arrays.toString(w));
                }
            }
        }
    }

    @Test
    void keepsNaNAndInfinityWhereThePlainKernelDoes() {
        try (Scope scope = Scope.open(); NoGrad g = Torch.noGrad()) {
            Torch.manualSeed(4);
            Tensor x = Torch.randn(2, 16, 8, 8);
            Tensor mask = Torch.rand(2, 16, 8, 8);
            long[] shape = x.shape();
            x = Torch.full(shape, Double.NaN).where(mask.lt(0.05), x);
            x = Torch.full(shape, Double.NEGATIVE_INFINITY).where(mask.gt(0.95), x);
            x = Torch.full(shape, Double.POSITIVE_INFINITY).where(mask.gt(0.9).logicalAnd(mask.le(0.95)), x);
            for (long[] w : WINDOWS) {
                Tensor expected = plain(x, w);
                assertTrue(expected.isnan().any().item() != 0, "the fixture should carry NaN through");
                assertSameTensor(expected, fast(x, w), "NaN/inf window " + java.util.Arrays.toString(w));
            }
        }
    }

    @Test
    void theModuleTakesThePathUnderNoGradAndGivesTheSameOutput() {
        try (Scope scope = Scope.open()) {
            Torch.manualSeed(5);
            Tensor x = Torch.randn(2, 64, 20, 20);
            MaxPool2d pool = new MaxPool2d(3, 2, 1);
            Tensor expected = plain(x, new long[] {3, 2, 1, 1, 0});
            try (NoGrad g = Torch.noGrad()) {
                assertSameTensor(expected, pool.forward(x), "MaxPool2d under no_grad");
            }
            assertSameTensor(expected, pool.forward(x), "MaxPool2d on an input that needs no gradient");
        }
    }

    @Test
    void poolingThatAutogradRecordsKeepsThePlainKernelAndItsGradient() {
        try (Scope scope = Scope.open()) {
            Torch.manualSeed(6);
            Tensor x = Torch.randn(2, 32, 10, 10).relu().requiresGrad(true);
            assertFalse(MaxPooling.channelsLastPays(x.raw()));
            Tensor y = new MaxPool2d(2).forward(x);
            y.mul(Torch.randn(y.shape())).sum().backward();
            Tensor viaFunctional = x.grad().clone();
            x.grad().zero_();
            Tensor yPlain = plain(x, new long[] {2, 2, 0, 1, 0});
            Torch.manualSeed(6);
            Torch.randn(2, 32, 10, 10); // the same draw as above for the gradient's weights
            yPlain.mul(Torch.randn(yPlain.shape())).sum().backward();
            assertSameTensor(x.grad(), viaFunctional, "gradient");
            try (NoGrad g = Torch.noGrad()) {
                assertTrue(MaxPooling.channelsLastPays(x.raw()), "under no_grad the same input takes the fast path");
            }
        }
    }

    @Test
    void leavesInputsTheCopiesDoNotPayForToThePlainKernel() {
        try (Scope scope = Scope.open(); NoGrad g = Torch.noGrad()) {
            assertFalse(MaxPooling.channelsLastPays(Torch.zeros(64, 1, 28, 28).raw()), "one channel");
            assertFalse(MaxPooling.channelsLastPays(Torch.zeros(4, 3, 224, 224).raw()), "RGB");
            assertFalse(MaxPooling.channelsLastPays(Torch.zeros(32, 16, 16).raw()), "unbatched (C, H, W)");
            assertFalse(MaxPooling.channelsLastPays(Torch.zeros(2, 32, 8, 8).to(DType.FLOAT16).raw()), "half precision");
            assertFalse(MaxPooling.channelsLastPays(Torch.zeros(2, 8, 8, 32).permute(0, 3, 1, 2).raw()), "already channels-last");
            assertFalse(MaxPooling.channelsLastPays(Torch.empty(1, 16, 1025, 1024).raw()), "over 64 MB");
            assertTrue(MaxPooling.channelsLastPays(Torch.zeros(1, 16, 1024, 1024).raw()), "at 64 MB");
        }
    }
}
