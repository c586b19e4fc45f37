package io.jtorch.nn;

/**
 * Batch normalisation over (N, C, H, W) input. Mirrors {@code torch.nn.BatchNorm2d}.
 */
public class BatchNorm2d extends BatchNorm {
    /**
     * A layer for {@code numFeatures} channels with PyTorch's defaults.
     *
     * @param numFeatures the number of features (channels) {@code C} of the input
     */
    public BatchNorm2d(long numFeatures) {
        super(numFeatures);
    }

    /**
     * The general form; mirrors {@code BatchNorm2d(num_features, eps, momentum, affine,
     * track_running_stats)}.
     *
     * @param affine whether the layer has a learnable per-channel scale and shift (PyTorch's
     *     default true)
     * @param trackRunningStats whether running means and variances are kept and used in eval mode
     *     (PyTorch's default true)
     * @param numFeatures the number of features (channels) {@code C} of the input
     * @param eps the value added to the denominator for numerical stability
     * @param momentum the factor of the running statistics' update (PyTorch's default 0.1)
     */
    public BatchNorm2d(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected int[] acceptedDims() {
        return new int[] {4};
    }
}
