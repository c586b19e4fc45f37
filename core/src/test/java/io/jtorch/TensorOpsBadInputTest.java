package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments to the Tensor and Torch ops give a Java exception with a readable message. */
class TensorOpsBadInputTest {
    private final Tensor x = Torch.randn(3, 4);

    private static void fails(Class<? extends RuntimeException> type, Executable call, String... words) {
        RuntimeException e = assertThrows(type, call);
        String m = e.getMessage();
        assertTrue(m.lines().count() == 1, "not one line: " + m);
        for (String w : words) {
            assertTrue(m.contains(w), "message lacks '" + w + "': " + m);
        }
    }

    @Test
    void maxOverAMissingDimensionNamesTheDimensionAndShape() {
        fails(IndexOutOfBoundsException.class, () -> x.max(2), "max", "dimension 2", "[3, 4]");
    }

    @Test
    void topkLargerThanTheDimensionNamesKAndTheSize() {
        fails(IllegalArgumentException.class, () -> x.topk(5), "k = 5", "size 4");
    }

    @Test
    void sortOverAMissingDimensionIsRefused() {
        fails(IndexOutOfBoundsException.class, () -> x.sort(-3, false), "sort", "dimension -3");
    }

    @Test
    void splitSizesThatDoNotAddUpAreRefused() {
        fails(IllegalArgumentException.class, () -> x.split(new long[] {1, 2}, 1), "add up to 3", "size 4");
    }

    @Test
    void chunkIntoZeroPiecesIsRefused() {
        fails(IllegalArgumentException.class, () -> x.chunk(0, 0), "at least 1 chunk");
    }

    @Test
    void gatherWithAnIndexOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> x.gather(1, Torch.tensor(new long[] {7, 0, 0}, 3, 1)));
    }

    @Test
    void scatterWithAnIndexOfTheWrongDtypeIsRefused() {
        assertThrows(RuntimeException.class, () -> x.scatter(0, Torch.zeros(1, 4), 1.0));
    }

    @Test
    void maskedFillWithAMaskOfAnotherShapeIsRefused() {
        fails(IllegalArgumentException.class, () -> x.maskedFill(Torch.ones(DType.BOOL, 5), 0.0), "5");
    }

    @Test
    void mismatchedShapesInArithmeticAreRefused() {
        fails(IllegalArgumentException.class, () -> x.remainder(Torch.ones(5)), "must match the size");
    }

    @Test
    void expandToAnIncompatibleShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> x.expand(2, 4));
    }

    @Test
    void repeatWithTooFewCountsIsRefused() {
        fails(IllegalArgumentException.class, () -> x.repeat(2), "repeat", "[3, 4]");
    }

    @Test
    void whereWithMismatchedShapesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Torch.where(Torch.ones(DType.BOOL, 2), x, x));
    }

    @Test
    void squeezeOfAMissingDimensionIsRefused() {
        fails(IndexOutOfBoundsException.class, () -> x.squeeze(0, 5), "squeeze", "dimension 5");
    }

    @Test
    void cumsumOverAMissingDimensionIsRefused() {
        fails(IndexOutOfBoundsException.class, () -> x.cumsum(2), "cumsum");
    }

    @Test
    void normAlongAMissingDimensionIsRefused() {
        fails(IndexOutOfBoundsException.class, () -> x.norm(2, 3, false), "norm");
    }
}
