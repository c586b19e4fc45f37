package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Mean absolute error between input and target of the same shape. Mirrors {@code torch.nn.L1Loss}.
 * Output: a scalar, or the input's shape with {@link Functional.Reduction#NONE}.
 */
public class L1Loss extends Loss {
    /** The mean over all elements. */
    public L1Loss() {
        this(Functional.Reduction.MEAN);
    }

    /**
     * With the given reduction.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public L1Loss(Functional.Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.l1Loss(input, target, reduction());
    }
}
