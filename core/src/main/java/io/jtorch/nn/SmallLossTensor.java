package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import io.jtorch.internal.GradLock;
import io.jtorch.internal.SerialRegion;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Node;
import org.bytedeco.pytorch.TensorArrayRefOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The loss of a classification loss over a small input, whose backward pass runs the loss's own
 * gradient on the calling thread alone and the rest of the graph as usual.
 *
 * <p>libtorch's {@code log_softmax} and NLL-gradient kernels split even a 64x10 batch across the
 * intra-op team, and with the team asleep between operations each split costs more than the
 * kernel (see {@link SerialRegion}). {@code loss.backward()} here is two passes with the same
 * result: the gradient of the loss with respect to its input, computed alone, then that
 * gradient backpropagated from the input. They are the same computation because the loss
 * depends on the graph only through its input (its target and weight need no gradient, checked
 * when it is made), and the gradient kernels compute each row on its own, so the values are
 * those of a single pass, bit for bit. Once the loss or its input has changed in place, or the
 * input no longer needs a gradient, {@code backward()} is the plain single pass.
 */
final class SmallLossTensor extends Tensor {
    /** The loss's input until the first backward pass, which frees the graph between them; then null. */
    private Tensor input;
    private final long version;
    private final long gradFn;
    private final long inputVersion;
    private final long inputGradFn;

    private SmallLossTensor(org.bytedeco.pytorch.Tensor raw, Tensor input) {
        super(raw);
        this.input = input;
        this.version = raw._version();
        this.gradFn = address(raw.grad_fn());
        org.bytedeco.pytorch.Tensor in = input.raw();
        this.inputVersion = in._version();
        this.inputGradFn = address(in.grad_fn());
    }

    /**
     * Computes a classification loss, on the calling thread alone where {@code input} is small
     * and on the CPU, and wraps it.
     *
     * @param input the loss's input (logits or log-probabilities)
     * @param others the loss's other tensors (target, weight; null entries allowed)
     * @param loss computes the loss
     * @return the loss, as a tensor whose backward pass runs the loss's gradient alone where that applies
     */
    static Tensor compute(Tensor input, Tensor[] others, Supplier<org.bytedeco.pytorch.Tensor> loss) {
        org.bytedeco.pytorch.Tensor in = input.raw();
        boolean small = in.numel() <= SerialRegion.SMALL_LOSS_INPUT && in.is_cpu() && SerialRegion.available();
        org.bytedeco.pytorch.Tensor out;
        try (SerialRegion alone = SerialRegion.open(small)) {
            out = loss.get();
        }
        if (!small || !out.requires_grad() || out.numel() != 1 || !in.requires_grad()) {
            return Tensor.wrap(out);
        }
        for (Tensor t : others) {
            if (t != null && t.requiresGrad()) {
                return Tensor.wrap(out);
            }
        }
        return new SmallLossTensor(out, input);
    }

    @Override
    public void backward() {
        Tensor input = this.input;
        this.input = null; // not kept alive by a loss kept for its value
        org.bytedeco.pytorch.Tensor r = raw();
        if (input == null || torch.get_num_threads() <= 1 || input.isReleased() || r._version() != version || address(r.grad_fn()) != gradFn) {
            super.backward();
            return;
        }
        org.bytedeco.pytorch.Tensor in = input.raw();
        if (!in.requires_grad() || in._version() != inputVersion || address(in.grad_fn()) != inputGradFn) {
            super.backward();
            return;
        }
        try {
            GradLock.backward(() -> {
                try (PointerScope scope = new PointerScope()) {
                    TensorVector grad;
                    try (SerialRegion alone = SerialRegion.open(true)) {
                        grad = torch.grad(new TensorVector(r), new TensorVector(in));
                    }
                    in.backward(grad.get(0), new BoolOptional(), false, new TensorArrayRefOptional());
                }
            });
        } catch (RuntimeException e) {
            throw Errors.translate(e, "backward");
        }
    }

    private static long address(Node n) {
        return n == null || n.isNull() ? 0 : n.address();
    }
}
