package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import org.junit.jupiter.api.Test;

/** Functional's attention, normalisation and embedding functions (tools/fixtures/seq_fixtures.py). */
class AttentionFunctionalTest {
    private static final JsonNode FX = SeqFixtures.get("attention");

    @Test
    void scaledDotProductAttentionIsSoftmaxOfScaledScoresTimesValues() {
        Tensor q = SeqFixtures.tensor(FX, "query");
        Tensor k = SeqFixtures.tensor(FX, "key");
        Tensor v = SeqFixtures.tensor(FX, "value");
        assertClose(SeqFixtures.tensor(FX, "output"), Functional.scaledDotProductAttention(q, k, v), 1e-5, 1e-6, "plain");
        assertClose(SeqFixtures.tensor(FX, "masked_output"),
                Functional.scaledDotProductAttention(q, k, v, SeqFixtures.tensor(FX, "mask"), 0, false), 1e-5, 1e-6, "float mask");
        assertClose(SeqFixtures.tensor(FX, "causal_output"), Functional.scaledDotProductAttention(q, k, v, null, 0, true), 1e-5, 1e-6,
                "causal");
    }

    @Test
    void functionsRefuseShapesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class,
                () -> Functional.scaledDotProductAttention(Torch.randn(2, 3, 4), Torch.randn(2, 5, 3), Torch.randn(2, 5, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> Functional.scaledDotProductAttention(Torch.randn(2, 3, 4), Torch.randn(2, 5, 4), Torch.randn(2, 4, 6)));
        assertThrows(IllegalArgumentException.class, () -> Functional.scaledDotProductAttention(Torch.randn(4), Torch.randn(4),
                Torch.randn(4)));
        assertThrows(IllegalArgumentException.class, () -> Functional.layerNorm(Torch.randn(2, 3), 4));
        assertThrows(IllegalArgumentException.class, () -> Functional.groupNorm(Torch.randn(2, 6, 3), 0));
        assertThrows(IllegalArgumentException.class, () -> Functional.embedding(Torch.tensor(3L), Torch.randn(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> Functional.embedding(Torch.tensor(0L), Torch.randn(3)));
        assertThrows(IllegalArgumentException.class, () -> Functional.embedding(Torch.tensor(0L), Torch.randn(3, 2), 3L));
    }
}
