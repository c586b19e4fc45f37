package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * {@code relu6(x + 3) / 6} element-wise. Mirrors {@code torch.nn.Hardsigmoid}. Input and output: any shape.
 *
 * <p>{@code new Hardsigmoid(true)} mirrors {@code nn.Hardsigmoid(inplace=True)} and prints as PyTorch's does; the
 * values are the same, but jtorch always returns a new tensor and leaves the input as it was.
 */
public class Hardsigmoid extends Module implements TorchScriptable {
    private final boolean inplace;

    /** {@code nn.Hardsigmoid()}. */
    public Hardsigmoid() {
        this(false);
    }

    /**
     * {@code nn.Hardsigmoid(inplace)}; see the class comment for what the flag changes.
     *
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public Hardsigmoid(boolean inplace) {
        this.inplace = inplace;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.hardsigmoid(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.hardsigmoid(x)\n";
    }
}
