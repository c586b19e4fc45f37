package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;

/**
 * A 2-D convolution over (N, C_in, H, W) images. Mirrors {@code torch.nn.Conv2d}.
 *
 * <p>Output: (N, C_out, H_out, W_out) with
 * {@code H_out = floor((H + 2·padding - dilation·(kernel-1) - 1) / stride + 1)}. Weight:
 * (C_out, C_in / groups, kH, kW), initialised like PyTorch's.
 */
public class Conv2d extends Module {
    private final long inChannels;
    private final long outChannels;
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final long[] dilation;
    private final long groups;

    /** A square-kernel convolution with stride 1, no padding, and a bias. */
    public Conv2d(long inChannels, long outChannels, long kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /** A square-kernel convolution with a bias. */
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride, long padding) {
        this(inChannels, outChannels, new long[] {kernelSize, kernelSize}, new long[] {stride, stride},
                new long[] {padding, padding}, new long[] {1, 1}, 1, true);
    }

    /** The general form; mirrors {@code Conv2d(in, out, kernel_size, stride, padding, dilation, groups, bias)}. */
    public Conv2d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
                  long groups, boolean bias) {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: in_channels (" + inChannels + ") and out_channels (" + outChannels
                    + ") must be divisible by groups (" + groups + ")");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = pair("kernel_size", kernelSize);
        this.stride = pair("stride", stride);
        this.padding = pair("padding", padding);
        this.dilation = pair("dilation", dilation);
        this.groups = groups;
        Parameter w = registerParameter("weight",
                new Parameter(Torch.empty(outChannels, inChannels / groups, this.kernelSize[0], this.kernelSize[1])));
        Parameter b = bias ? registerParameter("bias", new Parameter(Torch.empty(outChannels))) : null;
        Init.resetLikePyTorch(w, b);
    }

    private static long[] pair(String name, long[] v) {
        if (v.length == 1) {
            return new long[] {v[0], v[0]};
        }
        if (v.length != 2) {
            throw new IllegalArgumentException("Conv2d " + name + " takes 1 or 2 values, got " + v.length);
        }
        return v.clone();
    }

    /** Number of input channels; mirrors {@code in_channels}. */
    public long inChannels() {
        return inChannels;
    }

    /** Number of output channels; mirrors {@code out_channels}. */
    public long outChannels() {
        return outChannels;
    }

    /** The kernel size (kH, kW). */
    public long[] kernelSize() {
        return kernelSize.clone();
    }

    /** The stride (sH, sW). */
    public long[] stride() {
        return stride.clone();
    }

    /** The zero padding (pH, pW). */
    public long[] padding() {
        return padding.clone();
    }

    /** The dilation (dH, dW). */
    public long[] dilation() {
        return dilation.clone();
    }

    /** The number of groups. */
    public long groups() {
        return groups;
    }

    /** The weight, (C_out, C_in / groups, kH, kW). */
    public Parameter weight() {
        return parameter("weight");
    }

    /** The bias, (C_out), or {@code null}. */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        try {
            return Functional.conv2d(input, weight(), bias(), stride, padding, dilation, groups);
        } catch (RuntimeException e) {
            long[] shape = input.shape();
            if (shape.length != 4 && shape.length != 3 || shape[shape.length - 3] != inChannels) {
                throw new IllegalArgumentException(this + " expects input of shape [N, " + inChannels + ", H, W], got "
                        + Shapes.format(shape), e);
            }
            throw Errors.withContext(e, toString() + " on input " + Shapes.format(shape));
        }
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(tuple(kernelSize))
                .append(", stride=").append(tuple(stride));
        if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(tuple(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias() == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }

    static String tuple(long[] v) {
        return "(" + v[0] + ", " + v[1] + ")";
    }
}
