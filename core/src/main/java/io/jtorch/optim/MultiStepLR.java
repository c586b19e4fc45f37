package io.jtorch.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Multiplies the learning rate by {@code gamma} each time the epoch count reaches one of the
 * milestones. Mirrors {@code torch.optim.lr_scheduler.MultiStepLR}; a milestone listed twice
 * decays twice, as PyTorch's {@code Counter} does.
 * <pre>{@code
 * var scheduler = new MultiStepLR(optimizer, List.of(30, 80), 0.1);
 * }</pre>
 */
public class MultiStepLR extends LRScheduler {
    /**
     * Decays by {@code gamma} at each of {@code milestones} (epoch indices, increasing).
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param milestones the epochs, increasing, at which the rate is multiplied by {@code gamma}
     * @param gamma the factor applied at each milestone (PyTorch's default 0.1)
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        super(optimizer, rule(milestones, gamma));
    }

    /**
     * Decays by 0.1 at each of {@code milestones}, PyTorch's default gamma.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param milestones the epochs, increasing, at which the rate is multiplied by {@code gamma}
     */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1);
    }

    /** Checks that {@code milestones} are given, non-negative and increasing; returns a copy. */
    static List<Integer> increasing(String owner, List<Integer> milestones, boolean allowEmpty) {
        Objects.requireNonNull(milestones, "milestones");
        List<Integer> copy = new ArrayList<>(milestones);
        if (copy.isEmpty() && !allowEmpty) {
            throw new IllegalArgumentException(owner + " expects at least one milestone, got []");
        }
        for (int i = 0; i < copy.size(); i++) {
            Integer m = copy.get(i);
            if (m == null || m < 0) {
                throw new IllegalArgumentException(owner + " milestones must be non-negative epoch indices, got " + milestones);
            }
            if (i > 0 && m < copy.get(i - 1)) {
                throw new IllegalArgumentException(owner + " milestones must be increasing, got " + milestones);
            }
        }
        return List.copyOf(copy);
    }

    private static Rule rule(List<Integer> milestones, double gamma) {
        List<Integer> ms = increasing("MultiStepLR", milestones, false);
        return new Rule() {
            @Override
            public double lr(int group, double lr, double baseLr, int epoch) {
                int count = Collections.frequency(ms, epoch);
                return count == 0 ? lr : lr * Math.pow(gamma, count);
            }

            @Override
            public double closedFormLr(int group, double lr, double baseLr, int epoch) {
                int passed = 0;
                for (int m : ms) {
                    passed += m <= epoch ? 1 : 0; // bisect_right
                }
                return baseLr * Math.pow(gamma, passed);
            }
        };
    }
}
