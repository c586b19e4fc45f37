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

    /** A loss reducing with {@code reduction}. */
    protected Loss(Functional.Reduction reduction) {
        this.reduction = java.util.Objects.requireNonNull(reduction, "reduction");
    }

    /** How per-element losses are combined. */
    public Functional.Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public abstract Tensor forward(Tensor input, Tensor target);
}
