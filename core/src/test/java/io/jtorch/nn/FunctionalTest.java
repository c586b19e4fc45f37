package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** Functional's forms with PyTorch's defaults against torch.nn.functional. */
class FunctionalTest {
    private static Tensor f(String name) {
        return NnFixtures.tensor("functional", name);
    }

    private static void assertOut(String fixture, Tensor actual) {
        assertClose(f(fixture), actual, 1e-5, 1e-5, fixture);
    }

    @Test
    void maxPoolDefaultsMatchPyTorch() {
        assertOut("max_pool_2", Functional.maxPool2d(f("x"), 2));
        assertOut("max_pool_3_1_1", Functional.maxPool2d(f("x"), 3, 1, 1));
    }

    @Test
    void activationDefaultsMatchPyTorch() {
        assertOut("gelu", Functional.gelu(f("x")));
        assertOut("relu", Functional.relu(f("x")));
    }

    @Test
    void padMatchesPyTorchForEachMode() {
        assertOut("pad_constant", Functional.pad(f("x"), new long[] {1, 2}));
        assertOut("pad_value", Functional.pad(f("x"), new long[] {1, 1, 2, 0}, -1.5));
        assertOut("pad_reflect", Functional.pad(f("x"), new long[] {2, 1, 1, 2}, "reflect"));
        assertOut("pad_replicate", Functional.pad(f("x"), new long[] {1, 1, 1, 1}, "replicate"));
    }

    @Test
    void padRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Functional.pad(f("x"), new long[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> Functional.pad(Torch.ones(3), new long[] {1, 1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Functional.pad(f("x"), new long[] {1, 1}, "mirror"));
        assertThrows(RuntimeException.class, () -> Functional.pad(f("x"), new long[] {9, 9}, "reflect"));
    }

    @Test
    void oneHotMatchesPyTorch() {
        assertOut("one_hot", Functional.oneHot(Torch.tensor(0L, 3L, 1L, 2L), 5));
        assertOut("one_hot_auto", Functional.oneHot(Torch.tensor(new long[] {0, 2, 1, 0}, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Functional.oneHot(Torch.tensor(0f, 1f), 2));
        assertThrows(RuntimeException.class, () -> Functional.oneHot(Torch.tensor(0L, 7L), 3));
    }

    @Test
    void normalizeAndCosineSimilarityMatchPyTorch() {
        assertOut("normalize", Functional.normalize(f("a")));
        assertOut("normalize_p1_dim0", Functional.normalize(f("a"), 1.0, 0));
        assertOut("cosine", Functional.cosineSimilarity(f("a"), f("b")));
        assertOut("cosine_dim0", Functional.cosineSimilarity(f("a"), f("b"), 0, 1e-8));
        assertThrows(RuntimeException.class, () -> Functional.cosineSimilarity(f("a"), Torch.ones(3, 5)));
    }

    @Test
    void linearAndConvDefaultsMatchPyTorch() {
        assertOut("linear_no_bias", Functional.linear(f("a"), f("lw")));
        assertOut("conv2d_bias", Functional.conv2d(f("x"), f("w"), f("bias")));
        assertOut("conv2d_stride_pad", Functional.conv2d(f("x"), f("w"), f("bias"), 2, 1));
        assertOut("conv2d_weight_only", Functional.conv2d(f("x"), f("w")));
        assertThrows(RuntimeException.class, () -> Functional.conv2d(Torch.ones(1, 4, 5, 5), f("w")));
    }
}
