package io.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** DataLoader batches, shuffles like PyTorch and releases each batch's memory when the next is drawn. */
class DataLoaderTest {
    private static TensorDataset range(int n) {
        return new TensorDataset(Torch.arange(n).to(io.jtorch.DType.FLOAT32).unsqueeze(1), Torch.arange(n));
    }

    private static List<List<Long>> pass(DataLoader loader) {
        List<List<Long>> out = new ArrayList<>();
        for (Batch b : loader) {
            List<Long> labels = new ArrayList<>();
            for (long v : b.labels().toLongArray()) {
                labels.add(v);
            }
            out.add(labels);
        }
        return out;
    }

    private static List<List<Long>> expected(JsonNode node) {
        List<List<Long>> out = new ArrayList<>();
        for (JsonNode batch : node) {
            List<Long> b = new ArrayList<>();
            batch.forEach(v -> b.add(v.asLong()));
            out.add(b);
        }
        return out;
    }

    @Test
    void inOrderBatchesWithAShortLastOne() {
        DataLoader loader = new DataLoader(range(10), 4);
        assertEquals(3, loader.size());
        assertEquals(List.of(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L), List.of(8L, 9L)), pass(loader));
        Batch first = new DataLoader(range(10), 4).iterator().next();
        assertArrayEquals(new long[] {4, 1}, first.inputs().shape());
        assertEquals(4, first.size());
    }

    @Test
    void dropLastDropsTheShortBatch() {
        DataLoader loader = new DataLoader(range(10), 4).dropLast(true);
        assertEquals(2, loader.size());
        assertEquals(2, pass(loader).size());
    }

    @Test
    void shuffledOrdersEqualPyTorchsForTheSameSeeds() {
        JsonNode fx = Fixtures.core().get("loader");
        Torch.manualSeed(fx.get("global_seed").asLong());
        DataLoader loader = new DataLoader(range(10), 4, true);
        assertEquals(expected(fx.get("global").get(0)), pass(loader));
        assertEquals(expected(fx.get("global").get(1)), pass(loader));

        DataLoader seeded = new DataLoader(range(10), 4, true).dropLast(true).seed(fx.get("generator_seed").asLong());
        assertEquals(expected(fx.get("generator").get(0)), pass(seeded));
        assertEquals(expected(fx.get("generator").get(1)), pass(seeded));
    }

    @Test
    void eachPassIsAPermutationOfTheDataset() {
        List<Long> all = new ArrayList<>();
        pass(new DataLoader(range(50), 7, true).seed(3)).forEach(all::addAll);
        all.sort(null);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, all.get(i));
        }
    }

    @Test
    void batchTensorsAreReleasedWhenTheNextBatchIsDrawn() {
        Iterator<Batch> it = new DataLoader(range(10), 4).iterator();
        Batch first = it.next();
        Tensor derived = first.inputs().mul(2.0);
        Tensor kept = first.inputs().mul(3.0).retain();
        it.next();
        assertTrue(first.inputs().isReleased());
        assertTrue(derived.isReleased());
        assertFalse(kept.isReleased());
        assertEquals(3.0, kept.get(1).item());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> derived.add(1.0));
        assertTrue(e.getMessage().contains("DataLoader batch") && e.getMessage().contains("retain()"), e.getMessage());
        assertTrue(derived.toString().contains("released"));
    }

    @Test
    void theLastBatchIsReleasedWhenTheLoopEnds() {
        List<Tensor> seen = new ArrayList<>();
        for (Batch b : new DataLoader(range(10), 4)) {
            seen.add(b.inputs());
        }
        assertTrue(seen.stream().allMatch(Tensor::isReleased));
    }

    @Test
    void leavingALoopEarlyHandsTheBatchToTheGarbageCollectorInsteadOfReleasingIt() {
        DataLoader loader = new DataLoader(range(10), 4);
        Tensor afterBreak = null;
        for (Batch b : loader) {
            afterBreak = b.inputs();
            break;
        }
        Tensor createdAfterBreak = Torch.ones(2);
        assertEquals(3, pass(loader).size());
        assertFalse(afterBreak.isReleased());
        assertFalse(createdAfterBreak.isReleased());
        assertEquals(2.0, createdAfterBreak.sum().item());
    }

    @Test
    void exhaustedIteratorThrowsNoSuchElement() {
        Iterator<Batch> it = new DataLoader(range(2), 4).iterator();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(range(3), 0));
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Torch.zeros(3, 2), Torch.zeros(4)));
        assertThrows(IndexOutOfBoundsException.class, () -> range(3).get(3));
    }

    @Test
    void datasetsWithoutBatchSupportAreStacked() {
        Dataset squares = new Dataset() {
            @Override
            public long size() {
                return 5;
            }

            @Override
            public Example get(long index) {
                return new Example(Torch.tensor(new float[] {index, index * index}), Torch.tensor(new long[] {index}).reshape());
            }
        };
        Batch b = new DataLoader(squares, 5).iterator().next();
        assertArrayEquals(new long[] {5, 2}, b.inputs().shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, b.labels().toLongArray());
        assertEquals(16.0, b.inputs().get(4).get(1).item());
    }
}
