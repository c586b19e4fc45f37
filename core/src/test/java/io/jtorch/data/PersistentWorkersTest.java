package io.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Torch;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code persistent_workers}: the orders and the numbers drawn in workers over three passes, with
 * and without it, against PyTorch's (fixtures/loader_workers.json, written by
 * tools/fixtures/loader_workers_fixtures.py), and the threads kept between passes.
 */
class PersistentWorkersTest {
    /** Ten samples, each a number drawn from its worker's generator, as the fixture's dataset draws them. */
    private static final class Draws implements Dataset {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public long size() {
            return 10;
        }

        @Override
        public Example get(long index) {
            threads.add(Thread.currentThread());
            long draw = WorkerInfo.currentGenerator().randomLong();
            return new Example(Torch.tensor(new long[] {draw}, 1), Torch.tensor(new long[] {index}, new long[0]));
        }
    }

    private static JsonNode fixture() throws IOException, URISyntaxException {
        return new ObjectMapper().readTree(Path.of(PersistentWorkersTest.class.getResource("/fixtures/loader_workers.json").toURI()).toFile());
    }

    private static List<List<long[]>> passes(DataLoader loader, int count) {
        List<List<long[]>> out = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<long[]> batches = new ArrayList<>();
            for (Batch b : loader) {
                batches.add(b.labels().toLongArray());
                batches.add(b.inputs().reshape(-1).toLongArray());
            }
            out.add(batches);
        }
        return out;
    }

    private static void assertPasses(JsonNode want, List<List<long[]>> got, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int p = 0; p < want.size(); p++) {
            JsonNode batches = want.get(p);
            assertEquals(2 * batches.size(), got.get(p).size(), what + ", pass " + p);
            for (int b = 0; b < batches.size(); b++) {
                for (String field : new String[] {"indices", "draws"}) {
                    JsonNode values = batches.get(b).get(field);
                    long[] have = got.get(p).get(2 * b + (field.equals("indices") ? 0 : 1));
                    assertEquals(values.size(), have.length, what);
                    for (int i = 0; i < have.length; i++) {
                        assertEquals(values.get(i).asLong(), have[i], what + ", pass " + p + ", batch " + b + ", " + field + " " + i);
                    }
                }
            }
        }
    }

    private static DataLoader loader(Dataset data, boolean persistent) {
        return new DataLoader(data, 4, true).numWorkers(2).seed(5).persistentWorkers(persistent);
    }

    @Test
    void threePassesDrawWhatPyTorchsDraw() throws Exception {
        JsonNode want = fixture();
        assertPasses(want.get("persistent"), passes(loader(new Draws(), true), 3), "persistent_workers=True");
        assertPasses(want.get("fresh"), passes(loader(new Draws(), false), 3), "persistent_workers=False");
        // The two settings part after the first pass, as in PyTorch.
        assertNotEquals(want.get("persistent").get(1).toString(), want.get("fresh").get(1).toString());
    }

    @Test
    void keptWorkersAreTheSameThreadsEveryPass() {
        Draws kept = new Draws();
        DataLoader persistent = loader(kept, true);
        passes(persistent, 1);
        Set<Thread> first = new HashSet<>(kept.threads);
        passes(persistent, 2);
        assertEquals(2, first.size());
        assertEquals(first, kept.threads, "no thread but the first pass's two built a batch");

        Draws fresh = new Draws();
        DataLoader plain = loader(fresh, false);
        passes(plain, 3);
        // new workers each pass (the fixture test checks their generators), on the same two
        // threads while the passes follow each other closely
        assertEquals(2, fresh.threads.size(), "the passes share two threads: " + fresh.threads);
        assertTrue(fresh.threads.stream().noneMatch(first::contains), "each loader has threads of its own");
        for (Thread t : first) {
            assertTrue(t.isAlive(), t.getName());
        }
        persistent.persistentWorkers(false);
        for (Thread t : first) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertFalse(t.isAlive(), t.getName() + " still runs after persistentWorkers(false)");
        }
    }

    @Test
    void aPassLeftEarlyLeavesTheWorkersToTheNext() {
        Draws data = new Draws();
        DataLoader loader = loader(data, true);
        for (Batch b : loader) {
            assertEquals(4, b.labels().numel());
            break;
        }
        Set<Long> seen = new HashSet<>();
        for (Batch b : loader) {
            for (long i : b.labels().toLongArray()) {
                seen.add(i);
            }
        }
        assertEquals(10, seen.size());
        assertEquals(2, data.threads.size());
    }

    @Test
    void persistentWorkersNeedWorkers() {
        DataLoader loader = new DataLoader(new Draws(), 4, true).persistentWorkers(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, loader::iterator);
        assertEquals("persistent_workers option needs num_workers > 0", e.getMessage());
    }
}
