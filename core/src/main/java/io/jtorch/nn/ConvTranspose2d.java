package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;
import io.jtorch.jit.TorchScriptable;

/**
 * A transposed 2-D convolution (the gradient of {@link Conv2d}, "deconvolution"). Mirrors
 * {@code torch.nn.ConvTranspose2d}.
 *
 * <p>Input: (N, C_in, H, W) or (C_in, H, W). Output: (N, C_out, H_out, W_out) with
 * {@code H_out = (H - 1)·stride - 2·padding + dilation·(kernel - 1) + output_padding + 1}.
 * Weight: (C_in, C_out / groups, kH, kW), initialised like PyTorch's (weight, then bias).
 * <pre>{@code
 * var up = new ConvTranspose2d(64, 32, 3, ConvTranspose2d.options().stride(2).padding(1).outputPadding(1));
 * }</pre>
 */
public class ConvTranspose2d extends Module implements TorchScriptable {
    private final long inChannels;
    private final long outChannels;
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final long[] outputPadding;
    private final long[] dilation;
    private final long groups;

    /**
     * Stride 1, no padding, a bias.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public ConvTranspose2d(long inChannels, long outChannels, long kernelSize) {
        this(inChannels, outChannels, kernelSize, options());
    }

    /**
     * A square kernel with the keyword arguments in {@code options}.
     *
     * @param options the stride, padding, output padding, groups, bias and dilation (see
     *     {@link #options()})
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public ConvTranspose2d(long inChannels, long outChannels, long kernelSize, Options options) {
        this(inChannels, outChannels, new long[] {kernelSize, kernelSize}, options);
    }

    /**
     * A (kH, kW) kernel with the keyword arguments in {@code options}.
     *
     * @param options the stride, padding, output padding, groups, bias and dilation (see
     *     {@link #options()})
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public ConvTranspose2d(long inChannels, long outChannels, long[] kernelSize, Options options) {
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException("ConvTranspose2d: in_channels (" + inChannels + ") and out_channels (" + outChannels
                    + ") must be positive");
        }
        if (options.groups < 1 || inChannels % options.groups != 0 || outChannels % options.groups != 0) {
            throw new IllegalArgumentException("ConvTranspose2d: in_channels (" + inChannels + ") and out_channels (" + outChannels
                    + ") must be divisible by groups (" + options.groups + ")");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = Conv2d.pair("kernel_size", kernelSize);
        this.stride = options.stride.clone();
        this.padding = options.padding.clone();
        this.outputPadding = options.outputPadding.clone();
        this.dilation = options.dilation.clone();
        this.groups = options.groups;
        for (int i = 0; i < 2; i++) {
            if (this.kernelSize[i] <= 0 || stride[i] <= 0 || dilation[i] <= 0 || padding[i] < 0 || outputPadding[i] < 0) {
                throw new IllegalArgumentException("ConvTranspose2d: kernel_size, stride and dilation must be positive, padding and "
                        + "output_padding non-negative, got " + extraRepr0());
            }
            if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
                throw new IllegalArgumentException("ConvTranspose2d: output_padding must be smaller than either stride or dilation, got "
                        + extraRepr0());
            }
        }
        Parameter w = registerParameter("weight", new Parameter(Torch.empty(inChannels, outChannels / groups, this.kernelSize[0],
                this.kernelSize[1])));
        Parameter b = options.bias ? registerParameter("bias", new Parameter(Torch.empty(outChannels))) : null;
        Init.resetLikePyTorch(w, b);
    }

    /**
     * Keyword arguments with PyTorch's defaults: stride 1, padding 0, output_padding 0, groups 1, a
     * bias, dilation 1.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    /** {@return the weight, (C_in, C_out / groups, kH, kW)} */
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
            return Functional.convTranspose2d(input, weight(), bias(), stride, padding, outputPadding, groups, dilation);
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
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.conv_transpose2d(x, self.weight, " + (bias() != null ? "self.bias" : "None") + ", "
                + Repr.list(stride) + ", " + Repr.list(padding) + ", " + Repr.list(outputPadding) + ", " + groups + ", "
                + Repr.list(dilation) + ")\n";
    }

    @Override
    public String extraRepr() {
        return extraRepr0() + (groups != 1 ? ", groups=" + groups : "") + (bias() == null ? ", bias=False" : "");
    }

    private String extraRepr0() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(Repr.tuple(kernelSize))
                .append(", stride=").append(Repr.tuple(stride));
        if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(Repr.tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(Repr.tuple(dilation));
        }
        if (outputPadding[0] != 0 || outputPadding[1] != 0) {
            s.append(", output_padding=").append(Repr.tuple(outputPadding));
        }
        return s.toString();
    }

    /** The keyword arguments of {@code nn.ConvTranspose2d}, chainable. */
    public static final class Options {
        private long[] stride = {1, 1};
        private long[] padding = {0, 0};
        private long[] outputPadding = {0, 0};
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
         * {@code dilation·(kernel-1) - padding} zero padding on both sides; PyTorch's default is 0.
         *
         * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
         * @return these options, for chaining
         */
        public Options padding(long padding) {
            return padding(padding, padding);
        }

        /**
         * Padding (pH, pW).
         *
         * @param h the zero padding above and below
         * @param w the zero padding left and right
         * @return these options, for chaining
         */
        public Options padding(long h, long w) {
            this.padding = new long[] {h, w};
            return this;
        }

        /**
         * Extra size added to one side of the output; PyTorch's default is 0.
         *
         * @param outputPadding the extra size added to one side of each output dimension, below the
         *     stride
         * @return these options, for chaining
         */
        public Options outputPadding(long outputPadding) {
            return outputPadding(outputPadding, outputPadding);
        }

        /**
         * Output padding (oH, oW).
         *
         * @param h the extra rows added at the bottom
         * @param w the extra columns added on the right
         * @return these options, for chaining
         */
        public Options outputPadding(long h, long w) {
            this.outputPadding = new long[] {h, w};
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
