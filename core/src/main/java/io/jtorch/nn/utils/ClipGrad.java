package io.jtorch.nn.utils;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping. Mirrors {@code torch.nn.utils.clip_grad} ({@code clip_grad_norm_},
 * {@code clip_grad_value_}); call between {@code loss.backward()} and {@code optimizer.step()}:
 * <pre>{@code
 * loss.backward();
 * Tensor total = ClipGrad.clipGradNorm_(model.parameters(), 1.0);
 * optimizer.step();
 * }</pre>
 * Parameters without a gradient are skipped. Gradients are changed in place.
 */
@SuppressWarnings("try") // NoGrad guards are held for their scope, not referenced
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * {@link #clipGradNorm_(Iterable, double, double)} with the 2-norm, PyTorch's default.
     *
     * @param parameters the tensors whose gradients are clipped (those without a gradient are
     *     skipped), as {@code model.parameters()} gives them
     * @param maxNorm the largest total norm the gradients may keep
     * @return the total norm of the gradients before clipping, as a one-element tensor
     */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    /**
     * Scales all gradients together so that their total {@code normType}-norm (the norm of all
     * of them concatenated into one vector) is at most {@code maxNorm}; mirrors
     * {@code clip_grad_norm_(parameters, max_norm, norm_type)}. {@code normType} may be
     * {@link Double#POSITIVE_INFINITY} for the largest absolute value.
     *
     * @param parameters the tensors whose gradients are clipped (those without a gradient are
     *     skipped), as {@code model.parameters()} gives them
     * @param maxNorm the largest total norm the gradients may keep
     * @param normType the order {@code p} of the norm ({@code Double.POSITIVE_INFINITY} for the max
     *     norm)
     * @return the total norm before clipping, as a 0-dimensional tensor (0 when no parameter has a gradient)
     */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm, double normType) {
        return clipGradNorm_(parameters, maxNorm, normType, false);
    }

    /**
     * Like {@link #clipGradNorm_(Iterable, double, double)}; with {@code errorIfNonfinite} a NaN or
     * infinite total norm throws instead of scaling the gradients by it.
     *
     * @param parameters the tensors whose gradients are clipped (those without a gradient are
     *     skipped), as {@code model.parameters()} gives them
     * @param maxNorm the largest total norm the gradients may keep
     * @param normType the order {@code p} of the norm ({@code Double.POSITIVE_INFINITY} for the max
     *     norm)
     * @param errorIfNonfinite whether a total norm that is NaN or infinite throws instead of
     *     scaling
     * @return the total norm of the gradients before clipping, as a one-element tensor
     * @throws IllegalStateException when {@code errorIfNonfinite} and the total norm is not finite
     */
    public static Tensor clipGradNorm_(Iterable<? extends Tensor> parameters, double maxNorm, double normType,
                                       boolean errorIfNonfinite) {
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clip_grad_norm_: norm_type must be positive (or infinity), got " + normType);
        }
        List<Tensor> grads = grads(parameters);
        if (grads.isEmpty()) {
            return Torch.tensor(new float[] {0f}, new long[0]);
        }
        try (NoGrad g = Torch.noGrad()) {
            List<Tensor> norms = new ArrayList<>();
            for (Tensor grad : grads) {
                norms.add(norm(grad, normType));
            }
            Tensor total = norms.size() == 1 ? norms.get(0) : norm(Torch.stack(norms, 0), normType);
            double value = total.item();
            if (errorIfNonfinite && !Double.isFinite(value)) {
                throw new IllegalStateException("The total norm of order " + normType + " for gradients from `parameters` is non-finite, "
                        + "so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, "
                        + "set errorIfNonfinite to false");
            }
            // PyTorch: clip_coef = max_norm / (total_norm + 1e-6), i.e. reciprocal() * max_norm, clamped at 1
            Tensor coef = total.add(1e-6).pow(-1).mul(maxNorm).clamp(Double.NEGATIVE_INFINITY, 1.0);
            for (Tensor grad : grads) {
                grad.mul_(coef);
            }
            return total;
        }
    }

    /**
     * Clamps every gradient to [-clipValue, clipValue] in place; mirrors {@code
     * clip_grad_value_(parameters, clip_value)}.
     *
     * @param parameters the tensors whose gradients are clipped (those without a gradient are
     *     skipped), as {@code model.parameters()} gives them
     * @param clipValue the largest absolute value a gradient element may keep
     */
    public static void clipGradValue_(Iterable<? extends Tensor> parameters, double clipValue) {
        try (NoGrad g = Torch.noGrad()) {
            for (Tensor grad : grads(parameters)) {
                grad.copy_(grad.clamp(-clipValue, clipValue));
            }
        }
    }

    private static List<Tensor> grads(Iterable<? extends Tensor> parameters) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            Tensor grad = p.grad();
            if (grad != null) {
                grads.add(grad);
            }
        }
        return grads;
    }

    /** torch.norm(t, p) for a flattened tensor: sqrt of the sum of squares, the largest |x|, or (sum |x|^p)^(1/p). */
    private static Tensor norm(Tensor t, double p) {
        Tensor abs = t.abs();
        if (p == Double.POSITIVE_INFINITY) {
            return abs.max();
        }
        if (p == 2) {
            return abs.mul(abs).sum().sqrt();
        }
        if (p == 1) {
            return abs.sum();
        }
        return abs.pow(p).sum().pow(1 / p);
    }
}
