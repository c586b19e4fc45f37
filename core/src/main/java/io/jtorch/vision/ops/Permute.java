package io.jtorch.vision.ops;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Module;

/**
 * Returns a view of its input with the dimensions permuted. Mirrors
 * {@code torchvision.ops.misc.Permute}.
 *
 * <p>Shapes: input with {@code dims.length} dimensions, output {@code input.shape[dims[i]]}.
 */
public class Permute extends Module implements TorchScriptable {
    private final long[] dims;

    /**
     * A permutation such as {@code new Permute(0, 2, 3, 1)} (NCHW to NHWC).
     *
     * @param dims the new order of the dimensions, as in {@code torch.permute}
     */
    public Permute(long... dims) {
        boolean[] seen = new boolean[dims.length];
        for (long d : dims) {
            if (d < 0 || d >= dims.length || seen[(int) d]) {
                throw new IllegalArgumentException("Permute: dims must be a permutation of 0.." + (dims.length - 1) + ", got "
                        + java.util.Arrays.toString(dims));
            }
            seen[(int) d] = true;
        }
        this.dims = dims.clone();
    }

    /** {@return the permutation} */
    public long[] dims() {
        return dims.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != dims.length) {
            throw new IllegalArgumentException("Permute" + java.util.Arrays.toString(dims) + " expects a " + dims.length
                    + "-D input, got shape " + io.jtorch.Shapes.format(input.shape()));
        }
        return input.permute(dims);
    }

    @Override
    public String torchScript() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return "def forward(self, x: Tensor) -> Tensor:\n    return torch.permute(x, " + s.append(']') + ")\n";
    }
}
