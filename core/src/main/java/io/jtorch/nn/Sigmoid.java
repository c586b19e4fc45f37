package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/** {@code 1 / (1 + exp(-x))} element-wise. Mirrors {@code torch.nn.Sigmoid}. Input and output: any shape. */
public class Sigmoid extends Module implements TorchScriptable {
    @Override
    public Tensor forward(Tensor input) {
        return Functional.sigmoid(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.sigmoid(x)\n";
    }
}
