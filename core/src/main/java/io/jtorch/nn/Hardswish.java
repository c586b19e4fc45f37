package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * {@code x * relu6(x + 3) / 6} element-wise, the hard swish of MobileNetV3. Mirrors {@code torch.nn.Hardswish}. Input and output: any shape.
 *
 * <p>{@code new Hardswish(true)} mirrors {@code nn.Hardswish(inplace=True)} and prints as PyTorch's does; the
 * values are the same, but jtorch always returns a new tensor and leaves the input as it was.
 */
public class Hardswish extends Module implements TorchScriptable {
    private final boolean inplace;

    /** {@code nn.Hardswish()}. */
    public Hardswish() {
        this(false);
    }

    /**
     * {@code nn.Hardswish(inplace)}; see the class comment for what the flag changes.
     *
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public Hardswish(boolean inplace) {
        this.inplace = inplace;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.hardswish(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.hardswish(x)\n";
    }
}
