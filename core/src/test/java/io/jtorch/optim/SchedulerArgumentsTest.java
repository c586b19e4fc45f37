package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jtorch.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad scheduler arguments end in an IllegalArgumentException with PyTorch's wording, before any rate changes. */
class SchedulerArgumentsTest {
    private static Optimizer sgd() {
        return SchedulerFixtureTest.twoGroups("");
    }

    private static void fails(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void multiStepLRRejectsEmptyUnsortedAndNegativeMilestones() {
        fails("MultiStepLR expects at least one milestone, got []", () -> new MultiStepLR(sgd(), List.of()));
        fails("MultiStepLR milestones must be increasing, got [5, 3]", () -> new MultiStepLR(sgd(), List.of(5, 3)));
        fails("MultiStepLR milestones must be non-negative epoch indices, got [-1, 3]", () -> new MultiStepLR(sgd(), List.of(-1, 3)));
    }

    @Test
    void schedulersRejectNonPositivePeriods() {
        fails("step_size must be >= 1, got 0", () -> new StepLR(sgd(), 0));
        fails("T_max must be >= 1, got 0", () -> new CosineAnnealingLR(sgd(), 0));
        fails("Expected positive integer T_0, but got 0", () -> new CosineAnnealingWarmRestarts(sgd(), 0));
        fails("Expected integer T_mult >= 1, but got 0", () -> new CosineAnnealingWarmRestarts(sgd(), 2, 0, 0.0));
        fails("Expected non-negative epoch, but got -1.0", () -> new CosineAnnealingWarmRestarts(sgd(), 2).step(-1.0));
        fails("total_iters must be >= 1, got 0", () -> new LinearLR(sgd(), 0.5, 1.0, 0));
    }

    @Test
    void linearLRRejectsFactorsOutsideTheUnitInterval() {
        fails("Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got 1.5",
                () -> new LinearLR(sgd(), 1.5, 1.0, 5));
        fails("Ending multiplicative factor expected to be between 0 and 1, got -0.1", () -> new LinearLR(sgd(), 0.5, -0.1, 5));
    }

    @Test
    void lambdaSchedulersNeedOneFunctionPerGroup() {
        fails("Expected 2 lr_lambdas, but got 1", () -> new LambdaLR(sgd(), List.of(e -> 1.0)));
        fails("Expected 2 lr_lambdas, but got 3", () -> new MultiplicativeLR(sgd(), List.of(e -> 1.0, e -> 1.0, e -> 1.0)));
    }

    @Test
    void oneCycleLRRejectsBadOptions() {
        fails("Expected positive integer total_steps, but got 0", () -> new OneCycleLR(sgd(), 0.1, 0));
        fails("Invalid learning rate: -0.1", () -> new OneCycleLR(sgd(), -0.1, 10));
        fails("expected 2 values for max_lr, got 1", () -> new OneCycleLR(sgd(), List.of(0.1), 10, OneCycleLR.options()));
        fails("Expected float between 0 and 1 pct_start, but got 1.5", () -> OneCycleLR.options().pctStart(1.5));
        fails("anneal_strategy must by one of 'cos' or 'linear', instead got cosine", () -> OneCycleLR.options().annealStrategy("cosine"));
        List<Parameter> ps = OptimFixtures.fixedParams();
        fails("optimizer must support momentum with `cycle_momentum` option enabled (Adagrad has neither momentum nor betas)",
                () -> new OneCycleLR(new Adagrad(ps), 0.1, 10));
    }

    @Test
    void oneCycleLRWithoutMomentumCyclingWorksOnAnOptimizerWithoutMomentum() {
        Optimizer o = new Adagrad(OptimFixtures.fixedParams());
        OneCycleLR s = new OneCycleLR(o, 0.5, 10, OneCycleLR.options().cycleMomentum(false));
        assertEquals(0.5 / 25, s.getLastLr().get(0), 1e-15);
    }

    @Test
    void sequentialLRChecksMilestonesAndOptimizers() {
        Optimizer o = sgd();
        fails("Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, "
                + "but got number of schedulers 2 and the number of milestones to be equal to 2",
                () -> new SequentialLR(o, List.of(new LinearLR(o), new ExponentialLR(o, 0.9)), List.of(3, 5)));
        fails("SequentialLR milestones must be increasing, got [5, 3]",
                () -> new SequentialLR(o, List.of(new LinearLR(o), new ExponentialLR(o, 0.9), new StepLR(o, 2)), List.of(5, 3)));
        fails("Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index 1 to be "
                + "different than the optimizer passed in.", () -> new SequentialLR(o, List.of(new LinearLR(o), new ExponentialLR(sgd(), 0.9)),
                        List.of(3)));
        fails("SequentialLR expects at least one scheduler, got []", () -> new SequentialLR(o, List.of(), List.of()));
        fails("SequentialLR cannot run a ReduceLROnPlateau (at index 1): it needs schedulers that can restart at epoch 0",
                () -> new SequentialLR(o, List.of(new LinearLR(o), new ReduceLROnPlateau(o)), List.of(3)));
    }

    @Test
    void chainedSchedulerChecksItsSchedulers() {
        fails("ChainedScheduler expects at least one scheduler, got []", () -> new ChainedScheduler(List.of()));
        fails("ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and 1 to be different",
                () -> new ChainedScheduler(List.of(new LinearLR(sgd()), new ExponentialLR(sgd(), 0.9))));
        Optimizer o = sgd();
        fails("ChainedScheduler cannot step a ReduceLROnPlateau (at index 1): it steps on a metric",
                () -> new ChainedScheduler(List.of(new LinearLR(o), new ReduceLROnPlateau(o))));
    }

    @Test
    void reduceLROnPlateauRejectsBadOptionsAndAStepWithoutMetric() {
        fails("Factor should be < 1.0.", () -> new ReduceLROnPlateau(sgd()).factor(1.0));
        fails("mode maximum is unknown!", () -> new ReduceLROnPlateau(sgd()).mode("maximum"));
        fails("threshold mode relative is unknown!", () -> new ReduceLROnPlateau(sgd()).thresholdMode("relative"));
        fails("expected 2 min_lrs, got 1", () -> new ReduceLROnPlateau(sgd()).minLr(List.of(0.1)));
        fails("patience must be >= 0, got -1", () -> new ReduceLROnPlateau(sgd()).patience(-1));
        assertEquals("ReduceLROnPlateau steps on a metric: call step(metric), e.g. scheduler.step(valLoss)",
                assertThrows(UnsupportedOperationException.class, () -> new ReduceLROnPlateau(sgd()).step()).getMessage());
    }

    @Test
    void aStateDictOfAnotherShapeIsRejected() {
        Optimizer o = sgd();
        fails("not a state dict of this StepLR: it needs last_epoch and 2 base_lrs (has [base_lrs])",
                () -> new StepLR(o, 2).loadStateDict(Map.of("base_lrs", List.of(0.1))));
        fails("scheduler state 'T_cur' must be a number, got null",
                () -> new CosineAnnealingWarmRestarts(o, 2).loadStateDict(Map.of("last_epoch", 3L, "T_i", 2L)));
        fails("not a state dict of this SequentialLR: it needs _schedulers with 2 states (has [last_epoch])",
                () -> new SequentialLR(o, List.of(new LinearLR(o), new StepLR(o, 2)), List.of(3)).loadStateDict(Map.of("last_epoch", 3L)));
    }

    @Test
    void aRejectedSchedulerLeavesTheRatesAlone() {
        Optimizer o = sgd();
        assertThrows(IllegalArgumentException.class, () -> new MultiStepLR(o, List.of(4, 2)));
        assertThrows(IllegalArgumentException.class, () -> new OneCycleLR(o, 1.0, 0));
        assertEquals(0.1, o.paramGroups().get(0).lr());
        assertEquals(0.02, o.paramGroups().get(1).lr());
        assertEquals(false, o.paramGroups().get(0).has("initial_lr"));
    }
}
