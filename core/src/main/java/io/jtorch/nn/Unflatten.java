package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * Expands one dimension into several. Mirrors {@code torch.nn.Unflatten} (integer sizes).
 * Input: (*, S, *) at {@code dim}. Output: (*, sizes..., *), where the product of {@code sizes}
 * is S (one entry may be -1).
 */
public class Unflatten extends Module implements TorchScriptable {
    private final int dim;
    private final long[] unflattenedSize;

    /**
     * Splits dimension {@code dim} into {@code unflattenedSize}; mirrors {@code nn.Unflatten(dim,
     * unflattened_size)}.
     *
     * @param unflattenedSize the sizes dimension {@code dim} is split into; their product must be
     *     its size
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Unflatten(int dim, long... unflattenedSize) {
        if (unflattenedSize.length == 0) {
            throw new IllegalArgumentException("Unflatten: unflattened_size must be non-empty");
        }
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    /** {@return the dimension that is expanded} */
    public int dim() {
        return dim;
    }

    /** {@return the sizes it is expanded into} */
    public long[] unflattenedSize() {
        return unflattenedSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        long[] shape = input.shape();
        int d = dim < 0 ? dim + shape.length : dim;
        if (d < 0 || d >= shape.length) {
            throw new IllegalArgumentException(this + ": dimension out of range for input " + Shapes.format(shape));
        }
        long[] out = new long[shape.length - 1 + unflattenedSize.length];
        System.arraycopy(shape, 0, out, 0, d);
        System.arraycopy(unflattenedSize, 0, out, d, unflattenedSize.length);
        System.arraycopy(shape, d + 1, out, d + unflattenedSize.length, shape.length - d - 1);
        try {
            return input.reshape(out);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(this + ": sizes " + Repr.tuple(unflattenedSize) + " do not multiply to "
                    + shape[d] + ", the size of dimension " + dim + " of input " + Shapes.format(shape), e);
        }
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    d = " + dim + "\n"
                + "    if d < 0:\n"
                + "        d = d + x.dim()\n"
                + "    s = x.size()\n"
                + "    return x.reshape(s[:d] + " + Repr.list(unflattenedSize) + " + s[d + 1:])\n";
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + Repr.tuple(unflattenedSize);
    }
}
