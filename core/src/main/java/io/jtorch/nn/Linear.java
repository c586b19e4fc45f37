package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;

/**
 * A fully connected layer, {@code y = x Aᵀ + b}. Mirrors {@code torch.nn.Linear}.
 *
 * <p>Input: (*, in_features). Output: (*, out_features). Weight: (out_features, in_features),
 * initialised like PyTorch's (kaiming-uniform with a = √5; bias from U(-1/√in, 1/√in)).
 */
public class Linear extends Module {
    private final long inFeatures;
    private final long outFeatures;

    /**
     * A layer with a bias.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     */
    public Linear(long inFeatures, long outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /**
     * A layer with or without a bias.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @param bias whether the layer has a learnable additive bias (PyTorch's default: true)
     */
    public Linear(long inFeatures, long outFeatures, boolean bias) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear needs non-negative sizes, got in_features=" + inFeatures
                    + ", out_features=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        Parameter w = registerParameter("weight", new Parameter(Torch.empty(outFeatures, inFeatures)));
        Parameter b = bias ? registerParameter("bias", new Parameter(Torch.empty(outFeatures))) : null;
        Init.resetLikePyTorch(w, b);
    }

    /**
     * Size of each input sample; mirrors {@code in_features}.
     *
     * @return the size of each input sample; mirrors {@code in_features}
     */
    public long inFeatures() {
        return inFeatures;
    }

    /**
     * Size of each output sample; mirrors {@code out_features}.
     *
     * @return the size of each output sample; mirrors {@code out_features}
     */
    public long outFeatures() {
        return outFeatures;
    }

    /** {@return the weight, (out_features, in_features)} */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@return the bias, (out_features), or {@code null}} */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        try {
            return Functional.linear(input, weight(), bias());
        } catch (IllegalArgumentException e) {
            long[] shape = input.shape();
            if (shape.length == 0 || shape[shape.length - 1] != weight().size(1)) {
                throw new IllegalArgumentException(this + " expects input of shape [*, " + weight().size(1) + "], got "
                        + Shapes.format(shape), e);
            }
            throw io.jtorch.internal.Errors.withContext(e, toString());
        }
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias() != null ? "True" : "False");
    }
}
