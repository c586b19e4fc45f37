package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * The exponential linear unit: {@code x} for x > 0, {@code alpha * (exp(x) - 1)} otherwise.
 * Mirrors {@code torch.nn.ELU}. Input and output: any shape.
 *
 * <p>The {@code inplace} flag is printed as PyTorch prints it; jtorch always returns a new tensor.
 */
public class ELU extends Module implements TorchScriptable {
    private final double alpha;
    private final boolean inplace;

    /** Alpha 1.0, PyTorch's default. */
    public ELU() {
        this(1.0);
    }

    /**
     * {@code nn.ELU(alpha)}.
     *
     * @param alpha the value {@code alpha * (exp(x) - 1)} tends to for very negative x (PyTorch's
     *     default 1)
     */
    public ELU(double alpha) {
        this(alpha, false);
    }

    /**
     * {@code nn.ELU(alpha, inplace)}.
     *
     * @param alpha the value {@code alpha * (exp(x) - 1)} tends to for very negative x (PyTorch's
     *     default 1)
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public ELU(double alpha, boolean inplace) {
        this.alpha = alpha;
        this.inplace = inplace;
    }

    /** {@return the scale of the negative part} */
    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.elu(input, alpha);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.elu(x, " + Repr.num(alpha) + ")\n";
    }

    @Override
    public String extraRepr() {
        return "alpha=" + Repr.num(alpha) + (inplace ? ", inplace=True" : "");
    }
}
