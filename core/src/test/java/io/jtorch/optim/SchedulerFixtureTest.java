package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.nn.Parameter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every scheduler gives PyTorch's rates (and OneCycleLR PyTorch's momenta) epoch by epoch. */
class SchedulerFixtureTest {
    static final JsonNode FX = OptimFixtures.root().get("schedulers");
    static final double TOL = 1e-12;

    /** The same names as tools/fixtures/optim_fixtures.py's SCHEDULERS. */
    static List<String> names() {
        List<String> out = new java.util.ArrayList<>();
        FX.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Optimizer with two groups at lr 0.1 and 0.02: SGD with momentum 0.9, or Adam for the three-phase 1cycle. */
    static Optimizer twoGroups(String name) {
        List<Parameter> ps = OptimFixtures.fixedParams();
        List<ParamGroup> groups = List.of(new ParamGroup(List.of(ps.get(0))).lr(0.1), new ParamGroup(List.of(ps.get(1))).lr(0.02));
        return name.equals("onecycle_linear_three_phase") ? new Adam(groups, 0.1) : new SGD(groups, 0.1).momentum(0.9);
    }

    static double warmup(int e) {
        return e < 5 ? (e + 1) / 5.0 : Math.pow(0.9, e - 4);
    }

    /** The Java spelling of each fixture's scheduler. */
    static Function<Optimizer, LRScheduler> config(String name) {
        switch (name) {
            case "multistep": return o -> new MultiStepLR(o, List.of(3, 7, 12), 0.5);
            case "multistep_default": return o -> new MultiStepLR(o, List.of(2, 5));
            case "exponential": return o -> new ExponentialLR(o, 0.9);
            case "lambda_decay": return o -> new LambdaLR(o, e -> Math.pow(0.95, e));
            case "lambda_warmup": return o -> new LambdaLR(o, SchedulerFixtureTest::warmup);
            case "lambda_list": return o -> new LambdaLR(o, List.of(e -> 1.0 / (1 + e / 3), SchedulerFixtureTest::warmup));
            case "multiplicative": return o -> new MultiplicativeLR(o, e -> 0.9);
            case "multiplicative_alternate": return o -> new MultiplicativeLR(o, e -> e % 2 == 0 ? 0.8 : 1.0);
            case "linear_default": return o -> new LinearLR(o);
            case "linear_decay": return o -> new LinearLR(o, 1.0, 0.1, 10);
            case "onecycle": return o -> new OneCycleLR(o, 1.0, 20);
            case "onecycle_groups": return o -> new OneCycleLR(o, List.of(1.0, 0.1), 25, OneCycleLR.options().pctStart(0.4));
            case "onecycle_linear_three_phase": return o -> new OneCycleLR(o, 0.5, 5 * 4, OneCycleLR.options().pctStart(0.25)
                    .annealStrategy("linear").threePhase(true).divFactor(10).finalDivFactor(100).baseMomentum(0.8).maxMomentum(0.9));
            case "onecycle_no_momentum": return o -> new OneCycleLR(o, 0.3, 20, OneCycleLR.options().cycleMomentum(false));
            case "warm_restarts": return o -> new CosineAnnealingWarmRestarts(o, 3, 2, 1e-3);
            case "warm_restarts_default": return o -> new CosineAnnealingWarmRestarts(o, 4);
            case "sequential": return o -> new SequentialLR(o, List.of(new LinearLR(o, 0.1, 1.0, 4), new ExponentialLR(o, 0.9)), List.of(4));
            case "sequential_three": return o -> new SequentialLR(o, List.of(new LinearLR(o, 0.5, 1.0, 3), new StepLR(o, 2, 0.5),
                    new CosineAnnealingLR(o, 6, 1e-3)), List.of(3, 8));
            case "chained": return o -> new ChainedScheduler(List.of(new LinearLR(o, 0.5, 1.0, 4), new ExponentialLR(o, 0.9)));
            case "chained_step_multistep": return o -> new ChainedScheduler(List.of(new StepLR(o, 3, 0.5), new MultiStepLR(o, List.of(4, 9), 0.1)));
            default: throw new IllegalArgumentException(name);
        }
    }

    /** Each group's momentum, or beta1 for Adam. */
    static double[] momenta(Optimizer o) {
        String key = o.hasOption("beta1") ? "beta1" : "momentum";
        return o.paramGroups().stream().mapToDouble(g -> g.get(key)).toArray();
    }

    static void assertEpoch(String name, int epoch, LRScheduler s, Optimizer o) {
        double[] lrs = OptimFixtures.rows(FX.get(name).get("lrs"))[epoch];
        double[] momenta = OptimFixtures.rows(FX.get(name).get("momentum"))[epoch];
        for (int g = 0; g < lrs.length; g++) {
            assertEquals(lrs[g], s.getLastLr().get(g), TOL, name + " lr of group " + g + " at epoch " + epoch);
            assertEquals(lrs[g], o.paramGroups().get(g).lr(), TOL, name + " optimizer lr of group " + g + " at epoch " + epoch);
            assertEquals(momenta[g], momenta(o)[g], TOL, name + " momentum of group " + g + " at epoch " + epoch);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void ratesOverTwentyEpochsMatchPyTorch(String name) {
        Optimizer o = twoGroups(name);
        LRScheduler s = config(name).apply(o);
        assertEpoch(name, 0, s, o);
        for (int epoch = 1; epoch < FX.get(name).get("lrs").size(); epoch++) {
            s.step();
            assertEpoch(name, epoch, s, o);
        }
    }

    @Test
    void warmRestartsWithFractionalEpochsMatchPyTorch() {
        JsonNode fx = OptimFixtures.root().get("warm_restarts_fractional");
        Optimizer o = twoGroups("");
        CosineAnnealingWarmRestarts s = new CosineAnnealingWarmRestarts(o, 2, 2, 0.0);
        double[][] lrs = OptimFixtures.rows(fx.get("lrs"));
        for (int i = 0; i < lrs.length; i++) {
            s.step(fx.get("epochs").get(i).asDouble());
            for (int g = 0; g < 2; g++) {
                assertEquals(lrs[i][g], s.getLastLr().get(g), TOL, "lr of group " + g + " at epoch " + fx.get("epochs").get(i));
            }
        }
    }

    /** The same as tools/fixtures/optim_fixtures.py's PLATEAUS. */
    static ReduceLROnPlateau plateau(String name, Optimizer o) {
        switch (name) {
            case "plateau_default": return new ReduceLROnPlateau(o);
            case "plateau_patience": return new ReduceLROnPlateau(o).factor(0.5).patience(1).cooldown(2).minLr(List.of(0.01, 0.004));
            case "plateau_abs": return new ReduceLROnPlateau(o).factor(0.3).patience(2).threshold(0.05).thresholdMode("abs");
            case "plateau_max": return new ReduceLROnPlateau(o).mode("max").factor(0.5).patience(1).minLr(0.001).eps(0.01);
            default: throw new IllegalArgumentException(name);
        }
    }

    static void stepPlateau(String name, ReduceLROnPlateau s, Optimizer o, int from, int to) {
        JsonNode metrics = OptimFixtures.root().get("plateau_metrics");
        double[][] lrs = OptimFixtures.rows(OptimFixtures.root().get("plateaus").get(name).get("lrs"));
        for (int i = from; i < to; i++) {
            s.step(metrics.get(i).asDouble());
            for (int g = 0; g < 2; g++) {
                assertEquals(lrs[i][g], o.paramGroups().get(g).lr(), TOL, name + " lr of group " + g + " after metric " + i);
                assertEquals(lrs[i][g], s.getLastLr().get(g), TOL, name + " last lr of group " + g + " after metric " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plateau_default", "plateau_patience", "plateau_abs", "plateau_max"})
    void plateauReductionsMatchPyTorch(String name) {
        Optimizer o = twoGroups(name);
        stepPlateau(name, plateau(name, o), o, 0, OptimFixtures.root().get("plateau_metrics").size());
    }
}
