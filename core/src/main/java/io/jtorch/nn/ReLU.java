package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * {@code max(x, 0)} element-wise. Mirrors {@code torch.nn.ReLU}. Input and output: any shape.
 *
 * <p>{@code new ReLU(true)} mirrors {@code nn.ReLU(inplace=True)} and prints as PyTorch's does; the
 * values are the same, but jtorch always returns a new tensor and leaves the input as it was.
 */
public class ReLU extends Module {
    private final boolean inplace;

    /** {@code nn.ReLU()}. */
    public ReLU() {
        this(false);
    }

    /**
     * {@code nn.ReLU(inplace)}; see the class comment for what the flag changes.
     *
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public ReLU(boolean inplace) {
        this.inplace = inplace;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.relu(input);
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
