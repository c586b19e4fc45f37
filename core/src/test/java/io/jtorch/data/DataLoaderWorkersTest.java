package io.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Batches assembled on worker threads arrive in the same order, with the same memory rules. */
class DataLoaderWorkersTest {
    /** A dataset that records which threads built its batches and makes temporaries while doing so. */
    private static final class Recording implements Dataset {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        /** Each batch's temporary, by the batch's first index. */
        final java.util.Map<Long, Tensor> temporaries = new ConcurrentHashMap<>();
        final int n;
        final long failAt;

        Recording(int n, long failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        public long size() {
            return n;
        }

        @Override
        public Example get(long index) {
            throw new UnsupportedOperationException("batches only");
        }

        @Override
        public Batch getBatch(long[] indices) {
            threads.add(Thread.currentThread().getName());
            for (long i : indices) {
                if (i == failAt) {
                    throw new IllegalArgumentException("sample " + i + " is corrupt");
                }
            }
            Tensor labels = Torch.tensor(indices);
            Tensor scratch = labels.to(DType.FLOAT32);
            temporaries.put(indices[0], scratch);
            return new Batch(scratch.mul(10.0).unsqueeze(1), labels);
        }
    }

    private static List<Long> labels(DataLoader loader) {
        List<Long> out = new ArrayList<>();
        for (Batch b : loader) {
            for (long v : b.labels().toLongArray()) {
                out.add(v);
            }
            assertEquals(b.labels().get(0).item() * 10.0, b.inputs().get(0).get(0).item());
        }
        return out;
    }

    @Test
    void workersKeepTheOrderOfTheSingleThreadedLoader() {
        for (boolean shuffle : new boolean[] {false, true}) {
            for (boolean dropLast : new boolean[] {false, true}) {
                DataLoader plain = new DataLoader(new Recording(103, -1), 8, shuffle).dropLast(dropLast).seed(5);
                Recording data = new Recording(103, -1);
                DataLoader workers = new DataLoader(data, 8, shuffle).dropLast(dropLast).seed(5).numWorkers(2).prefetchFactor(3);
                for (int pass = 0; pass < 2; pass++) {
                    assertEquals(labels(plain), labels(workers), "shuffle=" + shuffle + " dropLast=" + dropLast + " pass " + pass);
                }
                assertTrue(data.threads.stream().allMatch(t -> t.startsWith("jtorch-loader-worker-")), data.threads.toString());
            }
        }
    }

    @Test
    void batchesAreReleasedWhenTheNextIsDrawnAndWorkerTemporariesAtOnce() {
        Recording data = new Recording(40, -1);
        Iterator<Batch> it = new DataLoader(data, 4).numWorkers(1).iterator();
        Batch first = it.next();
        Tensor derived = first.inputs().add(1.0);
        Tensor kept = first.labels().mul(2).retain();
        it.next();
        assertTrue(first.inputs().isReleased());
        assertTrue(first.labels().isReleased());
        assertTrue(derived.isReleased());
        assertFalse(kept.isReleased());
        assertEquals(6.0, kept.get(3).item());
        // the two batches drawn are done; the worker may be building later ones while this runs
        assertTrue(data.temporaries.get(0L).isReleased(), "a worker's temporaries outlive its batch");
        assertTrue(data.temporaries.get(4L).isReleased(), "a worker's temporaries outlive its batch");
        while (it.hasNext()) {
            it.next();
        }
    }

    @Test
    void aWorkerFailureIsThrownFromTheLoopWithItsOwnMessage() {
        DataLoader loader = new DataLoader(new Recording(20, 13), 4).numWorkers(2);
        List<Long> seen = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            for (Batch b : loader) {
                seen.add((long) b.labels().get(0).item());
            }
        });
        assertEquals("sample 13 is corrupt", e.getMessage());
        assertEquals(List.of(0L, 4L, 8L), seen);
        // The loader is usable again afterwards: a new pass starts from the beginning.
        DataLoader healthy = new DataLoader(new Recording(20, -1), 4).numWorkers(2);
        assertEquals(20, labels(healthy).size());
    }

    @Test
    void aLoopOverAnotherLoaderInsideTheLoopLeavesTheOuterPassWhole() {
        for (int innerWorkers : new int[] {0, 2}) {
            DataLoader train = new DataLoader(new Recording(40, -1), 4).numWorkers(2);
            DataLoader val = new DataLoader(new Recording(12, -1), 4).numWorkers(innerWorkers);
            List<Long> outer = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            int step = 0;
            for (Batch b : train) {
                depths.add(scopeDepth());
                Tensor labels = b.labels();
                if (step++ % 3 == 0) {
                    // validation every third step; the second one is left early
                    List<Long> inner = new ArrayList<>();
                    for (Batch v : val) {
                        for (long i : v.labels().toLongArray()) {
                            inner.add(i);
                        }
                        if (step == 4) {
                            break;
                        }
                    }
                    assertEquals(step == 4 ? 4 : 12, inner.size(), "inner workers " + innerWorkers);
                }
                for (long i : labels.toLongArray()) {
                    outer.add(i);
                }
            }
            List<Long> all = new ArrayList<>();
            for (long i = 0; i < 40; i++) {
                all.add(i);
            }
            assertEquals(all, outer, "inner workers " + innerWorkers);
            // the validation left early kept its batch scope open only until the next validation began
            assertEquals(depths.get(0), depths.get(9), "scopes open on the thread, step 1 and step 10: " + depths);
            assertEquals(40, labels(train).size(), "and the next pass is whole too");
            assertNull(org.bytedeco.javacpp.PointerScope.getInnerScope(), "a batch scope was left open on the thread");
        }
    }

    private static int scopeDepth() {
        int n = 0;
        for (java.util.Iterator<org.bytedeco.javacpp.PointerScope> it = org.bytedeco.javacpp.PointerScope.getScopeIterator(); it != null && it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    @Test
    void aLoopLeftWithBreakLeavesNoScopeOpenOnceAnotherLoopHasRun() {
        for (int i = 0; i < 50; i++) {
            DataLoader once = new DataLoader(new Recording(12, -1), 4).numWorkers(i % 2);
            for (Batch b : once) {
                assertEquals(4, b.labels().numel());
                break;
            }
        }
        DataLoader other = new DataLoader(new Recording(8, -1), 4);
        assertEquals(8, labels(other).size());
        assertNull(org.bytedeco.javacpp.PointerScope.getInnerScope(), "a batch scope of a loop left with break is still open");
    }

    @Test
    void twoLoadersSteppedTogetherBothRunTheirWholePass() {
        DataLoader a = new DataLoader(new Recording(20, -1), 4).numWorkers(2);
        DataLoader b = new DataLoader(new Recording(20, -1), 4, true).numWorkers(1).seed(3);
        Iterator<Batch> ia = a.iterator();
        Iterator<Batch> ib = b.iterator();
        List<Long> fromA = new ArrayList<>();
        java.util.Set<Long> fromB = new java.util.TreeSet<>();
        while (ia.hasNext() && ib.hasNext()) {
            Batch x = ia.next();
            Batch y = ib.next();
            assertEquals(x.labels().get(0).item() * 10.0, x.inputs().get(0).get(0).item());
            for (long i : x.labels().toLongArray()) {
                fromA.add(i);
            }
            for (long i : y.labels().toLongArray()) {
                fromB.add(i);
            }
        }
        assertFalse(ia.hasNext() || ib.hasNext());
        assertEquals(20, fromA.size());
        assertEquals(20, fromB.size());
        assertEquals(0L, fromA.get(0));
        assertEquals(19L, fromA.get(19));
    }

    @Test
    void theSameLoaderRunsAgainAfterAWorkerFailed() {
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Dataset once = new Dataset() {
            @Override
            public long size() {
                return 20;
            }

            @Override
            public Example get(long index) {
                threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
                if (index == 13 && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("sample 13 could not be read this time");
                }
                return new Example(Torch.tensor(new long[] {index}, 1), Torch.tensor(new long[] {index}, new long[0]));
            }
        };
        DataLoader loader = new DataLoader(once, 4).numWorkers(2);
        java.util.function.Supplier<List<Long>> pass = () -> {
            List<Long> out = new ArrayList<>();
            for (Batch b : loader) {
                for (long v : b.labels().toLongArray()) {
                    out.add(v);
                }
            }
            return out;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, pass::get);
        assertEquals("sample 13 could not be read this time", e.getMessage());
        Set<String> before = Set.copyOf(threads);
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < 20; i++) {
            all.add(i);
        }
        assertEquals(all, pass.get());
        assertEquals(all, pass.get());
        // the failure stopped the threads; the next pass started two new ones and the third reused them
        assertEquals(4, threads.size(), threads.toString());
        assertTrue(threads.containsAll(before));
    }

    @Test
    void leavingEarlyStopsTheWorkersAndANewPassStartsClean() throws Exception {
        Recording data = new Recording(400, -1);
        DataLoader loader = new DataLoader(data, 4).numWorkers(2);
        Tensor kept = null;
        for (Batch b : loader) {
            kept = b.labels();
            break;
        }
        assertFalse(kept.isReleased());
        assertEquals(400, labels(loader).size());
        // Abandoned workers finish what they had started; idle, their threads leave by themselves.
        long deadline = System.nanoTime() + (DataLoader.IDLE_SECONDS + 15) * 1_000_000_000L;
        while (workerThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, workerThreads());
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("jtorch-loader-worker-") && t.isAlive()).count();
    }

    @Test
    void badWorkerSettingsAreRejected() {
        DataLoader loader = new DataLoader(new Recording(4, -1), 2);
        assertThrows(IllegalArgumentException.class, () -> loader.numWorkers(-1));
        assertThrows(IllegalArgumentException.class, () -> loader.prefetchFactor(0));
        assertSame(loader, loader.numWorkers(3));
        assertEquals(3, loader.numWorkers());
        assertNotEquals(0, loader.numWorkers());
    }
    /** A fresh thread's intra-op thread count, as libtorch gives it the first time it runs an op. */
    private static int freshThreadsCount() throws InterruptedException {
        int[] out = new int[1];
        Thread t = new Thread(() -> out[0] = Torch.getNumThreads());
        t.start();
        t.join();
        return out[0];
    }

    @Test
    void workersRunTheirOpsOnOneIntraOpThreadAndLeaveOthersTheirs() throws InterruptedException {
        int before = Torch.getNumThreads();
        Torch.setNumThreads(2);
        try {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            Dataset counting = new Dataset() {
                @Override
                public long size() {
                    return 8;
                }

                @Override
                public Example get(long index) {
                    throw new UnsupportedOperationException("batches only");
                }

                @Override
                public Batch getBatch(long[] indices) {
                    seen.add(Torch.getNumThreads());
                    Tensor labels = Torch.tensor(indices);
                    return new Batch(labels.to(DType.FLOAT32), labels);
                }
            };
            assertEquals(4, new DataLoader(counting, 2).numWorkers(2).size());
            for (Batch b : new DataLoader(counting, 2).numWorkers(2)) {
                assertEquals(2, b.inputs().size(0));
            }
            assertEquals(Set.of(1), seen, "PyTorch's workers run torch.set_num_threads(1)");
            assertEquals(2, Torch.getNumThreads(), "the loop's thread keeps its count");
            assertEquals(2, freshThreadsCount(), "threads started later take the count set with setNumThreads");
        } finally {
            Torch.setNumThreads(before);
        }
    }
}
