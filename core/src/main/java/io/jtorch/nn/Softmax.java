package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * Softmax along a dimension: values in (0, 1) summing to 1. Mirrors {@code torch.nn.Softmax}.
 * Input and output: any shape; {@code dim} indexes it (negative counts from the end).
 */
public class Softmax extends Module implements TorchScriptable {
    private final int dim;

    /**
     * Softmax along {@code dim}; mirrors {@code nn.Softmax(dim)}.
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** {@return the dimension along which values sum to 1} */
    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.softmax(input, dim);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.softmax(x, " + dim + ")\n";
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
