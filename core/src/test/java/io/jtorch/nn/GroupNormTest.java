package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GroupNorm against PyTorch's (tools/fixtures/seq_fixtures.py). */
class GroupNormTest {
    private static final JsonNode FX = SeqFixtures.get("group_norm");

    @Test
    void initialisationKeysAndPrintingArePyTorchs() {
        GroupNorm m = new GroupNorm(3, 6);
        assertEquals(List.of("weight", "bias"), List.copyOf(m.stateDict().keySet()));
        assertStateClose(Fixtures.stateDict(FX.get("init")), m.stateDict(), 0, 0);
        assertEquals(FX.get("repr").asText(), m.toString());
        assertEquals(FX.get("repr_no_affine").asText(), new GroupNorm(2, 4, 1e-3, false).toString());
    }

    @Test
    void forwardAndGradientsMatchPyTorch() {
        GroupNorm m = new GroupNorm(3, 6);
        m.loadStateDict(Fixtures.stateDict(FX.get("state")), true);
        Tensor x = SeqFixtures.tensor(FX, "input").requiresGrad(true);
        Tensor y = m.forward(x);
        assertClose(SeqFixtures.tensor(FX, "output"), y, 1e-5, 1e-5, "output");
        y.mul(SeqFixtures.tensor(FX, "coef")).sum().backward();
        assertClose(SeqFixtures.tensor(FX, "input_grad"), x.grad(), 1e-5, 1e-5, "input grad");
        assertClose(Fixtures.tensor(FX.get("grads").get("weight")), m.parameter("weight").grad(), 1e-5, 1e-5, "weight grad");
        assertClose(Fixtures.tensor(FX.get("grads").get("bias")), m.parameter("bias").grad(), 1e-5, 1e-5, "bias grad");
        assertClose(y, Jit.script(m).forward(x), 0, 0, "scripted");
    }

    @Test
    void badChannelsAndGroupsAreReadableErrors() {
        GroupNorm m = new GroupNorm(3, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(2, 4, 3)));
        assertTrue(e.getMessage().contains("(N, 6, *)") && e.getMessage().contains("[2, 4, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(6)));
        assertThrows(IllegalArgumentException.class, () -> new GroupNorm(4, 6));
        assertThrows(IllegalArgumentException.class, () -> Functional.groupNorm(Torch.randn(2, 6), 4));
    }
}
