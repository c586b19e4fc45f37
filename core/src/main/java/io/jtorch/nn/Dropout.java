package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Zeroes each element with probability p during training and scales the rest by 1/(1-p); the
 * identity in eval mode. Mirrors {@code torch.nn.Dropout}. Input and output: any shape.
 */
public class Dropout extends Module {
    private final double p;
    private final boolean inplace;

    /** Dropout with p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    /**
     * Dropout with probability {@code p} in [0, 1].
     *
     * @param p the probability of zeroing an element, in [0, 1] (PyTorch's default 0.5)
     */
    public Dropout(double p) {
        this(p, false);
    }

    /**
     * Mirrors {@code Dropout(p, inplace)} (torchvision's classifiers use {@code inplace=True}): the
     * flag is printed as PyTorch prints it, but jtorch always returns a new tensor.
     *
     * @param p the probability of zeroing an element, in [0, 1] (PyTorch's default 0.5)
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public Dropout(double p, boolean inplace) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.inplace = inplace;
    }

    /** {@return the probability of zeroing an element} */
    public double p() {
        return p;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + p + ", inplace=" + Repr.bool(inplace);
    }
}
