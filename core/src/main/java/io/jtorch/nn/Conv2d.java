package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;

/**
 * A 2-D convolution over (N, C_in, H, W) images. Mirrors {@code torch.nn.Conv2d}.
 *
 * <p>Input: (N, C_in, H, W) or (C_in, H, W). Output: (N, C_out, H_out, W_out) with
 * {@code H_out = floor((H + 2·padding - dilation·(kernel-1) - 1) / stride + 1)}. Weight:
 * (C_out, C_in / groups, kH, kW), initialised like PyTorch's (weight drawn first, then bias, so a
 * seeded layer equals PyTorch's).
 * <pre>{@code
 * var conv = new Conv2d(64, 128, 3, Conv2d.options().stride(2).padding(1).bias(false));
 * var depthwise = new Conv2d(32, 32, 3, Conv2d.options().padding(1).groups(32));
 * var same = new Conv2d(16, 16, 5, Conv2d.options().padding("same"));
 * }</pre>
 */
public class Conv2d extends Module implements io.jtorch.jit.TorchScriptable {
    private final long inChannels;
    private final long outChannels;
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final long[] dilation;
    private final long groups;
    private final String paddingString;

    /**
     * A square-kernel convolution with stride 1, no padding, and a bias.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public Conv2d(long inChannels, long outChannels, long kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /**
     * A square-kernel convolution with a bias.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride, long padding) {
        this(inChannels, outChannels, new long[] {kernelSize, kernelSize}, new long[] {stride, stride},
                new long[] {padding, padding}, new long[] {1, 1}, 1, true);
    }

    /**
     * A square-kernel convolution with the keyword arguments in {@code options}; mirrors
     * {@code Conv2d(in, out, k, stride=..., padding=..., dilation=..., groups=..., bias=...)}.
     *
     * @param options the stride, padding, dilation, groups and bias (see {@link #options()})
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public Conv2d(long inChannels, long outChannels, long kernelSize, Options options) {
        this(inChannels, outChannels, new long[] {kernelSize, kernelSize}, options);
    }

    /**
     * A (kH, kW)-kernel convolution with the keyword arguments in {@code options}.
     *
     * @param options the stride, padding, dilation, groups and bias (see {@link #options()})
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public Conv2d(long inChannels, long outChannels, long[] kernelSize, Options options) {
        this(inChannels, outChannels, kernelSize, options.stride, options.padding, options.dilation, options.groups, options.bias,
                options.paddingString);
    }

    /**
     * The general form; mirrors {@code Conv2d(in, out, kernel_size, stride, padding, dilation,
     * groups, bias)}.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     * @param groups the number of blocked connections from input to output channels (PyTorch's
     *     {@code groups}, default 1); both channel counts must be divisible by it
     * @param bias whether the layer has a learnable additive bias (PyTorch's default: true)
     */
    public Conv2d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
                  long groups, boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, padding, dilation, groups, bias, null);
    }

    private Conv2d(long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, long[] dilation,
                   long groups, boolean bias, String paddingString) {
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException("Conv2d: in_channels (" + inChannels + ") and out_channels (" + outChannels
                    + ") must be positive");
        }
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
        this.paddingString = paddingString;
        checkPositive("kernel_size", this.kernelSize);
        checkPositive("stride", this.stride);
        checkPositive("dilation", this.dilation);
        if (this.padding[0] < 0 || this.padding[1] < 0) {
            throw new IllegalArgumentException("Conv2d: padding must be non-negative, got " + tuple(this.padding));
        }
        if ("same".equals(paddingString) && (this.stride[0] != 1 || this.stride[1] != 1)) {
            throw new IllegalArgumentException("Conv2d: padding='same' is not supported for strided convolutions");
        }
        Parameter w = registerParameter("weight",
                new Parameter(Torch.empty(outChannels, inChannels / groups, this.kernelSize[0], this.kernelSize[1])));
        Parameter b = bias ? registerParameter("bias", new Parameter(Torch.empty(outChannels))) : null;
        Init.resetLikePyTorch(w, b);
    }

    /**
     * Keyword arguments of {@link Conv2d} with PyTorch's defaults: stride 1, padding 0, dilation 1,
     * groups 1, a bias.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    private static void checkPositive(String name, long[] v) {
        if (v[0] <= 0 || v[1] <= 0) {
            throw new IllegalArgumentException("Conv2d: " + name + " must be positive, got " + tuple(v));
        }
    }

    static long[] pair(String name, long[] v) {
        if (v.length == 1) {
            return new long[] {v[0], v[0]};
        }
        if (v.length != 2) {
            throw new IllegalArgumentException("Conv2d " + name + " takes 1 or 2 values, got " + v.length);
        }
        return v.clone();
    }

    /** {@return number of input channels; mirrors {@code in_channels}} */
    public long inChannels() {
        return inChannels;
    }

    /** {@return number of output channels; mirrors {@code out_channels}} */
    public long outChannels() {
        return outChannels;
    }

    /** {@return the kernel size (kH, kW)} */
    public long[] kernelSize() {
        return kernelSize.clone();
    }

    /** {@return the stride (sH, sW)} */
    public long[] stride() {
        return stride.clone();
    }

    /**
     * {@return the zero padding (pH, pW); (0, 0) with {@code padding="same"} or {@code "valid"}
     * (see {@link #paddingString()})}
     */
    public long[] padding() {
        return padding.clone();
    }

    /** {@return the dilation (dH, dW)} */
    public long[] dilation() {
        return dilation.clone();
    }

    /**
     * {@return {@code "same"} or {@code "valid"} when the padding was given as a string, otherwise
     * {@code null}}
     */
    public String paddingString() {
        return paddingString;
    }

    /** {@return the number of groups} */
    public long groups() {
        return groups;
    }

    /** {@return the weight, (C_out, C_in / groups, kH, kW)} */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@return the bias, (C_out), or {@code null}} */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        try {
            return paddingString != null
                    ? Functional.conv2d(input, weight(), bias(), stride, paddingString, dilation, groups)
                    : Functional.conv2d(input, weight(), bias(), stride, padding, dilation, groups);
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
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (padding[0] != 0 || padding[1] != 0) {
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

    @Override
    public String torchScript() {
        String pad = paddingString != null ? "\"" + paddingString + "\"" : Repr.list(padding);
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.conv2d(x, self.weight, " + (bias() != null ? "self.bias" : "None") + ", " + Repr.list(stride) + ", "
                + pad + ", " + Repr.list(dilation) + ", " + groups + ")\n";
    }

    static String tuple(long[] v) {
        return "(" + v[0] + ", " + v[1] + ")";
    }

    /**
     * The keyword arguments of {@code nn.Conv2d}, chainable:
     * {@code Conv2d.options().stride(2).padding(1).groups(32).bias(false)}.
     */
    public static final class Options {
        private long[] stride = {1, 1};
        private long[] padding = {0, 0};
        private String paddingString;
        private long[] dilation = {1, 1};
        private long groups = 1;
        private boolean bias = true;

        private Options() {}

        /**
         * The same stride along both axes; PyTorch's default is 1.
         *
         * @param stride the stride of the window (PyTorch's {@code stride})
         * @return these options, for chaining
         */
        public Options stride(long stride) {
            return stride(stride, stride);
        }

        /**
         * Strides (sH, sW).
         *
         * @param h the vertical stride
         * @param w the horizontal stride
         * @return these options, for chaining
         */
        public Options stride(long h, long w) {
            this.stride = new long[] {h, w};
            return this;
        }

        /**
         * The same zero padding on all sides; PyTorch's default is 0.
         *
         * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
         * @return these options, for chaining
         */
        public Options padding(long padding) {
            return padding(padding, padding);
        }

        /**
         * Zero padding (pH, pW).
         *
         * @param h the zero padding above and below
         * @param w the zero padding left and right
         * @return these options, for chaining
         */
        public Options padding(long h, long w) {
            this.padding = new long[] {h, w};
            this.paddingString = null;
            return this;
        }

        /**
         * {@code "same"} (output as large as the input; stride 1 only) or {@code "valid"} (no
         * padding), as PyTorch's {@code padding='same'}.
         *
         * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
         * @return these options, for chaining
         */
        public Options padding(String padding) {
            if (!"same".equals(padding) && !"valid".equals(padding)) {
                throw new IllegalArgumentException("Conv2d: invalid padding string '" + padding + "', should be one of {'valid', 'same'}");
            }
            this.padding = new long[] {0, 0};
            this.paddingString = padding;
            return this;
        }

        /**
         * The same dilation along both axes; PyTorch's default is 1.
         *
         * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default
         *     1)
         * @return these options, for chaining
         */
        public Options dilation(long dilation) {
            return dilation(dilation, dilation);
        }

        /**
         * Dilations (dH, dW).
         *
         * @param h the vertical spacing between kernel elements
         * @param w the horizontal spacing between kernel elements
         * @return these options, for chaining
         */
        public Options dilation(long h, long w) {
            this.dilation = new long[] {h, w};
            return this;
        }

        /**
         * Blocked connections from input to output channels; both channel counts must divide by it.
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
