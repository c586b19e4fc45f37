package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * {@code max(0, x) + negativeSlope * min(0, x)} element-wise. Mirrors {@code torch.nn.LeakyReLU}.
 * Input and output: any shape.
 *
 * <p>The {@code inplace} flag is printed as PyTorch prints it; jtorch always returns a new tensor.
 */
public class LeakyReLU extends Module implements TorchScriptable {
    private final double negativeSlope;
    private final boolean inplace;

    /** Slope 0.01, PyTorch's default. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * {@code nn.LeakyReLU(negative_slope)}.
     *
     * @param negativeSlope the slope for negative inputs (PyTorch's default 0.01)
     */
    public LeakyReLU(double negativeSlope) {
        this(negativeSlope, false);
    }

    /**
     * {@code nn.LeakyReLU(negative_slope, inplace)}.
     *
     * @param negativeSlope the slope for negative inputs (PyTorch's default 0.01)
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public LeakyReLU(double negativeSlope, boolean inplace) {
        this.negativeSlope = negativeSlope;
        this.inplace = inplace;
    }

    /** {@return the slope for negative inputs} */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.leakyRelu(input, negativeSlope);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.leaky_relu(x, " + Repr.num(negativeSlope) + ")\n";
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + Repr.num(negativeSlope) + (inplace ? ", inplace=True" : "");
    }
}
