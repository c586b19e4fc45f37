package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedding against PyTorch's (tools/fixtures/seq_fixtures.py). */
class EmbeddingTest {
    private static final JsonNode FX = SeqFixtures.get("embedding");

    @Test
    void seededInitialisationEqualsPyTorchsWithAZeroPaddingRow() {
        Torch.manualSeed(0);
        Embedding m = new Embedding(10, 3);
        assertEquals(List.of("weight"), List.copyOf(m.stateDict().keySet()));
        assertStateClose(Fixtures.stateDict(FX.get("init")), m.stateDict(), 0, 0);
        Torch.manualSeed(1);
        assertStateClose(Fixtures.stateDict(FX.get("init_padding")), new Embedding(10, 3, 1L).stateDict(), 0, 0);
    }

    @Test
    void printsAsPyTorch() {
        assertEquals(FX.get("repr").asText(), new Embedding(10, 3).toString());
        assertEquals(FX.get("repr_padding").asText(), new Embedding(10, 3, 1L).toString());
        assertEquals(FX.get("repr_negative_padding").asText(), new Embedding(10, 3, -2L).toString());
    }

    @Test
    void lookupAndGradientMatchPyTorchAndThePaddingRowGetsNoGradient() {
        Embedding m = new Embedding(10, 3, 1L);
        m.loadStateDict(Fixtures.stateDict(FX.get("init_padding")), true);
        Tensor y = m.forward(SeqFixtures.tensor(FX, "indices"));
        assertClose(SeqFixtures.tensor(FX, "output"), y, 0, 0, "lookup");
        y.mul(SeqFixtures.tensor(FX, "coef")).sum().backward();
        assertClose(SeqFixtures.tensor(FX, "weight_grad"), m.weight().grad(), 1e-6, 1e-6, "weight grad");
        assertEquals(0.0, m.weight().grad().select(0, 1).abs().sum().item());
    }

    @Test
    void fromPretrainedHoldsTheGivenRowsFrozenByDefault() {
        Tensor rows = Torch.tensor(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Embedding frozen = Embedding.fromPretrained(rows);
        assertFalse(frozen.weight().requiresGrad());
        assertTrue(Embedding.fromPretrained(rows, false).weight().requiresGrad());
        assertClose(Torch.tensor(new float[] {5, 6, 1, 2}, 2, 2), frozen.forward(Torch.tensor(2L, 0L)), 0, 0, "rows");
        assertEquals(3, frozen.numEmbeddings());
        assertEquals(2, frozen.embeddingDim());
    }

    @Test
    void scriptedEmbeddingLooksUpTheSameRows() {
        Embedding m = new Embedding(10, 3, 1L);
        Tensor idx = SeqFixtures.tensor(FX, "indices");
        assertClose(m.forward(idx), Jit.script(m).forward(idx), 0, 0, "scripted");
    }

    @Test
    void badIndicesAndSizesAreReadableErrors() {
        Embedding m = new Embedding(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.tensor(1L, 4L)));
        assertTrue(e.getMessage().contains("index 4 is out of range for 4 embeddings"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.tensor(-1L)));
        e = assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.tensor(1.0f)));
        assertTrue(e.getMessage().contains("int64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Embedding(4, 2, 4L));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Embedding.fromPretrained(Torch.ones(3)));
    }
}
