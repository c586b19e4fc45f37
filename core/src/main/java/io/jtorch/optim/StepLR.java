package io.jtorch.optim;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs. Mirrors
 * {@code torch.optim.lr_scheduler.StepLR}.
 */
public class StepLR extends LRScheduler {
    /**
     * Decays by {@code gamma} every {@code stepSize} epochs.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param stepSize the number of epochs between decays
     * @param gamma the factor applied every {@code stepSize} epochs
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer, rule(stepSize, gamma));
    }

    /**
     * Decays by 0.1 every {@code stepSize} epochs, PyTorch's default gamma.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param stepSize the number of epochs between decays
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    private static Rule rule(int stepSize, double gamma) {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step_size must be >= 1, got " + stepSize);
        }
        return new Rule() {
            @Override
            public double lr(int group, double lr, double baseLr, int epoch) {
                return epoch == 0 || epoch % stepSize != 0 ? lr : lr * gamma;
            }

            @Override
            public double closedFormLr(int group, double lr, double baseLr, int epoch) {
                return baseLr * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
            }
        };
    }
}
