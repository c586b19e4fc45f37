package io.jtorch.nn;

import io.jtorch.Tensor;

/** {@code max(x, 0)} element-wise. Mirrors {@code torch.nn.ReLU}. Input and output: any shape. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return Functional.relu(input);
    }
}
