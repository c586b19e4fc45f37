package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Squared error below {@code beta}, absolute error above: {@code 0.5 (x - y)² / beta} where
 * {@code |x - y| < beta}, else {@code |x - y| - 0.5 beta}. Mirrors {@code torch.nn.SmoothL1Loss}.
 * Input and target: the same shape. Output: a scalar, or the input's shape with
 * {@link Functional.Reduction#NONE}.
 */
public class SmoothL1Loss extends Loss {
    private final double beta;

    /** The mean with beta = 1. */
    public SmoothL1Loss() {
        this(Functional.Reduction.MEAN, 1.0);
    }

    /**
     * The mean with the given {@code beta}.
     *
     * @param beta the threshold where the loss turns from quadratic to linear (PyTorch's default 1)
     */
    public SmoothL1Loss(double beta) {
        this(Functional.Reduction.MEAN, beta);
    }

    /**
     * Mirrors {@code SmoothL1Loss(reduction=..., beta=...)}.
     *
     * @param beta the threshold where the loss turns from quadratic to linear (PyTorch's default 1)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public SmoothL1Loss(Functional.Reduction reduction, double beta) {
        super(reduction);
        if (beta < 0) {
            throw new IllegalArgumentException("SmoothL1Loss: beta must be non-negative, got " + beta);
        }
        this.beta = beta;
    }

    /** {@return where the loss changes from squared to absolute} */
    public double beta() {
        return beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.smoothL1Loss(input, target, reduction(), beta);
    }
}
