package io.jtorch.optim;

import static io.jtorch.Assertions2.assertBitEqual;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Functional;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Optimizers and schedulers reproduce PyTorch's trajectories and skip what is frozen. */
class OptimizerTest {
    private static final JsonNode FX = Fixtures.core().get("optimizers");

    /** The fixture's Tanh layer is not among the required layers; a tiny module stands in for it. */
    private static final class Tanh extends Module {
        @Override
        public Tensor forward(Tensor input) {
            return input.tanh();
        }
    }

    private static Sequential model() {
        Sequential m = new Sequential(new Linear(6, 5), new Tanh(), new Linear(5, 3));
        m.loadStateDict(Fixtures.stateDict(FX.get("initial")), true);
        return m;
    }

    private static Function<Sequential, Optimizer> config(String name) {
        switch (name) {
            case "sgd_momentum": return m -> new SGD(m.parameters(), 0.1).momentum(0.9).dampening(0.1).weightDecay(1e-3);
            case "sgd_nesterov": return m -> new SGD(m.parameters(), 0.05).momentum(0.8).nesterov(true).weightDecay(1e-2);
            case "adam": return m -> new Adam(m.parameters(), 1e-2).weightDecay(1e-3);
            case "adam_amsgrad": return m -> new Adam(m.parameters(), 2e-2).betas(0.8, 0.99).amsgrad(true);
            case "adamw": return m -> new AdamW(m.parameters(), 1e-2).weightDecay(0.1);
            case "sgd_groups": return m -> new SGD(List.of(new ParamGroup(m.get(0).parameters()),
                    new ParamGroup(m.get(2).parameters()).lr(0.5)), 0.05).momentum(0.5);
            default: throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd_momentum", "sgd_nesterov", "adam", "adam_amsgrad", "adamw", "sgd_groups"})
    void fifteenStepsMatchPyTorch(String name) {
        JsonNode run = FX.get("runs").get(name);
        Sequential m = model();
        Optimizer optimizer = config(name).apply(m);
        Tensor inputs = Fixtures.tensor(FX.get("inputs"));
        Tensor labels = Fixtures.tensor(FX.get("labels"));
        for (int step = 0; step < 15; step++) {
            optimizer.zeroGrad();
            Tensor loss = Functional.crossEntropy(m.forward(inputs), labels, null, -100, 0, Functional.Reduction.MEAN);
            loss.backward();
            optimizer.step();
            assertEquals(run.get("losses").get(step).asDouble(), loss.item(), 1e-5, name + " loss at step " + step);
        }
        assertStateClose(Fixtures.stateDict(run.get("final")), m.stateDict(), 1e-5, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd_momentum", "adam", "adamw"})
    void frozenParametersStayBitIdenticalEvenWithWeightDecayAndMomentum(String name) {
        Sequential m = model();
        Optimizer optimizer = config(name).apply(m);
        Tensor inputs = Fixtures.tensor(FX.get("inputs"));
        Tensor labels = Fixtures.tensor(FX.get("labels"));
        step(m, optimizer, inputs, labels);            // builds momentum state for every parameter
        m.get(0).requiresGrad(false);
        Tensor frozen = m.get(0, Linear.class).weight().clone().retain();
        for (int i = 0; i < 5; i++) {
            step(m, optimizer, inputs, labels);
        }
        assertBitEqual(frozen, m.get(0, Linear.class).weight(), name + ": frozen weight");
    }

    private static void step(Sequential m, Optimizer optimizer, Tensor inputs, Tensor labels) {
        optimizer.zeroGrad();
        Functional.crossEntropy(m.forward(inputs), labels, null, -100, 0, Functional.Reduction.MEAN).backward();
        optimizer.step();
    }

    @Test
    void schedulesMatchPyTorchToTheLastBit() {
        JsonNode fx = Fixtures.core().get("schedules");
        for (String name : new String[] {"step", "cosine"}) {
            Optimizer optimizer = new SGD(List.of(new io.jtorch.nn.Parameter(Torch.zeros(1))), 0.1);
            LRScheduler scheduler = name.equals("step") ? new StepLR(optimizer, 3, 0.5) : new CosineAnnealingLR(optimizer, 7, 1e-3);
            for (int epoch = 0; epoch < 25; epoch++) {
                scheduler.step();
                assertEquals(fx.get(name).get(epoch).asDouble(), scheduler.getLastLr().get(0), 0.0, name + " epoch " + epoch);
            }
        }
    }

    @Test
    void discriminativeLearningRatesPerGroup() {
        Sequential m = model();
        SGD optimizer = new SGD(List.of(new ParamGroup(m.get(2).parameters()), new ParamGroup(m.get(0).parameters()).lr(1e-4)), 1e-3)
                .momentum(0.9);
        assertEquals(1e-3, optimizer.paramGroups().get(0).lr());
        assertEquals(1e-4, optimizer.paramGroups().get(1).lr());
        assertEquals(0.9, optimizer.paramGroups().get(1).get("momentum"));
        optimizer.setLr(0.5);
        assertEquals(0.5, optimizer.paramGroups().get(1).lr());
    }

    @Test
    void invalidHyperparametersAreRejectedWithPyTorchsMessages() {
        Sequential m = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(m.parameters(), -0.1));
        assertEquals("Invalid learning rate: -0.1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(m.parameters(), -1));
        assertEquals("Invalid learning rate: -1.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SGD(m.parameters(), 0.1).momentum(-1));
        assertThrows(IllegalArgumentException.class, () -> new SGD(m.parameters(), 0.1).nesterov(true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(m.parameters(), 0.1).betas(1.0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new ParamGroup(m.parameters()).lr(-3));
        e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.<io.jtorch.nn.Parameter>of(), 0.1));
        assertEquals("optimizer got an empty parameter list", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SGD(List.of(new ParamGroup(m.parameters()), new ParamGroup(m.get(0).parameters())), 0.1));
        assertTrue(e.getMessage().contains("more than once"));
        assertThrows(IllegalArgumentException.class, () -> new SGD(m.parameters(), 0.1).setLr(-1));
    }

    @Test
    void groupsKeepTheirOwnOptionsWhenDefaultsChange() {
        Sequential m = model();
        SGD optimizer = new SGD(List.of(new ParamGroup(m.get(0).parameters()).momentum(0.5), new ParamGroup(m.get(2).parameters())), 0.1);
        optimizer.momentum(0.9);
        assertEquals(0.5, optimizer.paramGroups().get(0).get("momentum"));
        assertEquals(0.9, optimizer.paramGroups().get(1).get("momentum"));
    }
}
