package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A schedule saved mid-run (by jtorch or by PyTorch) and loaded into fresh objects continues exactly. */
class SchedulerResumeTest {
    private static final JsonNode FX = SchedulerFixtureTest.FX;

    static List<String> names() {
        return SchedulerFixtureTest.names();
    }

    /** Writes and reads back {@code value} with torch.save's format, as a checkpoint does. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> throughFile(Map<String, Object> value) throws Exception {
        Path file = Files.createTempFile("scheduler", ".pt");
        try {
            Torch.save(value, file);
            return (Map<String, Object>) Torch.load(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("names")
    void stateSavedMidScheduleAndLoadedIntoFreshObjectsGivesTheUninterruptedRates(String name) throws Exception {
        int total = FX.get(name).get("lrs").size();
        for (int stop : new int[] {1, 7}) {
            Optimizer first = SchedulerFixtureTest.twoGroups(name);
            LRScheduler s = SchedulerFixtureTest.config(name).apply(first);
            for (int epoch = 1; epoch <= stop; epoch++) {
                s.step();
            }
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("optimizer", first.stateDict());
            saved.put("scheduler", s.stateDict());
            Map<String, Object> loaded = throughFile(saved);

            Optimizer o = SchedulerFixtureTest.twoGroups(name);
            LRScheduler resumed = SchedulerFixtureTest.config(name).apply(o);
            o.loadStateDict((Map<String, ?>) loaded.get("optimizer"));
            resumed.loadStateDict((Map<String, ?>) loaded.get("scheduler"));
            SchedulerFixtureTest.assertEpoch(name, stop, resumed, o);
            assertEquals(stop, resumed.lastEpoch(), name + " last epoch");
            for (int epoch = stop + 1; epoch < total; epoch++) {
                resumed.step();
                SchedulerFixtureTest.assertEpoch(name, epoch, resumed, o);
            }
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("names")
    void pyTorchsStateDictMidScheduleResumesWithPyTorchsRates(String name) {
        JsonNode fx = FX.get(name);
        Optimizer o = SchedulerFixtureTest.twoGroups(name);
        LRScheduler resumed = SchedulerFixtureTest.config(name).apply(o);
        String momentum = o.hasOption("beta1") ? "beta1" : "momentum";
        for (int g = 0; g < 2; g++) {
            o.paramGroups().get(g).lr(fx.get("optimizer_lrs_at_5").get(g).asDouble());
            o.paramGroups().get(g).set(momentum, fx.get("optimizer_momentum_at_5").get(g).asDouble());
        }
        resumed.loadStateDict((Map<String, ?>) OptimFixtures.plain(fx.get("state_at_5")));
        SchedulerFixtureTest.assertEpoch(name, 5, resumed, o);
        for (int epoch = 6; epoch < fx.get("lrs").size(); epoch++) {
            resumed.step();
            SchedulerFixtureTest.assertEpoch(name, epoch, resumed, o);
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"plateau_default", "plateau_patience", "plateau_abs", "plateau_max"})
    void plateauSavedMidRunContinuesExactly(String name) throws Exception {
        int total = OptimFixtures.root().get("plateau_metrics").size();
        Optimizer first = SchedulerFixtureTest.twoGroups(name);
        ReduceLROnPlateau s = SchedulerFixtureTest.plateau(name, first);
        SchedulerFixtureTest.stepPlateau(name, s, first, 0, 10);
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("optimizer", first.stateDict());
        saved.put("scheduler", s.stateDict());
        Map<String, Object> loaded = throughFile(saved);
        Optimizer o = SchedulerFixtureTest.twoGroups(name);
        ReduceLROnPlateau resumed = new ReduceLROnPlateau(o); // options come back from the state, as in PyTorch
        o.loadStateDict((Map<String, ?>) loaded.get("optimizer"));
        resumed.loadStateDict((Map<String, ?>) loaded.get("scheduler"));
        SchedulerFixtureTest.stepPlateau(name, resumed, o, 10, total);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"plateau_default", "plateau_patience", "plateau_abs", "plateau_max"})
    void pyTorchsPlateauStateResumesWithPyTorchsRates(String name) {
        JsonNode fx = OptimFixtures.root().get("plateaus").get(name);
        Optimizer o = SchedulerFixtureTest.twoGroups(name);
        ReduceLROnPlateau resumed = SchedulerFixtureTest.plateau(name, o);
        for (int g = 0; g < 2; g++) {
            o.paramGroups().get(g).lr(fx.get("optimizer_lrs_at_10").get(g).asDouble());
        }
        resumed.loadStateDict((Map<String, ?>) OptimFixtures.plain(fx.get("state_at_10")));
        SchedulerFixtureTest.stepPlateau(name, resumed, o, 10, OptimFixtures.root().get("plateau_metrics").size());
    }
}
