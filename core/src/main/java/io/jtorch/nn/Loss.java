package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * A criterion comparing a model's output with a target. Mirrors {@code torch.nn.modules.loss._Loss}.
 *
 * <p>Unlike PyTorch, where losses are modules called with two tensors, a Java {@link Module}
 * takes one input, so losses have their own two-argument {@link #forward(Tensor, Tensor)}.
 */
public abstract class Loss {
    private final Functional.Reduction reduction;

    /**
     * A loss reducing with {@code reduction} (not {@link Functional.Reduction#BATCHMEAN}, which is
     * for KL divergence).
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    protected Loss(Functional.Reduction reduction) {
        this(reduction, false);
    }

    /**
     * A loss reducing with {@code reduction}; {@code allowBatchMean} for the losses that accept
     * {@code 'batchmean'}.
     *
     * @param allowBatchMean whether {@code BATCHMEAN} is accepted (only {@code KLDivLoss} does)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    protected Loss(Functional.Reduction reduction, boolean allowBatchMean) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
        if (reduction == Functional.Reduction.BATCHMEAN && !allowBatchMean) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": reduction BATCHMEAN is only for KLDivLoss; use MEAN, SUM "
                    + "or NONE");
        }
    }

    /** {@return how per-element losses are combined} */
    public Functional.Reduction reduction() {
        return reduction;
    }

    /**
     * {@return the loss of {@code input} against {@code target}}
     *
     * @param input the predictions
     * @param target the targets, shaped as the loss requires
     */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** The loss's name and options as PyTorch prints them, e.g. {@code CrossEntropyLoss()}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "()";
    }
}
