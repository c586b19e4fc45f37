package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Zeroes each element with probability p during training and scales the rest by 1/(1-p); the
 * identity in eval mode. Mirrors {@code torch.nn.Dropout}. Input and output: any shape.
 */
public class Dropout extends Module {
    private final double p;

    /** Dropout with p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    /** Dropout with probability {@code p} in [0, 1]. */
    public Dropout(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
    }

    /** The probability of zeroing an element. */
    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + p + ", inplace=False";
    }
}
