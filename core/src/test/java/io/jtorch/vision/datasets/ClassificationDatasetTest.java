package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cutting a dataset by class: keeping classes, n samples per class, held-out splits, subsets.
 * Run on MNIST-format data whose first pixel tells which sample it is ({@code 10 * i}).
 */
class ClassificationDatasetTest {
    private static final List<String> CLASSES = List.of("zero", "one", "two", "three");
    private static final int[] LABELS = {2, 0, 1, 2, 3, 0, 2, 1, 0, 2, 3, 0};

    private static MNIST data() {
        return MNIST.fromStreams(new ByteArrayInputStream(IdxBytes.images(LABELS.length, 2, 2)),
                new ByteArrayInputStream(IdxBytes.labels(LABELS)), CLASSES);
    }

    /** Which original samples a dataset holds, from each image's first pixel. */
    private static long[] origins(MNIST d) {
        long[] firstPixels = d.data().narrow(1, 0, 1).narrow(2, 0, 1).flatten().to(DType.INT64).toLongArray();
        return Arrays.stream(firstPixels).map(v -> v / 10).toArray();
    }

    @Test
    void keepClassesRelabelsInTheOrderGivenAndKeepsDatasetOrder() {
        MNIST kept = data().keepClasses(2, 0);
        assertEquals(List.of("two", "zero"), kept.classes());
        assertArrayEquals(new long[] {0, 1, 3, 5, 6, 8, 9, 11}, origins(kept));
        assertArrayEquals(new long[] {0, 1, 0, 1, 0, 1, 0, 1}, kept.targets().toLongArray());
        assertArrayEquals(new long[] {4, 4}, kept.classCounts());
    }

    @Test
    void keepClassesByNameEqualsByLabel() {
        assertArrayEquals(origins(data().keepClasses(3, 1)), origins(data().keepClasses("three", "one")));
        assertEquals(List.of("three", "one"), data().keepClasses("three", "one").classes());
    }

    @Test
    void keepClassesRejectsUnknownAndRepeatedClasses() {
        assertEquals("no class named 'four'; the classes are [zero, one, two, three]",
                assertThrows(IllegalArgumentException.class, () -> data().keepClasses("four")).getMessage());
        assertEquals("class 4 is not one of the 4 classes [zero, one, two, three]",
                assertThrows(IllegalArgumentException.class, () -> data().keepClasses(0, 4)).getMessage());
        assertEquals("class 2 (two) is given twice",
                assertThrows(IllegalArgumentException.class, () -> data().keepClasses(2, 1, 2)).getMessage());
    }

    @Test
    void samplesPerClassTakesNOfEachClassReproducibly() {
        MNIST few = data().samplesPerClass(2, 7);
        assertArrayEquals(new long[] {2, 2, 2, 2}, few.classCounts());
        long[] chosen = origins(few);
        assertArrayEquals(chosen, origins(data().samplesPerClass(2, 7)), "same seed, same samples");
        long[] sorted = chosen.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, chosen, "dataset order");
        for (long origin : chosen) {
            assertEquals(LABELS[(int) origin], few.label(Arrays.binarySearch(chosen, origin)));
        }
        boolean anotherSeedDiffers = false;
        for (long seed = 0; seed < 5; seed++) {
            anotherSeedDiffers |= !Arrays.equals(chosen, origins(data().samplesPerClass(2, seed)));
        }
        assertTrue(anotherSeedDiffers);
    }

    @Test
    void samplesPerClassNamesAClassThatIsTooSmall() {
        assertEquals("class 1 (one) has 2 samples, fewer than the 3 asked for",
                assertThrows(IllegalArgumentException.class, () -> data().samplesPerClass(3, 0)).getMessage());
    }

    @Test
    void splitHoldsOutRoundedFractionOfEachClass() {
        Split<MNIST> split = data().split(0.25, 3);
        // class counts 4, 2, 4, 2: round(count / 4) = 1, 1 (0.5 rounds up), 1, 1
        assertArrayEquals(new long[] {1, 1, 1, 1}, split.heldOut().classCounts());
        assertArrayEquals(new long[] {3, 1, 3, 1}, split.train().classCounts());
        long[] all = new long[LABELS.length];
        System.arraycopy(origins(split.train()), 0, all, 0, 8);
        System.arraycopy(origins(split.heldOut()), 0, all, 8, 4);
        Arrays.sort(all);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, all, "the parts are disjoint and cover the data");
        assertArrayEquals(origins(split.heldOut()), origins(data().split(0.25, 3).heldOut()), "same seed, same split");
    }

    @Test
    void splitKeepsEveryClassInTheTrainingPart() {
        Split<MNIST> split = data().split(0.9, 0);
        assertArrayEquals(new long[] {1, 1, 1, 1}, split.train().classCounts());
        assertArrayEquals(new long[] {3, 1, 3, 1}, split.heldOut().classCounts());
    }

    @Test
    void cuttingKeepsNormalizationAndLeavesTheOriginalAlone() {
        MNIST d = data().normalize(0.5, 0.25);
        MNIST sub = d.subset(new long[] {3, 1});
        assertArrayEquals(new long[] {3, 1}, origins(sub));
        assertArrayEquals(new long[] {2, 0}, sub.targets().toLongArray());
        assertEquals((30 / 255.0 - 0.5) / 0.25, sub.get(0).input().get(0).get(0).get(0).item(), 1e-6);
        assertEquals(LABELS.length, d.size());
        assertFalse(sub.classes().isEmpty());
    }

    @Test
    void subsetRejectsIndicesOutOfRange() {
        assertEquals("index 12 is out of range for a dataset of size 12",
                assertThrows(IndexOutOfBoundsException.class, () -> data().subset(new long[] {0, 12})).getMessage());
    }
}
