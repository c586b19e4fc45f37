package io.jtorch.optim;

/**
 * Anneals the learning rate from its base value to {@code etaMin} along a half cosine over
 * {@code tMax} epochs (and back up over the next {@code tMax}, as PyTorch's does). Mirrors
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}.
 */
public class CosineAnnealingLR extends LRScheduler {
    /**
     * Anneals to {@code etaMin} over {@code tMax} epochs.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param tMax the number of epochs of the half cosine (PyTorch's {@code T_max})
     * @param etaMin the lowest learning rate, reached after {@code tMax} epochs (PyTorch's
     *     {@code eta_min}, default 0)
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer, rule(tMax, etaMin));
    }

    /**
     * Anneals to 0 over {@code tMax} epochs.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param tMax the number of epochs of the half cosine (PyTorch's {@code T_max})
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    private static Rule rule(int tMax, double etaMin) {
        if (tMax < 1) {
            throw new IllegalArgumentException("T_max must be >= 1, got " + tMax);
        }
        return new Rule() {
            @Override
            public double lr(int group, double lr, double baseLr, int epoch) {
                if (epoch == 0) {
                    return lr;
                }
                if ((epoch - 1 - tMax) % (2 * tMax) == 0) {
                    return lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
                }
                return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax)) * (lr - etaMin) + etaMin;
            }

            @Override
            public double closedFormLr(int group, double lr, double baseLr, int epoch) {
                return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
            }
        };
    }
}
