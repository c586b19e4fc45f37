package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;

/**
 * Layer normalisation over the last dimensions of the input. Mirrors {@code torch.nn.LayerNorm}.
 *
 * <p>Input: (*, normalized_shape...). Output: same shape. Each sample is normalised over the
 * trailing {@code normalized_shape} dimensions, {@code (x - mean) / sqrt(var + eps) * weight + bias},
 * with the biased variance; weight starts at ones and bias at zeros, both of shape
 * {@code normalized_shape}.
 */
public class LayerNorm extends Module implements TorchScriptable {
    private final long[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;

    /**
     * A layer over the trailing dimensions {@code normalizedShape}, eps 1e-5, with scale and shift.
     *
     * @param normalizedShape the trailing dimensions to normalise over
     */
    public LayerNorm(long... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * The general form; mirrors {@code LayerNorm(normalized_shape, eps, elementwise_affine)}.
     *
     * @param normalizedShape the trailing dimensions to normalise over
     * @param elementwiseAffine whether the layer has a learnable element-wise scale and shift
     *     (PyTorch's default true)
     * @param eps the value added to the denominator for numerical stability
     */
    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape == null || normalizedShape.length == 0) {
            throw new IllegalArgumentException("LayerNorm needs a non-empty normalized_shape");
        }
        for (long s : normalizedShape) {
            if (s < 1) {
                throw new IllegalArgumentException("LayerNorm needs positive sizes in normalized_shape, got "
                        + PyRepr.tuple(normalizedShape));
            }
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        if (elementwiseAffine) {
            registerParameter("weight", new Parameter(Torch.ones(normalizedShape)));
            registerParameter("bias", new Parameter(Torch.zeros(normalizedShape)));
        }
    }

    /** {@return the trailing dimensions normalised over; mirrors {@code normalized_shape}} */
    public long[] normalizedShape() {
        return normalizedShape.clone();
    }

    /** {@return the value added to the variance for stability; mirrors {@code eps}} */
    public double eps() {
        return eps;
    }

    /**
     * {@return whether the layer has a learnable weight and bias; mirrors {@code
     * elementwise_affine}}
     */
    public boolean elementwiseAffine() {
        return elementwiseAffine;
    }

    /**
     * {@return the scale, of shape {@code normalized_shape}, or {@code null} without elementwise
     * affine}
     */
    public Parameter weight() {
        return parameter("weight");
    }

    /**
     * {@return the shift, of shape {@code normalized_shape}, or {@code null} without elementwise
     * affine}
     */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        try {
            return Functional.layerNorm(input, normalizedShape, weight(), bias(), eps);
        } catch (IllegalArgumentException e) {
            throw io.jtorch.internal.Errors.withContext(e, toString());
        }
    }

    @Override
    public String torchScript() {
        String affine = elementwiseAffine ? "self.weight, self.bias" : "None, None";
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.layer_norm(x, " + PyRepr.list(normalizedShape) + ", " + affine + ", " + PyRepr.num(eps) + ")\n";
    }

    @Override
    public String extraRepr() {
        return PyRepr.tuple(normalizedShape) + ", eps=" + PyRepr.num(eps) + ", elementwise_affine=" + PyRepr.bool(elementwiseAffine);
    }
}
