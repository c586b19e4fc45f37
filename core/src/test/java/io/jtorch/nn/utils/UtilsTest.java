package io.jtorch.nn.utils;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.nn.NnFixtures;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** torch.nn.utils: gradient clipping and parameter vectors against PyTorch. */
class UtilsTest {
    /** The fixture's model with its gradients of sum(model(x)²). */
    private static Sequential modelWithGrads() {
        Sequential model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
        model.loadStateDict(Fixtures.stateDict(NnFixtures.node("utils", "state")), true);
        model.forward(NnFixtures.tensor("utils", "x")).pow(2).sum().backward();
        return model;
    }

    private static void assertClipped(String fixture, Function<Sequential, Tensor> clip) {
        Sequential model = modelWithGrads();
        Tensor total = clip.apply(model);
        JsonNode expected = NnFixtures.node("utils", fixture);
        if (total != null) {
            assertEquals(0, total.dim(), "the total norm is a 0-dim tensor");
            assertEquals(expected.get("total").asDouble(), total.item(), 1e-5 * Math.abs(expected.get("total").asDouble()), fixture);
        }
        for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
            assertClose(Fixtures.tensor(expected.get("grads").get(p.getKey())), p.getValue().grad(), 1e-5, 1e-7, fixture + " " + p.getKey());
        }
    }

    @Test
    void clipGradNormScalesLikePyTorch() {
        assertClipped("norm2", m -> ClipGrad.clipGradNorm_(m.parameters(), 0.5));
        assertClipped("norm2_big", m -> ClipGrad.clipGradNorm_(m.parameters(), 100.0));
    }

    @Test
    void clipGradNormTakesOtherNormTypes() {
        assertClipped("norm1", m -> ClipGrad.clipGradNorm_(m.parameters(), 0.5, 1));
        assertClipped("norm3", m -> ClipGrad.clipGradNorm_(m.parameters(), 0.5, 3));
        assertClipped("norminf", m -> ClipGrad.clipGradNorm_(m.parameters(), 0.1, Double.POSITIVE_INFINITY));
    }

    @Test
    void clipGradValueClampsLikePyTorch() {
        assertClipped("value", m -> {
            ClipGrad.clipGradValue_(m.parameters(), 0.05);
            return null;
        });
    }

    @Test
    void clipGradNormWithoutGradientsIsZeroAndNonfiniteCanThrow() {
        Linear fresh = new Linear(2, 2);
        assertEquals(0.0, ClipGrad.clipGradNorm_(fresh.parameters(), 1.0).item());
        Sequential model = modelWithGrads();
        try (var g = Torch.noGrad()) {
            model.parameters().get(0).grad().fill_(Double.NaN);
        }
        assertThrows(IllegalStateException.class, () -> ClipGrad.clipGradNorm_(model.parameters(), 1.0, 2.0, true));
        assertThrows(IllegalArgumentException.class, () -> ClipGrad.clipGradNorm_(model.parameters(), 1.0, 0));
    }

    @Test
    void parametersToVectorConcatenatesInOrder() {
        Sequential model = modelWithGrads();
        assertClose(NnFixtures.tensor("utils", "vector"), Convert.parametersToVector(model.parameters()), 0, 0, "vector");
    }

    @Test
    void vectorToParametersRoundTrips() {
        Sequential model = modelWithGrads();
        Tensor vec = Convert.parametersToVector(model.parameters()).detach().mul(2.0);
        Convert.vectorToParameters(vec, model.parameters());
        assertClose(vec, Convert.parametersToVector(model.parameters()), 0, 0, "round trip");
        assertTrue(model.parameters().get(0).requiresGrad());
    }

    @Test
    void vectorToParametersRejectsWrongSizes() {
        Sequential model = modelWithGrads();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Convert.vectorToParameters(Torch.zeros(5), model.parameters()));
        assertTrue(e.getMessage().contains("5 elements but the parameters have 23"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Convert.vectorToParameters(Torch.zeros(23, 1), model.parameters()));
    }
}
