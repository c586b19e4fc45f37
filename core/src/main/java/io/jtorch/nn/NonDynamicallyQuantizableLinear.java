package io.jtorch.nn;

/**
 * The {@link Linear} that {@link MultiheadAttention} holds as {@code out_proj}; it computes what
 * {@code Linear} computes and exists so that the module prints as PyTorch's. Mirrors
 * {@code torch.nn.modules.linear.NonDynamicallyQuantizableLinear}.
 */
public class NonDynamicallyQuantizableLinear extends Linear {
    /**
     * A layer with or without a bias, initialised as {@link Linear}.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @param bias whether the layer has a learnable additive bias (PyTorch's default: true)
     */
    public NonDynamicallyQuantizableLinear(long inFeatures, long outFeatures, boolean bias) {
        super(inFeatures, outFeatures, bias);
    }
}
