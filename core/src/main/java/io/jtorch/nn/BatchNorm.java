package io.jtorch.nn;

import io.jtorch.DType;
import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;

/**
 * Batch normalisation over the channel dimension: the shared logic of {@link BatchNorm1d} and
 * {@link BatchNorm2d}. Mirrors {@code torch.nn.modules.batchnorm._BatchNorm}.
 *
 * <p>In training mode it normalises with the batch's statistics and updates the running ones
 * ({@code running = (1 - momentum)·running + momentum·batch}); in eval mode it uses the running
 * statistics, so its output for one sample does not depend on the rest of the batch.
 */
public abstract class BatchNorm extends Module {
    private final long numFeatures;
    private final double eps;
    private final double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    /**
     * A layer with learnable scale and shift and running statistics; mirrors the defaults
     * (eps=1e-5, momentum=0.1).
     *
     * @param numFeatures the number of features (channels) {@code C} of the input
     */
    protected BatchNorm(long numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * The general form; mirrors {@code BatchNorm(num_features, eps, momentum, affine,
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
    protected BatchNorm(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("BatchNorm needs num_features >= 1, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        if (affine) {
            registerParameter("weight", new Parameter(Torch.ones(numFeatures)));
            registerParameter("bias", new Parameter(Torch.zeros(numFeatures)));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Torch.zeros(numFeatures));
            registerBuffer("running_var", Torch.ones(numFeatures));
            registerBuffer("num_batches_tracked", Torch.zeros(DType.INT64));
        }
    }

    /** {@return the number of channels C; mirrors {@code num_features}} */
    public long numFeatures() {
        return numFeatures;
    }

    /** {@return the value added to the variance for stability; mirrors {@code eps}} */
    public double eps() {
        return eps;
    }

    /** {@return the running statistics' update rate; mirrors {@code momentum}} */
    public double momentum() {
        return momentum;
    }

    /**
     * {@code num_batches_tracked} may be absent from a state dict loaded strictly, the layer
     * keeping its count: files written by PyTorch before 0.4.1 lack it, and PyTorch's versioned
     * {@code _load_from_state_dict} accepts them.
     */
    @Override
    protected boolean isOptionalStateKey(String name) {
        return name.equals("num_batches_tracked");
    }

    /** {@return the input ranks this layer accepts, e.g. {2, 3} for BatchNorm1d} */
    protected abstract int[] acceptedDims();

    @Override
    public Tensor forward(Tensor input) {
        int dim = input.dim();
        boolean ok = false;
        for (int d : acceptedDims()) {
            ok |= d == dim;
        }
        if (!ok) {
            throw new IllegalArgumentException(this + " expects " + describeDims() + " input, got shape " + Shapes.format(input.shape()));
        }
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException(this + " expects " + numFeatures + " channels in dimension 1, got shape "
                    + Shapes.format(input.shape()));
        }
        boolean useBatchStats = isTraining() || !trackRunningStats;
        if (useBatchStats && input.numel() == numFeatures) {
            // One value per channel has no variance; PyTorch's F.batch_norm refuses it too.
            throw new IllegalArgumentException(this + ": expected more than 1 value per channel when training, got input of shape "
                    + Shapes.format(input.shape()));
        }
        if (isTraining() && trackRunningStats) {
            try (NoGrad g = Torch.noGrad()) {
                buffer("num_batches_tracked").add_(1L);
            }
        }
        return Functional.batchNorm(input, trackRunningStats ? buffer("running_mean") : null,
                trackRunningStats ? buffer("running_var") : null, parameter("weight"), parameter("bias"),
                useBatchStats, momentum, eps);
    }

    private String describeDims() {
        int[] dims = acceptedDims();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : " or ").append(dims[i]).append('D');
        }
        return s.toString();
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + (affine ? "True" : "False")
                + ", track_running_stats=" + (trackRunningStats ? "True" : "False");
    }
}
