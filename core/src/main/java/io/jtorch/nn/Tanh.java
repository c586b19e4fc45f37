package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/** The hyperbolic tangent, element-wise. Mirrors {@code torch.nn.Tanh}. Input and output: any shape. */
public class Tanh extends Module implements TorchScriptable {
    @Override
    public Tensor forward(Tensor input) {
        return Functional.tanh(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.tanh(x)\n";
    }
}
