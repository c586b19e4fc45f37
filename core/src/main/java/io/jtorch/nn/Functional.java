package io.jtorch.nn;

import io.jtorch.DType;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.util.function.Supplier;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Stateless neural-network functions. Mirrors {@code torch.nn.functional} (usually imported as
 * {@code F}): {@code F.relu(x)} is {@code Functional.relu(x)}. The modules of this package are
 * thin holders of weights around these functions.
 */
public final class Functional {
    /** How a loss reduces its per-element values; mirrors the {@code reduction} argument. */
    public enum Reduction {
        /** One value per element. */
        NONE(0),
        /** The mean (weighted, where weights apply). */
        MEAN(1),
        /** The sum. */
        SUM(2);

        final long code;

        Reduction(long code) {
            this.code = code;
        }
    }

    private static final System.Logger LOG = System.getLogger(Functional.class.getName());

    private Functional() {}

    /** {@code x @ weight.T + bias}; mirrors {@code F.linear}. {@code bias} may be null. Shapes: (*, in) to (*, out). */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        checkSameDevice(input, weight);
        return op(() -> bias == null ? torch.linear(input.raw(), weight.raw())
                : torch.linear(input.raw(), weight.raw(), new TensorOptional(bias.raw())));
    }

    /** 2-D convolution; mirrors {@code F.conv2d}. Shapes: (N, C_in, H, W) to (N, C_out, H', W'). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation, long groups) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv2d(input.raw(), weight.raw(), bias == null ? new TensorOptional() : new TensorOptional(bias.raw()),
                stride, padding, dilation, groups));
    }

    /** Batch normalisation; mirrors {@code F.batch_norm}. Running statistics are updated in place when training. */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return op(() -> torch.batch_norm(input.raw(), optional(weight), optional(bias), optional(runningMean),
                optional(runningVar), training, momentum, eps, true));
    }

    /** Zeroes elements with probability {@code p} and scales the rest by 1/(1-p) when training; mirrors {@code F.dropout}. */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        return op(() -> torch.dropout(input.raw(), p, training));
    }

    /** {@code max(x, 0)}; mirrors {@code F.relu}. */
    public static Tensor relu(Tensor input) {
        return op(() -> torch.relu(input.raw()));
    }

    /** Gaussian error linear unit, exact ({@code approximate='none'}) or tanh-approximated; mirrors {@code F.gelu}. */
    public static Tensor gelu(Tensor input, boolean tanhApproximation) {
        return op(() -> torch.gelu(input.raw(), tanhApproximation ? "tanh" : "none"));
    }

    /** Max pooling over (N, C, H, W); mirrors {@code F.max_pool2d}. */
    public static Tensor maxPool2d(Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation, boolean ceilMode) {
        return op(() -> torch.max_pool2d(input.raw(), kernelSize, stride, padding, dilation, ceilMode));
    }

    /** Average pooling to a fixed output size; mirrors {@code F.adaptive_avg_pool2d}. */
    public static Tensor adaptiveAvgPool2d(Tensor input, long[] outputSize) {
        return op(() -> torch.adaptive_avg_pool2d(input.raw(), outputSize));
    }

    /** Softmax along {@code dim}; mirrors {@code F.softmax}. */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /** Log-softmax along {@code dim}; mirrors {@code F.log_softmax}. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /**
     * Cross-entropy between logits and class indices (int64, shape (N) or (N, d1, ...)) or class
     * probabilities (float, same shape as the input); mirrors {@code F.cross_entropy}.
     *
     * @param weight per-class weights of shape (C), or null
     * @param ignoreIndex a target value that contributes nothing (PyTorch's default is -100)
     * @param labelSmoothing in [0, 1]
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, double labelSmoothing,
                                      Reduction reduction) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be in [0, 1], got " + labelSmoothing);
        }
        DType targetType = target.dtype();
        if (targetType.isFloatingPoint()) {
            long[] inShape = input.shape();
            long[] tShape = target.shape();
            if (!java.util.Arrays.equals(inShape, tShape)) {
                throw new IllegalArgumentException("CrossEntropyLoss: labels must be class indices of dtype int64, got " + targetType
                        + " labels of shape " + Shapes.format(tShape) + " (float labels are class probabilities and must have the "
                        + "input's shape " + Shapes.format(inShape) + "); convert indices with labels.to(DType.INT64)");
            }
        } else if (targetType != DType.INT64) {
            throw new IllegalArgumentException("CrossEntropyLoss: labels must have dtype int64, got " + targetType
                    + "; convert them with labels.to(DType.INT64)");
        }
        try {
            return Tensor.wrap(torch.cross_entropy_loss(input.raw(), target.raw(), optional(weight), reduction.code, ignoreIndex,
                    labelSmoothing));
        } catch (RuntimeException e) {
            Long bad = Errors.outOfBoundsTarget(e);
            if (bad != null) {
                long classes = input.dim() == 1 ? input.size(0) : input.size(1);
                throw new IllegalArgumentException("CrossEntropyLoss: class label " + bad + " is outside [0, " + classes
                        + ") for input with " + classes + " classes", e);
            }
            throw Errors.translate(e, "CrossEntropyLoss on input " + Shapes.format(input.shape()) + " and labels "
                    + Shapes.format(target.shape()));
        }
    }

    /**
     * Mean squared error; mirrors {@code F.mse_loss}. Like PyTorch, shapes that differ are
     * broadcast with a warning, since that is almost always a bug in the caller.
     */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        long[] a = input.shape();
        long[] b = target.shape();
        if (!java.util.Arrays.equals(a, b)) {
            LOG.log(System.Logger.Level.WARNING, "MSELoss: target shape " + Shapes.format(b) + " differs from input shape "
                    + Shapes.format(a) + "; they will be broadcast, which is likely wrong");
        }
        return op(() -> torch.mse_loss(input.raw(), target.raw(), reduction.code));
    }

    /**
     * Throws unless input and weight are on the same device. libtorch lets some mixes through
     * (a meta input on a CPU layer), so layers check before computing.
     */
    static void checkSameDevice(Tensor input, Tensor weight) {
        org.bytedeco.pytorch.Tensor a = input.raw();
        org.bytedeco.pytorch.Tensor b = weight.raw();
        if (a.is_cpu() && b.is_cpu()) {
            return;
        }
        io.jtorch.Device da = input.device();
        io.jtorch.Device dw = weight.device();
        if (!da.equals(dw)) {
            throw new IllegalArgumentException("input is on " + da + " but the weights are on " + dw
                    + "; move the input with input.to(device) or the model with model.to(device)");
        }
    }

    private static TensorOptional optional(Tensor t) {
        return t == null ? new TensorOptional() : new TensorOptional(t.raw());
    }

    private static Tensor op(Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            return Tensor.wrap(f.get());
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }
}
