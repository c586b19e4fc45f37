package io.jtorch.optim;

/**
 * Multiplies the learning rate by {@code gamma} every epoch. Mirrors
 * {@code torch.optim.lr_scheduler.ExponentialLR}.
 */
public class ExponentialLR extends LRScheduler {
    /**
     * Decays by {@code gamma} every epoch.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param gamma the factor applied to the learning rate each epoch
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer, rule(gamma));
    }

    private static Rule rule(double gamma) {
        if (!Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be a finite number, got " + gamma);
        }
        return new Rule() {
            @Override
            public double lr(int group, double lr, double baseLr, int epoch) {
                return epoch == 0 ? lr : lr * gamma;
            }

            @Override
            public double closedFormLr(int group, double lr, double baseLr, int epoch) {
                return baseLr * Math.pow(gamma, epoch);
            }
        };
    }
}
