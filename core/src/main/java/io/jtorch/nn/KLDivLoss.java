package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * The Kullback-Leibler divergence of a target distribution from log-probabilities:
 * {@code target * (log(target) - input)}. Mirrors {@code torch.nn.KLDivLoss}.
 *
 * <p>Input: (*) log-probabilities. Target: (*) probabilities (log-probabilities with
 * {@code logTarget}). Output: a scalar, or (*) with {@link Functional.Reduction#NONE}.
 * {@link Functional.Reduction#BATCHMEAN} ({@code reduction='batchmean'}) divides the sum by the
 * batch size and is the mathematically correct KL divergence; PyTorch's default {@code MEAN}
 * divides by the number of elements.
 */
public class KLDivLoss extends Loss {
    private final boolean logTarget;

    /** The mean over elements, PyTorch's default. */
    public KLDivLoss() {
        this(Functional.Reduction.MEAN, false);
    }

    /**
     * With the given reduction.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public KLDivLoss(Functional.Reduction reduction) {
        this(reduction, false);
    }

    /**
     * Mirrors {@code KLDivLoss(reduction=..., log_target=...)}.
     *
     * @param logTarget whether the target holds log-probabilities
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public KLDivLoss(Functional.Reduction reduction, boolean logTarget) {
        super(reduction, true);
        this.logTarget = logTarget;
    }

    /** {@return whether the target holds log-probabilities} */
    public boolean logTarget() {
        return logTarget;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.klDiv(input, target, reduction(), logTarget);
    }
}
