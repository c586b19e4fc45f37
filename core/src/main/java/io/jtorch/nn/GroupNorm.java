package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;

/**
 * Group normalisation: the channels are split into {@code num_groups} groups, each normalised
 * over its channels and spatial positions. Mirrors {@code torch.nn.GroupNorm}.
 *
 * <p>Input: (N, C, *). Output: same shape. Per-channel weight (ones) and bias (zeros) of shape
 * (C) when affine.
 */
public class GroupNorm extends Module implements TorchScriptable {
    private final long numGroups;
    private final long numChannels;
    private final double eps;
    private final boolean affine;

    /**
     * {@code numChannels} channels in {@code numGroups} groups, eps 1e-5, affine.
     *
     * @param numGroups the number of groups the channels are split into; must divide
     *     {@code numChannels}
     * @param numChannels the number of channels {@code C} of the input
     */
    public GroupNorm(long numGroups, long numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /**
     * The general form; mirrors {@code GroupNorm(num_groups, num_channels, eps, affine)}.
     *
     * @param numGroups the number of groups the channels are split into; must divide
     *     {@code numChannels}
     * @param numChannels the number of channels {@code C} of the input
     * @param affine whether the layer has a learnable per-channel scale and shift (PyTorch's
     *     default true)
     * @param eps the value added to the denominator for numerical stability
     */
    public GroupNorm(long numGroups, long numChannels, double eps, boolean affine) {
        if (numGroups < 1 || numChannels < 1 || numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels must be divisible by num_groups, got num_groups=" + numGroups
                    + ", num_channels=" + numChannels);
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        if (affine) {
            registerParameter("weight", new Parameter(Torch.ones(numChannels)));
            registerParameter("bias", new Parameter(Torch.zeros(numChannels)));
        }
    }

    /** {@return the number of groups; mirrors {@code num_groups}} */
    public long numGroups() {
        return numGroups;
    }

    /** {@return the number of channels C; mirrors {@code num_channels}} */
    public long numChannels() {
        return numChannels;
    }

    /** {@return the value added to the variance for stability; mirrors {@code eps}} */
    public double eps() {
        return eps;
    }

    /** {@return whether the layer has a per-channel weight and bias; mirrors {@code affine}} */
    public boolean affine() {
        return affine;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 2 || input.size(1) != numChannels) {
            throw new IllegalArgumentException(this + " expects input of shape (N, " + numChannels + ", *), got "
                    + Shapes.format(input.shape()));
        }
        return Functional.groupNorm(input, numGroups, parameter("weight"), parameter("bias"), eps);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.group_norm(x, " + numGroups + ", " + (affine ? "self.weight, self.bias" : "None, None") + ", "
                + PyRepr.num(eps) + ", True)\n";
    }

    @Override
    public String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PyRepr.num(eps) + ", affine=" + PyRepr.bool(affine);
    }
}
