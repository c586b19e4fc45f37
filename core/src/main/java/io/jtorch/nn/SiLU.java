package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * {@code x * sigmoid(x)} element-wise, the swish of EfficientNet. Mirrors {@code torch.nn.SiLU}. Input and output: any shape.
 *
 * <p>{@code new SiLU(true)} mirrors {@code nn.SiLU(inplace=True)} and prints as PyTorch's does; the
 * values are the same, but jtorch always returns a new tensor and leaves the input as it was.
 */
public class SiLU extends Module implements TorchScriptable {
    private final boolean inplace;

    /** {@code nn.SiLU()}. */
    public SiLU() {
        this(false);
    }

    /**
     * {@code nn.SiLU(inplace)}; see the class comment for what the flag changes.
     *
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public SiLU(boolean inplace) {
        this.inplace = inplace;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.silu(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.silu(x)\n";
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
