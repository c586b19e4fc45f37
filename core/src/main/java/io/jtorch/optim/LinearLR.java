package io.jtorch.optim;

/**
 * Scales the learning rate by a factor that moves linearly from {@code startFactor} to
 * {@code endFactor} over {@code totalIters} epochs, then stays. Mirrors
 * {@code torch.optim.lr_scheduler.LinearLR} (defaults 1/3, 1, 5): the usual warm-up. The first
 * epoch already runs at {@code startFactor} times the rate.
 */
public class LinearLR extends LRScheduler {
    /**
     * PyTorch's defaults: from a third of the rate to the full rate over 5 epochs.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /**
     * From {@code startFactor} (in (0, 1]) to {@code endFactor} (in [0, 1]) times the rate over
     * {@code totalIters} epochs.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param startFactor the factor of the base rate at epoch 0 (PyTorch's default 1/3)
     * @param endFactor the factor reached at {@code totalIters} (PyTorch's default 1)
     * @param totalIters the number of epochs over which the factor changes (PyTorch's default 5)
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer, rule(startFactor, endFactor, totalIters));
    }

    private static Rule rule(double start, double end, int totalIters) {
        if (!(start > 0 && start <= 1)) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got "
                    + start);
        }
        if (!(end >= 0 && end <= 1)) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1, got " + end);
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("total_iters must be >= 1, got " + totalIters);
        }
        return new Rule() {
            @Override
            public double lr(int group, double lr, double baseLr, int epoch) {
                if (epoch == 0) {
                    return lr * start;
                }
                if (epoch > totalIters) {
                    return lr;
                }
                return lr * (1. + (end - start) / (totalIters * start + (epoch - 1) * (end - start)));
            }

            @Override
            public double closedFormLr(int group, double lr, double baseLr, int epoch) {
                return baseLr * (start + (end - start) * Math.min(totalIters, epoch) / totalIters);
            }
        };
    }
}
