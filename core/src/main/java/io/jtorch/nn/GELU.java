package io.jtorch.nn;

import io.jtorch.Tensor;

/** The Gaussian error linear unit, element-wise. Mirrors {@code torch.nn.GELU}. Input and output: any shape. */
public class GELU extends Module {
    private final boolean tanhApproximation;

    /** The exact GELU ({@code approximate='none'}). */
    public GELU() {
        this(false);
    }

    /**
     * GELU, tanh-approximated when {@code tanhApproximation} ({@code approximate='tanh'}).
     *
     * @param tanhApproximation whether to use the tanh approximation ({@code approximate='tanh'})
     */
    public GELU(boolean tanhApproximation) {
        this.tanhApproximation = tanhApproximation;
    }

    /** {@return whether the tanh approximation is used} */
    public boolean tanhApproximation() {
        return tanhApproximation;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.gelu(input, tanhApproximation);
    }

    @Override
    public String extraRepr() {
        return "approximate='" + (tanhApproximation ? "tanh" : "none") + "'";
    }
}
