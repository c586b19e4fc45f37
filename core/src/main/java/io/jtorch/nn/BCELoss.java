package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Binary cross-entropy between probabilities and targets in [0, 1]. Mirrors {@code torch.nn.BCELoss};
 * prefer {@link BCEWithLogitsLoss} on logits, which is numerically stable.
 *
 * <p>Input: (*) probabilities. Target: (*), the same shape. Output: a scalar, or (*) with
 * {@link Functional.Reduction#NONE}.
 */
public class BCELoss extends Loss {
    private final Tensor weight;

    /** The mean with PyTorch's defaults. */
    public BCELoss() {
        this(null, Functional.Reduction.MEAN);
    }

    /**
     * With the given reduction.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public BCELoss(Functional.Reduction reduction) {
        this(null, reduction);
    }

    /**
     * The general form; mirrors {@code BCELoss(weight, reduction=...)}.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight a rescaling weight broadcast to the input's shape (one per element of the batch), or null
     */
    public BCELoss(Tensor weight, Functional.Reduction reduction) {
        super(reduction);
        this.weight = weight == null ? null : weight.retain();
    }

    /** {@return the rescaling weight, or {@code null}} */
    public Tensor weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, weight, reduction());
    }
}
