package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Negative log-likelihood of class labels under log-probabilities. Mirrors {@code torch.nn.NLLLoss};
 * with {@link LogSoftmax} before it, it computes {@link CrossEntropyLoss}.
 *
 * <p>Input: (N, C) or (N, C, d1, ...) log-probabilities. Target: int64 (N) or (N, d1, ...) in
 * [0, C). Output: a scalar, or (N, ...) with {@link Functional.Reduction#NONE}.
 */
public class NLLLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;

    /** The (weighted) mean with PyTorch's defaults. */
    public NLLLoss() {
        this(null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX, Functional.Reduction.MEAN);
    }

    /**
     * With the given reduction.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public NLLLoss(Functional.Reduction reduction) {
        this(null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX, reduction);
    }

    /**
     * The general form; mirrors {@code NLLLoss(weight, ignore_index=..., reduction=...)}.
     *
     * @param ignoreIndex a target value that contributes neither loss nor gradient (PyTorch's
     *     default -100)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight per-class weights of shape (C), or null
     */
    public NLLLoss(Tensor weight, long ignoreIndex, Functional.Reduction reduction) {
        super(reduction);
        if (weight != null && weight.dim() != 1) {
            throw new IllegalArgumentException("NLLLoss weight must be 1-D (one value per class), got shape "
                    + io.jtorch.Shapes.format(weight.shape()));
        }
        this.weight = weight == null ? null : weight.retain();
        this.ignoreIndex = ignoreIndex;
    }

    /** {@return the per-class weights, or {@code null}} */
    public Tensor weight() {
        return weight;
    }

    /** {@return the target value that is ignored} */
    public long ignoreIndex() {
        return ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.nllLoss(input, target, weight, ignoreIndex, reduction());
    }
}
