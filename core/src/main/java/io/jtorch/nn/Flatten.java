package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Flattens dimensions {@code startDim..endDim} into one. Mirrors {@code torch.nn.Flatten}.
 * Input: (N, *dims). Output: (N, prod(dims)) with the defaults.
 */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens everything but the batch dimension (start_dim=1, end_dim=-1). */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens dimensions {@code startDim..endDim}.
     *
     * @param startDim the first dimension to flatten (PyTorch's default 1)
     * @param endDim the last dimension to flatten (PyTorch's default -1)
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /** {@return the first flattened dimension} */
    public int startDim() {
        return startDim;
    }

    /** {@return the last flattened dimension} */
    public int endDim() {
        return endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
