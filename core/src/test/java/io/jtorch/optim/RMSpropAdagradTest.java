package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RMSprop and Adagrad follow PyTorch's trajectories, state layout and argument checks. */
class RMSpropAdagradTest {
    private static final JsonNode FX = OptimFixtures.root().get("optimizers");

    /** The same optimizers as tools/fixtures/optim_fixtures.py's OPTIMIZERS. */
    static Function<List<Parameter>, Optimizer> config(String name) {
        switch (name) {
            case "rmsprop_default": return ps -> new RMSprop(ps);
            case "rmsprop_momentum": return ps -> new RMSprop(ps, 0.02).momentum(0.9);
            case "rmsprop_centered": return ps -> new RMSprop(ps, 0.01).alpha(0.9).centered(true);
            case "rmsprop_all": return ps -> new RMSprop(ps, 0.03).alpha(0.8).eps(1e-6).weightDecay(0.1).momentum(0.5).centered(true);
            case "rmsprop_groups": return ps -> new RMSprop(List.of(new ParamGroup(List.of(ps.get(0))),
                    new ParamGroup(List.of(ps.get(1))).lr(0.1).momentum(0.3)), 0.01);
            case "adagrad_default": return ps -> new Adagrad(ps);
            case "adagrad_all": return ps -> new Adagrad(ps, 0.1).lrDecay(0.1).weightDecay(0.05).initialAccumulatorValue(0.1).eps(1e-8);
            case "adagrad_groups": return ps -> new Adagrad(List.of(new ParamGroup(List.of(ps.get(0))),
                    new ParamGroup(List.of(ps.get(1))).lr(0.5).set("lr_decay", 0.2)), 0.05);
            default: throw new IllegalArgumentException(name);
        }
    }

    private static void runSteps(String name, Optimizer optimizer, List<Parameter> ps, int from, int to) {
        JsonNode run = FX.get(name);
        for (int step = from; step < to; step++) {
            OptimFixtures.setGrads(ps, run.get("grads").get(step));
            optimizer.step();
            for (int i = 0; i < ps.size(); i++) {
                OptimFixtures.assertRelClose(Fixtures.tensor(run.get("params").get(step).get(i)), ps.get(i), 1e-6,
                        name + " param " + i + " after step " + (step + 1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rmsprop_default", "rmsprop_momentum", "rmsprop_centered", "rmsprop_all", "rmsprop_groups",
        "adagrad_default", "adagrad_all", "adagrad_groups"})
    void parametersAfterEachStepMatchPyTorch(String name) {
        List<Parameter> ps = OptimFixtures.params(FX.get(name).get("initial"));
        runSteps(name, config(name).apply(ps), ps, 0, FX.get(name).get("params").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rmsprop_default", "rmsprop_all", "adagrad_default", "adagrad_all"})
    void stateDictHasPyTorchsKeys(String name) {
        JsonNode run = FX.get(name);
        List<Parameter> ps = OptimFixtures.params(run.get("initial"));
        Optimizer optimizer = config(name).apply(ps);
        runSteps(name, optimizer, ps, 0, 2);
        Map<String, Object> sd = optimizer.stateDict();
        Map<?, ?> state = (Map<?, ?>) sd.get("state");
        for (int i = 0; i < ps.size(); i++) {
            List<String> expected = new ArrayList<>();
            run.get("state_keys").get(String.valueOf(i)).forEach(k -> expected.add(k.asText()));
            assertEquals(expected, new ArrayList<>(new TreeSet<>(((Map<String, ?>) state.get((long) i)).keySet())), name + " state " + i);
        }
        List<String> groupKeys = new ArrayList<>();
        run.get("group_keys").forEach(k -> groupKeys.add(k.asText()));
        Map<?, ?> group = (Map<?, ?>) ((List<?>) sd.get("param_groups")).get(0);
        TreeSet<String> actual = new TreeSet<>();
        group.keySet().forEach(k -> actual.add((String) k));
        actual.remove("params");
        assertEquals(groupKeys, new ArrayList<>(actual), name + " group keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rmsprop_all", "rmsprop_groups", "adagrad_all", "adagrad_groups"})
    void stateSavedMidRunAndLoadedIntoAFreshOptimizerContinuesTheSameTrajectory(String name) throws Exception {
        JsonNode run = FX.get(name);
        List<Parameter> ps = OptimFixtures.params(run.get("initial"));
        Optimizer first = config(name).apply(ps);
        runSteps(name, first, ps, 0, 3);
        Path file = Files.createTempFile("optim", ".pt");
        try {
            Torch.save(first.stateDict(), file);
            List<Parameter> copies = new ArrayList<>();
            for (Parameter p : ps) {
                copies.add(new Parameter(p.detach().clone()));
            }
            Optimizer resumed = config(name).apply(copies);
            @SuppressWarnings("unchecked")
            Map<String, ?> loaded = (Map<String, ?>) Torch.load(file);
            resumed.loadStateDict(loaded);
            runSteps(name, resumed, copies, 3, run.get("params").size());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void adagradStartsEveryParameterWithTheInitialAccumulatorValueAsPyTorchDoes() {
        List<Parameter> ps = OptimFixtures.fixedParams();
        Adagrad optimizer = new Adagrad(ps).initialAccumulatorValue(0.25);
        assertEquals(0.0, ((Number) optimizer.state(ps.get(1)).get("step")).doubleValue());
        Tensor sum = (Tensor) optimizer.state(ps.get(1)).get("sum");
        assertEquals(0.25, sum.min().item(), 0.0);
        assertEquals(0.25, sum.max().item(), 0.0);
    }

    @Test
    void adagradStepsAGroupAddedLater() {
        List<Parameter> ps = OptimFixtures.fixedParams();
        Adagrad optimizer = new Adagrad(List.of(ps.get(0)), 0.1);
        optimizer.addParamGroup(new ParamGroup(List.of(ps.get(1))).lr(0.5));
        Tensor before = ps.get(1).detach().clone();
        ps.get(1).sum().backward();
        optimizer.step();
        // First Adagrad step with a gradient of ones: p - lr·1/(sqrt(1) + eps).
        OptimFixtures.assertRelClose(before.sub(0.5 / (1 + 1e-10)), ps.get(1), 1e-6, "added group");
    }

    @Test
    void invalidRMSpropOptionsAreRejectedWithPyTorchsMessages() {
        List<Parameter> ps = OptimFixtures.fixedParams();
        assertEquals("Invalid learning rate: -0.01", assertThrows(IllegalArgumentException.class, () -> new RMSprop(ps, -0.01)).getMessage());
        assertEquals("Invalid alpha value: -0.5", assertThrows(IllegalArgumentException.class, () -> new RMSprop(ps).alpha(-0.5)).getMessage());
        assertEquals("Invalid epsilon value: -1.0", assertThrows(IllegalArgumentException.class, () -> new RMSprop(ps).eps(-1)).getMessage());
        assertEquals("Invalid momentum value: -0.9", assertThrows(IllegalArgumentException.class, () -> new RMSprop(ps).momentum(-0.9)).getMessage());
        assertEquals("Invalid weight_decay value: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new RMSprop(ps).weightDecay(-0.1)).getMessage());
        assertEquals("optimizer got an empty parameter list",
                assertThrows(IllegalArgumentException.class, () -> new RMSprop(List.<Parameter>of())).getMessage());
    }

    @Test
    void invalidAdagradOptionsAreRejectedWithPyTorchsMessages() {
        List<Parameter> ps = OptimFixtures.fixedParams();
        assertEquals("Invalid learning rate: -1.0", assertThrows(IllegalArgumentException.class, () -> new Adagrad(ps, -1)).getMessage());
        assertEquals("Invalid lr_decay value: -0.1", assertThrows(IllegalArgumentException.class, () -> new Adagrad(ps).lrDecay(-0.1)).getMessage());
        assertEquals("Invalid initial_accumulator_value value: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Adagrad(ps).initialAccumulatorValue(-1)).getMessage());
        assertEquals("Invalid epsilon value: NaN", assertThrows(IllegalArgumentException.class, () -> new Adagrad(ps).eps(Double.NaN)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Adagrad(List.of(new ParamGroup(ps), new ParamGroup(List.of(ps.get(0)))), 0.1)).getMessage().contains("more than once"));
    }
}
