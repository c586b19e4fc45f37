package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;
import io.jtorch.jit.TorchScriptable;

/**
 * A 1-D convolution over (N, C_in, L) sequences. Mirrors {@code torch.nn.Conv1d}.
 *
 * <p>Input: (N, C_in, L) or (C_in, L). Output: (N, C_out, L_out) with
 * {@code L_out = floor((L + 2·padding - dilation·(kernel-1) - 1) / stride + 1)}. Weight:
 * (C_out, C_in / groups, k), initialised like PyTorch's (weight, then bias).
 * <pre>{@code
 * var conv = new Conv1d(16, 33, 3, Conv1d.options().stride(2).padding(1));
 * }</pre>
 */
public class Conv1d extends Module implements TorchScriptable {
    private final long inChannels;
    private final long outChannels;
    private final long kernelSize;
    private final long stride;
    private final long padding;
    private final String paddingString;
    private final long dilation;
    private final long groups;

    /**
     * Stride 1, no padding, a bias.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public Conv1d(long inChannels, long outChannels, long kernelSize) {
        this(inChannels, outChannels, kernelSize, options());
    }

    /**
     * With the keyword arguments in {@code options}; mirrors {@code Conv1d(in, out, k, stride=...,
     * padding=..., ...)}.
     *
     * @param options the stride, padding, dilation, groups and bias (see {@link #options()})
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public Conv1d(long inChannels, long outChannels, long kernelSize, Options options) {
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || options.stride <= 0 || options.dilation <= 0
                || options.padding < 0) {
            throw new IllegalArgumentException("Conv1d: channels, kernel_size, stride and dilation must be positive and padding "
                    + "non-negative, got " + inChannels + ", " + outChannels + ", kernel_size=" + kernelSize + ", stride="
                    + options.stride + ", padding=" + options.padding + ", dilation=" + options.dilation);
        }
        if (options.groups < 1 || inChannels % options.groups != 0 || outChannels % options.groups != 0) {
            throw new IllegalArgumentException("Conv1d: in_channels (" + inChannels + ") and out_channels (" + outChannels
                    + ") must be divisible by groups (" + options.groups + ")");
        }
        if ("same".equals(options.paddingString) && options.stride != 1) {
            throw new IllegalArgumentException("Conv1d: padding='same' is not supported for strided convolutions");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.stride = options.stride;
        this.padding = options.padding;
        this.paddingString = options.paddingString;
        this.dilation = options.dilation;
        this.groups = options.groups;
        Parameter w = registerParameter("weight", new Parameter(Torch.empty(outChannels, inChannels / groups, kernelSize)));
        Parameter b = options.bias ? registerParameter("bias", new Parameter(Torch.empty(outChannels))) : null;
        Init.resetLikePyTorch(w, b);
    }

    /**
     * Keyword arguments with PyTorch's defaults: stride 1, padding 0, dilation 1, groups 1, a bias.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    /** {@return the weight, (C_out, C_in / groups, k)} */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@return the bias, (C_out), or {@code null}} */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        long[] st = {stride};
        long[] dil = {dilation};
        try {
            return paddingString != null ? Functional.conv1d(input, weight(), bias(), st, paddingString, dil, groups)
                    : Functional.conv1d(input, weight(), bias(), st, new long[] {padding}, dil, groups);
        } catch (RuntimeException e) {
            long[] shape = input.shape();
            if (shape.length != 3 && shape.length != 2 || shape[shape.length - 2] != inChannels) {
                throw new IllegalArgumentException(this + " expects input of shape [N, " + inChannels + ", L], got "
                        + Shapes.format(shape), e);
            }
            throw Errors.withContext(e, toString() + " on input " + Shapes.format(shape));
        }
    }

    @Override
    public String torchScript() {
        String pad = paddingString != null ? "\"" + paddingString + "\"" : "[" + padding + "]";
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.conv1d(x, self.weight, " + (bias() != null ? "self.bias" : "None") + ", [" + stride + "], " + pad
                + ", [" + dilation + "], " + groups + ")\n";
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=(").append(kernelSize).append(",), stride=(")
                .append(stride).append(",)");
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (padding != 0) {
            s.append(", padding=(").append(padding).append(",)");
        }
        if (dilation != 1) {
            s.append(", dilation=(").append(dilation).append(",)");
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias() == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }

    /** The keyword arguments of {@code nn.Conv1d}, chainable: {@code Conv1d.options().stride(2).padding(1).bias(false)}. */
    public static final class Options {
        private long stride = 1;
        private long padding;
        private String paddingString;
        private long dilation = 1;
        private long groups = 1;
        private boolean bias = true;

        private Options() {}

        /**
         * The stride; PyTorch's default is 1.
         *
         * @param stride the stride of the window (PyTorch's {@code stride})
         * @return these options, for chaining
         */
        public Options stride(long stride) {
            this.stride = stride;
            return this;
        }

        /**
         * Zero padding on both sides; PyTorch's default is 0.
         *
         * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
         * @return these options, for chaining
         */
        public Options padding(long padding) {
            this.padding = padding;
            this.paddingString = null;
            return this;
        }

        /**
         * {@code "same"} (stride 1 only) or {@code "valid"}, as PyTorch's {@code padding='same'}.
         *
         * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
         * @return these options, for chaining
         */
        public Options padding(String padding) {
            if (!"same".equals(padding) && !"valid".equals(padding)) {
                throw new IllegalArgumentException("Conv1d: invalid padding string '" + padding + "', should be one of {'valid', 'same'}");
            }
            this.padding = 0;
            this.paddingString = padding;
            return this;
        }

        /**
         * The dilation; PyTorch's default is 1.
         *
         * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default
         *     1)
         * @return these options, for chaining
         */
        public Options dilation(long dilation) {
            this.dilation = dilation;
            return this;
        }

        /**
         * Blocked connections from input to output channels.
         *
         * @param groups the number of blocked connections from input to output channels (PyTorch's
         *     {@code groups}, default 1); both channel counts must be divisible by it
         * @return these options, for chaining
         */
        public Options groups(long groups) {
            this.groups = groups;
            return this;
        }

        /**
         * Whether the layer adds a learnable bias; PyTorch's default is true.
         *
         * @param bias whether the layer has a learnable additive bias (PyTorch's default: true)
         * @return these options, for chaining
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }
    }
}
