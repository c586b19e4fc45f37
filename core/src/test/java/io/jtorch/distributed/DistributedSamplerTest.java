package io.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.DType;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** DistributedSampler gives each rank the shard PyTorch's gives it (fixtures from real PyTorch). */
class DistributedSamplerTest {
    private static TensorDataset range(int n) {
        return new TensorDataset(Torch.arange(n).to(DType.FLOAT32).unsqueeze(1), Torch.arange(n));
    }

    private static JsonNode fixtures() throws IOException {
        try (InputStream in = DistributedSamplerTest.class.getResourceAsStream("/fixtures/distributed.json")) {
            return new ObjectMapper().readTree(in).get("distributed_sampler");
        }
    }

    private static long[] longs(JsonNode node) {
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asLong();
        }
        return out;
    }

    @Test
    void everyRankGetsTheIndicesPyTorchGivesIt() throws IOException {
        for (JsonNode c : fixtures()) {
            int replicas = c.get("num_replicas").asInt();
            for (int rank = 0; rank < replicas; rank++) {
                DistributedSampler s = new DistributedSampler(range(c.get("size").asInt()), replicas, rank)
                        .shuffle(c.get("shuffle").asBoolean()).seed(c.get("seed").asLong()).dropLast(c.get("drop_last").asBoolean());
                s.setEpoch(c.get("epoch").asLong());
                JsonNode expected = c.get("ranks").get(rank);
                String where = c + " rank " + rank;
                assertArrayEquals(longs(expected.get("indices")), s.indices(), where);
                assertEquals(expected.get("len").asLong(), s.size(), where);
            }
        }
    }

    @Test
    void shardsOfOneEpochCoverTheDatasetWithEqualSizes() {
        TreeSet<Long> seen = new TreeSet<>();
        for (int rank = 0; rank < 3; rank++) {
            DistributedSampler s = new DistributedSampler(range(10), 3, rank).seed(5);
            long[] mine = s.indices();
            assertEquals(4, mine.length);
            for (long i : mine) {
                seen.add(i);
            }
        }
        assertEquals(10, seen.size());
        assertEquals(0L, seen.first());
        assertEquals(9L, seen.last());
    }

    @Test
    void setEpochChangesTheOrderAndTheSameEpochRepeatsIt() {
        DistributedSampler s = new DistributedSampler(range(50), 2, 1).seed(3);
        long[] epoch0 = s.indices();
        s.setEpoch(1);
        long[] epoch1 = s.indices();
        s.setEpoch(0);
        assertArrayEquals(epoch0, s.indices());
        assertTrue(!java.util.Arrays.equals(epoch0, epoch1), "epoch 1 draws a new permutation");
    }

    @Test
    void aLoaderWithTheSamplerBatchesOnlyThisRanksShard() {
        TensorDataset data = range(12);
        DistributedSampler s = new DistributedSampler(data, 2, 1).shuffle(false);
        DataLoader loader = new DataLoader(data, 4).sampler(s);
        assertEquals(2, loader.size());
        List<Long> labels = new ArrayList<>();
        for (Batch b : loader) {
            for (long v : b.labels().toLongArray()) {
                labels.add(v);
            }
        }
        assertEquals(List.of(1L, 3L, 5L, 7L, 9L, 11L), labels);
    }

    @Test
    void aShufflingLoaderRefusesASampler() {
        TensorDataset data = range(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataLoader(data, 2, true).sampler(new DistributedSampler(data, 2, 0)));
        assertTrue(e.getMessage().contains("mutually exclusive with shuffle"), e.getMessage());
    }

    @Test
    void aRankOutsideTheWorldIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DistributedSampler(range(4), 2, 2));
        assertEquals("Invalid rank 2, rank should be in the interval [0, 1]", e.getMessage());
    }
}
