package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scheduler's epoch-0 rate applies from its constructor, as PyTorch's {@code _initial_step}
 * does, so the first epoch trains at it without any call to {@code step()}.
 */
class InitialStepTest {
    /** Runs one SGD step with gradient 1 on a zero parameter and returns the rate it used: -p after the step. */
    private static double rateOfFirstStep(SGD optimizer, Parameter p) {
        p.sum().backward();
        optimizer.step();
        return -p.item();
    }

    @Test
    void linearLRFirstStepRunsAtStartFactorTimesTheRate() {
        Parameter p = new Parameter(Torch.zeros(1));
        SGD optimizer = new SGD(List.of(p), 0.1);
        new LinearLR(optimizer, 0.25, 1.0, 4);
        assertEquals(0.025, rateOfFirstStep(optimizer, p), 1e-7); // float32 parameter
    }

    @Test
    void aSubclassRuleWithAFactorOtherThanOneAtEpochZeroIsAppliedByTheBaseClass() {
        class HalfFirstEpoch extends LRScheduler {
            HalfFirstEpoch(Optimizer optimizer) {
                super(optimizer, (group, lr, baseLr, epoch) -> epoch == 0 ? baseLr / 2 : baseLr);
            }
        }
        Parameter p = new Parameter(Torch.zeros(1));
        SGD optimizer = new SGD(List.of(p), 0.1);
        HalfFirstEpoch s = new HalfFirstEpoch(optimizer);
        assertEquals(List.of(0.05), s.getLastLr());
        assertEquals(0, s.lastEpoch());
        assertEquals(0.05, rateOfFirstStep(optimizer, p), 1e-7); // float32 parameter
    }

    @Test
    void lambdaLRWarmupStartsAtItsFactorForEpochZero() {
        Parameter p = new Parameter(Torch.zeros(1));
        SGD optimizer = new SGD(List.of(p), 0.1);
        new LambdaLR(optimizer, epoch -> (epoch + 1) / 10.0);
        assertEquals(0.01, rateOfFirstStep(optimizer, p), 1e-7); // float32 parameter
    }

    @Test
    void oneCycleLRStartsAtMaxLrOverDivFactorWithMaxMomentum() {
        Parameter p = new Parameter(Torch.zeros(1));
        SGD optimizer = new SGD(List.of(p), 0.1);
        new OneCycleLR(optimizer, 2.5, 10);
        assertEquals(0.95, optimizer.paramGroups().get(0).get("momentum"));
        assertEquals(0.1, rateOfFirstStep(optimizer, p), 1e-7); // float32 parameter
    }

    @Test
    void aFailedStepChangesNeitherTheRatesNorTheEpoch() {
        Parameter p = new Parameter(Torch.zeros(1));
        SGD optimizer = new SGD(List.of(p), 0.1);
        OneCycleLR s = new OneCycleLR(optimizer, 1.0, 2);
        s.step();
        s.step();
        double lr = optimizer.paramGroups().get(0).lr();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, s::step);
        assertEquals("Tried to step 4 times. The specified number of total steps is 2", e.getMessage());
        assertEquals(2, s.lastEpoch());
        assertEquals(lr, optimizer.paramGroups().get(0).lr());
        Tensor unused = p.detach();
        assertEquals(0.0, unused.item());
    }
}
