package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * {@code min(max(x, 0), 6)} element-wise. Mirrors {@code torch.nn.ReLU6}. Input and output: any shape.
 *
 * <p>{@code new ReLU6(true)} mirrors {@code nn.ReLU6(inplace=True)} and prints as PyTorch's does; the
 * values are the same, but jtorch always returns a new tensor and leaves the input as it was.
 */
public class ReLU6 extends Module implements TorchScriptable {
    private final boolean inplace;

    /** {@code nn.ReLU6()}. */
    public ReLU6() {
        this(false);
    }

    /**
     * {@code nn.ReLU6(inplace)}; see the class comment for what the flag changes.
     *
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public ReLU6(boolean inplace) {
        this.inplace = inplace;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.relu6(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.relu6(x)\n";
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
