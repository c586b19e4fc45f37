package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * The logarithm of the softmax along a dimension, computed stably. Mirrors {@code torch.nn.LogSoftmax}.
 * Input and output: any shape; {@code dim} indexes it (negative counts from the end).
 */
public class LogSoftmax extends Module implements TorchScriptable {
    private final int dim;

    /**
     * Softmax along {@code dim}; mirrors {@code nn.LogSoftmax(dim)}.
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** {@return the dimension along which exp(values) sum to 1} */
    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.logSoftmax(input, dim);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.log_softmax(x, " + dim + ")\n";
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
