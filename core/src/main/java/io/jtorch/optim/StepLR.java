package io.jtorch.optim;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs. Mirrors
 * {@code torch.optim.lr_scheduler.StepLR}.
 */
public class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /** Decays by {@code gamma} every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("step_size must be >= 1, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    /** Decays by 0.1 every {@code stepSize} epochs, PyTorch's default gamma. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    @Override
    protected double nextLr(double lr, double baseLr, int epoch) {
        return epoch == 0 || epoch % stepSize != 0 ? lr : lr * gamma;
    }
}
