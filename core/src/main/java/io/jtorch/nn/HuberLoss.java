package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Squared error below {@code delta}, delta-scaled absolute error above: {@code 0.5 (x - y)²}
 * where {@code |x - y| < delta}, else {@code delta (|x - y| - 0.5 delta)}. Mirrors
 * {@code torch.nn.HuberLoss}. Input and target: the same shape. Output: a scalar, or the input's
 * shape with {@link Functional.Reduction#NONE}.
 */
public class HuberLoss extends Loss {
    private final double delta;

    /** The mean with delta = 1. */
    public HuberLoss() {
        this(Functional.Reduction.MEAN, 1.0);
    }

    /**
     * The mean with the given {@code delta}.
     *
     * @param delta the threshold where the loss turns from quadratic to linear (PyTorch's default
     *     1)
     */
    public HuberLoss(double delta) {
        this(Functional.Reduction.MEAN, delta);
    }

    /**
     * Mirrors {@code HuberLoss(reduction=..., delta=...)}.
     *
     * @param delta the threshold where the loss turns from quadratic to linear (PyTorch's default
     *     1)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public HuberLoss(Functional.Reduction reduction, double delta) {
        super(reduction);
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive, got " + delta);
        }
        this.delta = delta;
    }

    /** {@return where the loss changes from squared to absolute} */
    public double delta() {
        return delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.huberLoss(input, target, reduction(), delta);
    }
}
