package io.jtorch.nn;

import io.jtorch.Tensor;

/** Returns its input unchanged; a placeholder for a removed layer. Mirrors {@code torch.nn.Identity}. */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
