package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * A tensor that is a module's learnable weight. Mirrors {@code torch.nn.Parameter}.
 *
 * <p>A new parameter shares its data with the tensor it was made from, is a leaf of the autograd
 * graph and requires grad unless told otherwise. Parameters are long-lived: they are never
 * released by a {@link io.jtorch.Scope} or a data loader's batch, only by the garbage collector
 * once unreachable.
 */
public class Parameter extends Tensor {
    /**
     * A parameter sharing {@code data}'s values, requiring grad; mirrors {@code
     * nn.Parameter(data)}.
     *
     * @param data the values, shared, not copied
     */
    public Parameter(Tensor data) {
        this(data, true);
    }

    /**
     * A parameter sharing {@code data}'s values; mirrors {@code nn.Parameter(data, requires_grad)}.
     *
     * @param data the values, shared, not copied
     * @param requiresGrad whether autograd computes a gradient for it
     */
    public Parameter(Tensor data, boolean requiresGrad) {
        super(data.raw().detach());
        raw().requires_grad_(requiresGrad);
        retain();
    }

    /**
     * Wraps a tensor that already is a parameter inside libtorch (a TorchScript module's slot)
     * without detaching it: the wrapper and the module share one tensor, gradients included.
     *
     * @param raw the presets' tensor, a parameter inside libtorch
     * @return a parameter sharing {@code raw}
     */
    public static Parameter shared(org.bytedeco.pytorch.Tensor raw) {
        return new Parameter(raw);
    }

    private Parameter(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
        retain();
    }

    /** Drops the accumulated gradient, as {@code param.grad = None} does. */
    public void clearGrad() {
        org.bytedeco.pytorch.Tensor r = raw();
        io.jtorch.internal.GradLock.access(() -> {
            r.mutable_grad().reset();
            return null;
        });
    }

    @Override
    public String toString() {
        return "Parameter containing:\n" + super.toString();
    }
}
