package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Mean squared error between input and target of the same shape. Mirrors {@code torch.nn.MSELoss}.
 * Output: a scalar, or the input's shape with {@link Functional.Reduction#NONE}.
 */
public class MSELoss extends Loss {
    /** The mean over all elements. */
    public MSELoss() {
        this(Functional.Reduction.MEAN);
    }

    /**
     * With the given reduction.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public MSELoss(Functional.Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.mseLoss(input, target, reduction());
    }
}
