package io.jtorch.vision.ops;

import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A convolution, then a normalisation layer, then an activation, as one {@link Sequential}.
 * Mirrors {@code torchvision.ops.Conv2dNormActivation}.
 *
 * <p>Children {@code 0} (the {@code Conv2d}), {@code 1} (the norm layer, when there is one) and
 * then the activation (when there is one), so state dict keys are torchvision's
 * ({@code features.0.0.weight}, {@code features.0.1.running_mean}, ...). By default the padding
 * keeps the spatial size at stride 1 ({@code (kernel - 1) / 2 * dilation}) and the convolution has
 * a bias only when there is no norm layer.
 * <pre>{@code
 * var stem = new Conv2dNormActivation(3, 32, Conv2dNormActivation.options().stride(2).activationLayer(() -> new ReLU6(true)));
 * }</pre>
 *
 * <p>Shapes: input (N, C_in, H, W), output (N, C_out, H_out, W_out) as {@link Conv2d}'s.
 */
public class Conv2dNormActivation extends Sequential {
    private final long outChannels;

    /** The keyword arguments of {@link Conv2dNormActivation}, with torchvision's defaults. */
    public static final class Options {
        private long kernelSize = 3;
        private long stride = 1;
        private Long padding;
        private long groups = 1;
        private long dilation = 1;
        private Boolean bias;
        private LongFunction<? extends Module> normLayer = BatchNorm2d::new;
        private Supplier<? extends Module> activationLayer = () -> new ReLU(true);

        private Options() {}

        /**
         * The square kernel's size; default 3.
         *
         * @param k the convolution's square kernel size (default 3)
         * @return these options, for chaining
         */
        public Options kernelSize(long k) {
            this.kernelSize = k;
            return this;
        }

        /**
         * The stride; default 1.
         *
         * @param s the convolution's stride (default 1)
         * @return these options, for chaining
         */
        public Options stride(long s) {
            this.stride = s;
            return this;
        }

        /**
         * Explicit zero padding; by default {@code (kernelSize - 1) / 2 * dilation}.
         *
         * @param p the zero padding on each side
         * @return these options, for chaining
         */
        public Options padding(long p) {
            this.padding = p;
            return this;
        }

        /**
         * Blocked connections; default 1 ({@code groups = channels} is a depthwise convolution).
         *
         * @param g the convolution's {@code groups}; input and output channels must be divisible by
         *     it
         * @return these options, for chaining
         */
        public Options groups(long g) {
            this.groups = g;
            return this;
        }

        /**
         * The dilation; default 1.
         *
         * @param d the spacing between kernel elements (default 1)
         * @return these options, for chaining
         */
        public Options dilation(long d) {
            this.dilation = d;
            return this;
        }

        /**
         * Whether the convolution has a bias; by default only when there is no norm layer.
         *
         * @param b whether the convolution has a bias (by default only when there is no norm layer)
         * @return these options, for chaining
         */
        public Options bias(boolean b) {
            this.bias = b;
            return this;
        }

        /**
         * The norm layer built from the output channels, e.g. {@code c -> new BatchNorm2d(c, 1e-3,
         * 0.01, true, true)}; {@code null} for none.
         *
         * @param f a factory of the norm layer from the output channel count, or {@code null} for
         *     none
         * @return these options, for chaining
         */
        public Options normLayer(LongFunction<? extends Module> f) {
            this.normLayer = f;
            return this;
        }

        /**
         * The activation, e.g. {@code () -> new ReLU6(true)}; {@code null} for none. Default {@code
         * ReLU(inplace=True)}, as torchvision passes {@code inplace=True}.
         *
         * @param f a factory of the activation layer, or {@code null} for none
         * @return these options, for chaining
         */
        public Options activationLayer(Supplier<? extends Module> f) {
            this.activationLayer = f;
            return this;
        }
    }

    /**
     * torchvision's defaults: 3x3, stride 1, batch norm, ReLU.
     *
     * @return new options with torchvision's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * A 3x3 convolution, batch norm and ReLU.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     */
    public Conv2dNormActivation(long inChannels, long outChannels) {
        this(inChannels, outChannels, options());
    }

    /**
     * The general form; mirrors {@code Conv2dNormActivation(in_channels, out_channels, **kwargs)}.
     *
     * @param inChannels the number of channels {@code C_in} of the input
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param o the kernel, stride, padding, norm, activation and bias choices (see
     *     {@link #options()})
     */
    public Conv2dNormActivation(long inChannels, long outChannels, Options o) {
        this.outChannels = outChannels;
        long padding = o.padding != null ? o.padding : (o.kernelSize - 1) / 2 * o.dilation;
        boolean bias = o.bias != null ? o.bias : o.normLayer == null;
        long[] k = {o.kernelSize, o.kernelSize};
        append(new Conv2d(inChannels, outChannels, k, new long[] {o.stride, o.stride}, new long[] {padding, padding},
                new long[] {o.dilation, o.dilation}, o.groups, bias));
        if (o.normLayer != null) {
            append(o.normLayer.apply(outChannels));
        }
        if (o.activationLayer != null) {
            append(o.activationLayer.get());
        }
    }

    /** {@return the number of output channels; mirrors {@code out_channels}} */
    public long outChannels() {
        return outChannels;
    }
}
