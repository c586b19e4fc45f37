package io.jtorch.nn;

import io.jtorch.DType;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.util.function.Supplier;
import org.bytedeco.pytorch.Scalar;
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
        SUM(2),
        /** The sum divided by the batch size; {@link Functional#klDiv KLDivLoss} only ({@code reduction='batchmean'}). */
        BATCHMEAN(-1);

        final long code;

        Reduction(long code) {
            this.code = code;
        }
    }

    private static final System.Logger LOG = System.getLogger(Functional.class.getName());

    private Functional() {}

    /**
     * {@return {@code x @ weight.T + bias}; mirrors {@code F.linear}} {@code bias} may be null.
     * Shapes: (*, in) to (*, out).
     *
     * @param weight the weight matrix, (out, in)
     * @param bias the bias, (out), or {@code null}
     * @param input the features, (*, in)
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        checkSameDevice(input, weight);
        return op(() -> bias == null ? torch.linear(input.raw(), weight.raw())
                : torch.linear(input.raw(), weight.raw(), new TensorOptional(bias.raw())));
    }

    /**
     * {@return 2-D convolution; mirrors {@code F.conv2d}} Shapes: (N, C_in, H, W) to (N, C_out, H', W').
     *
     * @param weight the kernels, (C_out, C_in / groups, kH, kW)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the images, (N, C_in, H, W) or (C_in, H, W)
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     * @param groups the number of blocked connections from input to output channels (PyTorch's
     *     {@code groups}, default 1); both channel counts must be divisible by it
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation, long groups) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv2d(input.raw(), weight.raw(), bias == null ? new TensorOptional() : new TensorOptional(bias.raw()),
                stride, padding, dilation, groups));
    }

    /**
     * {@return batch normalisation; mirrors {@code F.batch_norm}} Running statistics are updated in place
     * when training.
     *
     * @param weight the per-channel scale, (C), or {@code null}
     * @param bias the per-channel shift, (C), or {@code null}
     * @param input the batch, (N, C) or (N, C, *)
     * @param runningMean the running means, (C), updated in place in training mode, or {@code null}
     * @param runningVar the running variances, (C), updated in place in training mode, or
     *     {@code null}
     * @param training whether the module is in training mode (the op is the identity otherwise)
     * @param momentum the factor of the running statistics' update (PyTorch's default 0.1)
     * @param eps the value added to the denominator for numerical stability
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return op(() -> torch.batch_norm(input.raw(), optional(weight), optional(bias), optional(runningMean),
                optional(runningVar), training, momentum, eps, true));
    }

    /**
     * Zeroes elements with probability {@code p} and scales the rest by 1/(1-p) when training;
     * mirrors {@code F.dropout}.
     *
     * @param input the tensor, of any shape
     * @param p the probability of zeroing an element (PyTorch's default 0.5)
     * @return the input with elements zeroed and the rest scaled by {@code 1 / (1 - p)} in
     *     training, else the input itself
     * @param training whether the module is in training mode (the op is the identity otherwise)
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        return op(() -> torch.dropout(input.raw(), p, training));
    }

    /**
     * {@return {@code max(x, 0)}; mirrors {@code F.relu}}
     *
     * @param input the tensor, of any shape
     */
    public static Tensor relu(Tensor input) {
        return op(() -> torch.relu(input.raw()));
    }

    /**
     * {@return gaussian error linear unit, exact ({@code approximate='none'}) or tanh-approximated;
     * mirrors {@code F.gelu}}
     *
     * @param input the tensor, of any shape
     * @param tanhApproximation whether to use the tanh approximation ({@code approximate='tanh'})
     */
    public static Tensor gelu(Tensor input, boolean tanhApproximation) {
        return op(() -> torch.gelu(input.raw(), tanhApproximation ? "tanh" : "none"));
    }

    /**
     * {@return max pooling over (N, C, H, W); mirrors {@code F.max_pool2d}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param ceilMode whether the output size is rounded up rather than down
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit padding on each side, with -infinity (PyTorch's {@code padding})
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     */
    public static Tensor maxPool2d(Tensor input, long[] kernelSize, long[] stride, long[] padding, long[] dilation, boolean ceilMode) {
        return op(() -> MaxPooling.maxPool2d(input.raw(), kernelSize, stride, padding, dilation, ceilMode));
    }

    /**
     * {@return average pooling to a fixed output size; mirrors {@code F.adaptive_avg_pool2d}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param outputSize the output's (H, W)
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, long[] outputSize) {
        return op(() -> torch.adaptive_avg_pool2d(input.raw(), outputSize));
    }

    /**
     * {@return softmax along {@code dim}; mirrors {@code F.softmax}}
     *
     * @param input the tensor, of any shape
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /**
     * {@return log-softmax along {@code dim}; mirrors {@code F.log_softmax}}
     *
     * @param input the tensor, of any shape
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /**
     * {@return cross-entropy between logits and class indices (int64, shape (N) or (N, d1, ...)) or class
     * probabilities (float, same shape as the input); mirrors {@code F.cross_entropy}}
     *
     * @param input the logits, (N, C), (C) or (N, C, d1, ...)
     * @param target the class indices (int64, (N) or (N, d1, ...)) or class probabilities (the
     *     input's shape)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
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
        long code = code(reduction, "CrossEntropyLoss");
        try {
            return SmallLossTensor.compute(input, new Tensor[] {target, weight},
                    () -> torch.cross_entropy_loss(input.raw(), target.raw(), optional(weight), code, ignoreIndex, labelSmoothing));
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
     * {@return mean squared error; mirrors {@code F.mse_loss}} Like PyTorch, shapes that differ are
     * broadcast with a warning, since that is almost always a bug in the caller.
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        long[] a = input.shape();
        long[] b = target.shape();
        if (!java.util.Arrays.equals(a, b)) {
            LOG.log(System.Logger.Level.WARNING, "MSELoss: target shape " + Shapes.format(b) + " differs from input shape "
                    + Shapes.format(a) + "; they will be broadcast, which is likely wrong");
        }
        long code = code(reduction, "MSELoss");
        return op(() -> torch.mse_loss(input.raw(), target.raw(), code));
    }

    // ---------------------------------------------------------------- activations, pooling and dropout for vision models

    /**
     * {@return 2-D convolution with stride 1, no padding and no bias; mirrors {@code F.conv2d(input,
     * weight)}}
     *
     * @param weight the kernels, (C_out, C_in / groups, kH, kW)
     * @param input the images, (N, C_in, H, W) or (C_in, H, W)
     */
    public static Tensor conv2d(Tensor input, Tensor weight) {
        return conv2d(input, weight, null);
    }

    /**
     * {@return 2-D convolution with stride 1 and no padding; mirrors {@code F.conv2d(input, weight, bias)}}
     * {@code bias} may be null.
     *
     * @param weight the kernels, (C_out, C_in / groups, kH, kW)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the images, (N, C_in, H, W) or (C_in, H, W)
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, 1);
    }

    /**
     * {@return 2-D convolution with square stride and padding; mirrors {@code F.conv2d(input, weight, bias,
     * stride, padding)}}
     *
     * @param weight the kernels, (C_out, C_in / groups, kH, kW)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the images, (N, C_in, H, W) or (C_in, H, W)
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long stride, long padding) {
        return conv2d(input, weight, bias, new long[] {stride, stride}, new long[] {padding, padding}, new long[] {1, 1}, 1);
    }

    /**
     * {@return 2-D convolution with {@code padding="same"} or {@code "valid"}; mirrors
     * {@code F.conv2d(input, weight, bias, stride, padding='same', dilation, groups)}}
     *
     * @param weight the kernels, (C_out, C_in / groups, kH, kW)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the images, (N, C_in, H, W) or (C_in, H, W)
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     * @param groups the number of blocked connections from input to output channels (PyTorch's
     *     {@code groups}, default 1); both channel counts must be divisible by it
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation, long groups) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv2d(input.raw(), weight.raw(), optional(bias), stride, padding, dilation, groups));
    }

    /**
     * {@return {@code x * sigmoid(x)}, the swish; mirrors {@code F.silu}} Any shape.
     *
     * @param input the tensor, of any shape
     */
    public static Tensor silu(Tensor input) {
        return op(() -> torch.silu(input.raw()));
    }

    /**
     * {@return {@code x * relu6(x + 3) / 6}; mirrors {@code F.hardswish}} Any shape.
     *
     * @param input the tensor, of any shape
     */
    public static Tensor hardswish(Tensor input) {
        return op(() -> torch.hardswish(input.raw()));
    }

    /**
     * {@return {@code relu6(x + 3) / 6}; mirrors {@code F.hardsigmoid}} Any shape.
     *
     * @param input the tensor, of any shape
     */
    public static Tensor hardsigmoid(Tensor input) {
        return op(() -> torch.hardsigmoid(input.raw()));
    }

    /**
     * {@return {@code min(max(x, 0), 6)}; mirrors {@code F.relu6}} Any shape.
     *
     * @param input the tensor, of any shape
     */
    public static Tensor relu6(Tensor input) {
        return op(() -> torch.relu6(input.raw()));
    }

    /**
     * {@return {@code 1 / (1 + exp(-x))}; mirrors {@code F.sigmoid} / {@code torch.sigmoid}} Any
     * shape.
     *
     * @param input the tensor, of any shape
     */
    public static Tensor sigmoid(Tensor input) {
        return op(() -> torch.sigmoid(input.raw()));
    }

    /**
     * {@return the hyperbolic tangent; mirrors {@code F.tanh} / {@code torch.tanh}} Any shape.
     *
     * @param input the tensor, of any shape
     */
    public static Tensor tanh(Tensor input) {
        return op(() -> torch.tanh(input.raw()));
    }

    /**
     * {@return average pooling with square windows, stride = kernel size; mirrors {@code F.avg_pool2d(x,
     * k)}} (N, C, H, W) or (C, H, W).
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public static Tensor avgPool2d(Tensor input, long kernelSize) {
        return avgPool2d(input, kernelSize, kernelSize, 0);
    }

    /**
     * {@return average pooling with square windows; mirrors {@code F.avg_pool2d(x, k, stride)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     */
    public static Tensor avgPool2d(Tensor input, long kernelSize, long stride) {
        return avgPool2d(input, kernelSize, stride, 0);
    }

    /**
     * {@return average pooling with square windows and zero padding; mirrors {@code F.avg_pool2d(x, k,
     * stride, padding)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public static Tensor avgPool2d(Tensor input, long kernelSize, long stride, long padding) {
        return avgPool2d(input, new long[] {kernelSize, kernelSize}, new long[] {stride, stride}, new long[] {padding, padding},
                false, true);
    }

    /**
     * {@return average pooling, the general form; mirrors
     * {@code F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param ceilMode whether the output size is rounded up rather than down
     * @param countIncludePad whether the zero padding counts in the average (PyTorch's default
     *     true)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public static Tensor avgPool2d(Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        checkPoolInput("avg_pool2d", input);
        return op(() -> torch.avg_pool2d(input.raw(), kernelSize, stride, padding, ceilMode, countIncludePad,
                new org.bytedeco.pytorch.LongOptional()));
    }

    /**
     * {@return average pooling to {@code size x size}; mirrors {@code F.adaptive_avg_pool2d(x,
     * size)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param size the output's height and width
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, long size) {
        return adaptiveAvgPool2d(input, new long[] {size, size});
    }

    /**
     * Dropout with p = 0.5 in training mode; mirrors {@code F.dropout(x)}.
     *
     * @param input the tensor, of any shape
     * @return the input with elements zeroed and the rest scaled by {@code 1 / (1 - p)} in
     *     training, else the input itself
     */
    public static Tensor dropout(Tensor input) {
        return dropout(input, 0.5, true);
    }

    /**
     * Zeroes whole channels with probability {@code p} (scaling the rest by 1/(1-p)) when training;
     * mirrors {@code F.dropout2d}. Input: (N, C, H, W), or (C, H, W) as one unbatched sample.
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param p the probability of zeroing a channel (PyTorch's default 0.5)
     * @return the input with whole channels zeroed and the rest scaled by {@code 1 / (1 - p)} in
     *     training, else the input itself
     * @param training whether the module is in training mode (the op is the identity otherwise)
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        int dim = input.dim();
        if (dim != 3 && dim != 4) {
            throw new IllegalArgumentException("dropout2d expects input of shape [N, C, H, W] or [C, H, W], got "
                    + Shapes.format(input.shape()));
        }
        if (dim == 3) {
            return op(() -> torch.feature_dropout(input.raw().unsqueeze(0), p, training).squeeze(0));
        }
        return op(() -> torch.feature_dropout(input.raw(), p, training));
    }

    /**
     * {@link #dropout2d(Tensor, double, boolean)} with p = 0.5 in training mode; mirrors {@code
     * F.dropout2d(x)}.
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @return the input with whole channels zeroed and the rest scaled by {@code 1 / (1 - p)} in
     *     training, else the input itself
     */
    public static Tensor dropout2d(Tensor input) {
        return dropout2d(input, 0.5, true);
    }

    private static void checkPoolInput(String what, Tensor input) {
        int dim = input.dim();
        if (dim != 3 && dim != 4) {
            throw new IllegalArgumentException(what + " expects input of shape [N, C, H, W] or [C, H, W], got "
                    + Shapes.format(input.shape()));
        }
    }

    // ---------------------------------------------------------------- more layers' functions, with PyTorch's defaults

    /**
     * {@return {@code x @ weight.T}; mirrors {@code F.linear(input, weight)}} Shapes: (*, in) to
     * (*, out).
     *
     * @param weight the weight matrix, (out, in)
     * @param input the features, (*, in)
     */
    public static Tensor linear(Tensor input, Tensor weight) {
        return linear(input, weight, null);
    }

    /**
     * {@return 1-D convolution with stride 1, no padding; mirrors {@code F.conv1d(input, weight, bias)}}
     * {@code bias} may be null.
     *
     * @param weight the kernels, (C_out, C_in / groups, kL)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the signal, (N, C_in, L) or (C_in, L)
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, new long[] {1}, new long[] {0}, new long[] {1}, 1);
    }

    /**
     * {@return 1-D convolution; mirrors {@code F.conv1d}} Shapes: (N, C_in, L) or (C_in, L) to (N, C_out,
     * L').
     *
     * @param weight the kernels, (C_out, C_in / groups, kL)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the signal, (N, C_in, L) or (C_in, L)
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     * @param groups the number of blocked connections from input to output channels (PyTorch's
     *     {@code groups}, default 1); both channel counts must be divisible by it
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] dilation, long groups) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv1d(input.raw(), weight.raw(), optional(bias), stride, padding, dilation, groups));
    }

    /**
     * {@return 1-D convolution with {@code padding="same"} or {@code "valid"}; mirrors {@code F.conv1d(...,
     * padding='same', ...)}}
     *
     * @param weight the kernels, (C_out, C_in / groups, kL)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the signal, (N, C_in, L) or (C_in, L)
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     * @param groups the number of blocked connections from input to output channels (PyTorch's
     *     {@code groups}, default 1); both channel counts must be divisible by it
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation, long groups) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv1d(input.raw(), weight.raw(), optional(bias), stride, padding, dilation, groups));
    }

    /**
     * {@return transposed 2-D convolution with stride 1; mirrors {@code F.conv_transpose2d(input, weight,
     * bias)}}
     *
     * @param weight the kernels, (C_in, C_out / groups, kH, kW)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the feature map, (N, C_in, H, W) or (C_in, H, W)
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose2d(input, weight, bias, new long[] {1, 1}, new long[] {0, 0}, new long[] {0, 0}, 1, new long[] {1, 1});
    }

    /**
     * {@return transposed 2-D convolution; mirrors
     * {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}}
     * Weight: (C_in, C_out / groups, kH, kW). Shapes: (N, C_in, H, W) to (N, C_out, H', W').
     *
     * @param weight the kernels, (C_in, C_out / groups, kH, kW)
     * @param bias the bias, (C_out), or {@code null}
     * @param input the feature map, (N, C_in, H, W) or (C_in, H, W)
     * @param outputPadding extra size added to one side of each output dimension, below the stride
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     * @param groups the number of blocked connections from input to output channels (PyTorch's
     *     {@code groups}, default 1); both channel counts must be divisible by it
     * @param dilation the spacing between kernel elements (PyTorch's {@code dilation}, default 1)
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, long[] stride, long[] padding, long[] outputPadding,
                                         long groups, long[] dilation) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv_transpose2d(input.raw(), weight.raw(), optional(bias), stride, padding, outputPadding, groups,
                dilation));
    }

    /**
     * {@return the exact GELU; mirrors {@code F.gelu(x)}}
     *
     * @param input the tensor, of any shape
     */
    public static Tensor gelu(Tensor input) {
        return gelu(input, false);
    }

    /**
     * {@return {@code max(0, x) + 0.01 * min(0, x)}; mirrors {@code F.leaky_relu(x)}}
     *
     * @param input the tensor, of any shape
     */
    public static Tensor leakyRelu(Tensor input) {
        return leakyRelu(input, 0.01);
    }

    /**
     * {@return {@code max(0, x) + negativeSlope * min(0, x)}; mirrors {@code F.leaky_relu(x,
     * negative_slope)}}
     *
     * @param input the tensor, of any shape
     * @param negativeSlope the slope for negative inputs (PyTorch's default 0.01)
     */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) {
        return op(() -> torch.leaky_relu(input.raw(), new Scalar(negativeSlope)));
    }

    /**
     * {@return the exponential linear unit with alpha = 1; mirrors {@code F.elu(x)}}
     *
     * @param input the tensor, of any shape
     */
    public static Tensor elu(Tensor input) {
        return elu(input, 1.0);
    }

    /**
     * {@return {@code x} for x > 0, {@code alpha * (exp(x) - 1)} otherwise; mirrors {@code F.elu(x,
     * alpha)}}
     *
     * @param input the tensor, of any shape
     * @param alpha the value {@code alpha * (exp(x) - 1)} tends to for very negative x (PyTorch's
     *     default 1)
     */
    public static Tensor elu(Tensor input, double alpha) {
        return op(() -> torch.elu(input.raw(), new Scalar(alpha), new Scalar(1.0), new Scalar(1.0)));
    }

    /**
     * {@return max pooling with square windows, stride = kernel size; mirrors {@code F.max_pool2d(x, k)}}
     * (N, C, H, W) or (C, H, W).
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public static Tensor maxPool2d(Tensor input, long kernelSize) {
        return maxPool2d(input, kernelSize, kernelSize, 0);
    }

    /**
     * {@return max pooling with square windows; mirrors {@code F.max_pool2d(x, k, stride)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     */
    public static Tensor maxPool2d(Tensor input, long kernelSize, long stride) {
        return maxPool2d(input, kernelSize, stride, 0);
    }

    /**
     * {@return max pooling with square windows and implicit -inf padding; mirrors {@code F.max_pool2d(x, k,
     * stride, padding)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit padding on each side, with -infinity (PyTorch's {@code padding})
     */
    public static Tensor maxPool2d(Tensor input, long kernelSize, long stride, long padding) {
        checkPoolInput("max_pool2d", input);
        return maxPool2d(input, new long[] {kernelSize, kernelSize}, new long[] {stride, stride}, new long[] {padding, padding},
                new long[] {1, 1}, false);
    }

    /**
     * {@return max pooling to {@code size x size}; mirrors {@code F.adaptive_max_pool2d(x, size)}}
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param size the output's height and width
     */
    public static Tensor adaptiveMaxPool2d(Tensor input, long size) {
        return adaptiveMaxPool2d(input, new long[] {size, size});
    }

    /**
     * {@return max pooling to a fixed (H, W); mirrors {@code F.adaptive_max_pool2d(x, (h, w))}} (N,
     * C, H, W) or (C, H, W).
     *
     * @param input the feature map, (N, C, H, W) or (C, H, W)
     * @param outputSize the output's (H, W)
     */
    public static Tensor adaptiveMaxPool2d(Tensor input, long[] outputSize) {
        checkPoolInput("adaptive_max_pool2d", input);
        return op(() -> torch.adaptive_max_pool2d(input.raw(), outputSize).get0());
    }

    /**
     * Nearest-neighbour resizing to {@code size}; mirrors {@code F.interpolate(x, size=size)}.
     *
     * @param input the batch, (N, C, W), (N, C, H, W) or (N, C, D, H, W)
     * @param size the output's spatial size
     * @return the resized batch
     */
    public static Tensor interpolate(Tensor input, long[] size) {
        return interpolateImpl(input, size, null, "nearest", null);
    }

    /**
     * Resizing to {@code size} with {@code mode} ("nearest", "linear", "bilinear", "bicubic");
     * mirrors {@code F.interpolate(x, size, mode=mode)}.
     *
     * @param input the batch, (N, C, W), (N, C, H, W) or (N, C, D, H, W)
     * @param size the output's spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     * @return the resized batch
     */
    public static Tensor interpolate(Tensor input, long[] size, String mode) {
        return interpolateImpl(input, size, null, mode, null);
    }

    /**
     * Like {@link #interpolate(Tensor, long[], String)} with {@code align_corners} (interpolating
     * modes only).
     *
     * @param input the batch, (N, C, W), (N, C, H, W) or (N, C, D, H, W)
     * @param size the output's spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     * @param alignCorners whether the corner pixels of input and output are aligned (PyTorch's
     *     {@code align_corners})
     * @return the resized batch
     */
    public static Tensor interpolate(Tensor input, long[] size, String mode, boolean alignCorners) {
        return interpolateImpl(input, size, null, mode, alignCorners);
    }

    /**
     * Nearest-neighbour resizing by {@code scaleFactor}; mirrors {@code F.interpolate(x,
     * scale_factor=s)}.
     *
     * @param input the batch, (N, C, W), (N, C, H, W) or (N, C, D, H, W)
     * @param scaleFactor the multiplier of each spatial size
     * @return the resized batch
     */
    public static Tensor interpolate(Tensor input, double scaleFactor) {
        return interpolateImpl(input, null, scaleFactor, "nearest", null);
    }

    /**
     * Resizing by {@code scaleFactor} (output size {@code floor(size * scaleFactor)}); mirrors
     * {@code F.interpolate(x, scale_factor=s, mode=mode)}.
     *
     * @param input the batch, (N, C, W), (N, C, H, W) or (N, C, D, H, W)
     * @param scaleFactor the multiplier of each spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     * @return the resized batch
     */
    public static Tensor interpolate(Tensor input, double scaleFactor, String mode) {
        return interpolateImpl(input, null, scaleFactor, mode, null);
    }

    /**
     * Like {@link #interpolate(Tensor, double, String)} with {@code align_corners} (interpolating
     * modes only).
     *
     * @param input the batch, (N, C, W), (N, C, H, W) or (N, C, D, H, W)
     * @param scaleFactor the multiplier of each spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     * @param alignCorners whether the corner pixels of input and output are aligned (PyTorch's
     *     {@code align_corners})
     * @return the resized batch
     */
    public static Tensor interpolate(Tensor input, double scaleFactor, String mode, boolean alignCorners) {
        return interpolateImpl(input, null, scaleFactor, mode, alignCorners);
    }

    /**
     * {@return zero padding; mirrors {@code F.pad(x, pad)}} {@code pad} lists (before, after) pairs from the
     * last dimension backwards: {@code {1, 1, 2, 0}} pads the width by 1 on both sides and the
     * height by 2 at the top.
     *
     * @param input the tensor to pad
     * @param pad (before, after) pairs from the last dimension backwards
     */
    public static Tensor pad(Tensor input, long[] pad) {
        return pad(input, pad, "constant", 0.0);
    }

    /**
     * {@return constant padding with {@code value}; mirrors {@code F.pad(x, pad, value=value)}}
     *
     * @param input the tensor to pad
     * @param pad (before, after) pairs from the last dimension backwards
     * @param value the value written in the padding
     */
    public static Tensor pad(Tensor input, long[] pad, double value) {
        return pad(input, pad, "constant", value);
    }

    /**
     * {@return padding with {@code mode} "constant", "reflect", "replicate" or "circular"; mirrors
     * {@code F.pad(x, pad, mode)}}
     *
     * @param input the tensor to pad
     * @param pad (before, after) pairs from the last dimension backwards
     * @param mode {@code "constant"}, {@code "reflect"}, {@code "replicate"} or {@code "circular"}
     */
    public static Tensor pad(Tensor input, long[] pad, String mode) {
        return pad(input, pad, mode, 0.0);
    }

    private static Tensor pad(Tensor input, long[] pad, String mode, double value) {
        if (pad.length % 2 != 0 || pad.length / 2 > input.dim()) {
            throw new IllegalArgumentException("pad: padding length must be even and at most twice the input's dimensions ("
                    + input.dim() + "), got " + pad.length + " values for input " + Shapes.format(input.shape()));
        }
        if (!java.util.List.of("constant", "reflect", "replicate", "circular").contains(mode)) {
            throw new IllegalArgumentException("pad: unknown padding mode '" + mode + "' (constant, reflect, replicate, circular)");
        }
        org.bytedeco.pytorch.DoubleOptional v = "constant".equals(mode) ? new org.bytedeco.pytorch.DoubleOptional(value)
                : new org.bytedeco.pytorch.DoubleOptional();
        return op(() -> torch.pad(input.raw(), pad, mode, v));
    }

    /**
     * {@return one-hot encoding with as many classes as the largest label + 1; mirrors {@code
     * F.one_hot(labels)}} int64 in, int64 out (*, C).
     *
     * @param labels the class labels, int64, of any shape
     */
    public static Tensor oneHot(Tensor labels) {
        return oneHot(labels, -1);
    }

    /**
     * {@return one-hot encoding of int64 labels in [0, numClasses); mirrors {@code F.one_hot(labels,
     * num_classes)}} Shape (*) to (*, C).
     *
     * @param labels the class labels, int64, of any shape
     * @param numClasses the number of classes {@code C}; every label must be below it
     */
    public static Tensor oneHot(Tensor labels, long numClasses) {
        if (labels.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot: labels must have dtype int64, got " + labels.dtype()
                    + "; convert them with labels.to(DType.INT64)");
        }
        return op(() -> torch.one_hot(labels.raw(), numClasses));
    }

    /**
     * Divides by the 2-norm along dim 1 (at least 1e-12); mirrors {@code F.normalize(x)}.
     *
     * @param input the tensor, of any shape
     * @return the input divided by its norm along the dimension
     */
    public static Tensor normalize(Tensor input) {
        return normalize(input, 2.0, 1, 1e-12);
    }

    /**
     * Divides by the p-norm along {@code dim}; mirrors {@code F.normalize(x, p, dim)}.
     *
     * @param input the tensor, of any shape
     * @param p the order of the norm (PyTorch's default 2)
     * @return the input divided by its norm along the dimension
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor normalize(Tensor input, double p, int dim) {
        return normalize(input, p, dim, 1e-12);
    }

    /**
     * Divides by {@code max(||x||_p, eps)} along {@code dim}; mirrors {@code F.normalize(x, p, dim,
     * eps)}.
     *
     * @param input the tensor, of any shape
     * @param p the order of the norm (PyTorch's default 2)
     * @return the input divided by its norm along the dimension
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param eps the value added to the denominator for numerical stability
     */
    public static Tensor normalize(Tensor input, double p, int dim, double eps) {
        return op(() -> {
            org.bytedeco.pytorch.Tensor x = input.raw();
            org.bytedeco.pytorch.Tensor norm = torch.norm(x, new org.bytedeco.pytorch.ScalarOptional(new Scalar(p)), new long[] {dim},
                    true);
            return torch.div(x, norm.clamp_min(new Scalar(eps)).expand_as(x));
        });
    }

    /**
     * {@return cosine similarity along dim 1 (eps 1e-8); mirrors {@code F.cosine_similarity(x1,
     * x2)}}
     *
     * @param x1 the first tensor
     * @param x2 the second tensor, broadcast against the first
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2) {
        return cosineSimilarity(x1, x2, 1, 1e-8);
    }

    /**
     * {@return cosine similarity along {@code dim}; mirrors {@code F.cosine_similarity(x1, x2, dim, eps)}}
     * Broadcasts; the dim is removed.
     *
     * @param x1 the first tensor
     * @param x2 the second tensor, broadcast against the first
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param eps the value added to the denominator for numerical stability
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
        return op(() -> torch.cosine_similarity(x1.raw(), x2.raw(), dim, eps));
    }

    // ---------------------------------------------------------------- losses, with PyTorch's defaults

    /**
     * {@return mean cross-entropy between logits and int64 labels; mirrors {@code
     * F.cross_entropy(input, target)}}
     *
     * @param input the logits, (N, C), (C) or (N, C, d1, ...)
     * @param target the class indices (int64, (N) or (N, d1, ...)) or class probabilities (the
     *     input's shape)
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX, 0.0, Reduction.MEAN);
    }

    /**
     * {@return mean negative log-likelihood of log-probabilities; mirrors {@code F.nll_loss(input,
     * target)}}
     *
     * @param input the log-probabilities, (N, C), (C) or (N, C, d1, ...)
     * @param target the class indices, int64, (N) or (N, d1, ...)
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, CrossEntropyLoss.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /**
     * {@return negative log-likelihood; mirrors {@code F.nll_loss(input, target, weight, ignore_index=..., reduction=...)}}
     * Input: (N, C) or (N, C, d1, ...) log-probabilities. Target: int64 (N) or (N, d1, ...) in [0, C).
     *
     * @param input the log-probabilities, (N, C), (C) or (N, C, d1, ...)
     * @param target the class indices, int64, (N) or (N, d1, ...)
     * @param ignoreIndex a target value that is ignored and does not count in the mean (PyTorch's
     *     default -100)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight per-class weights of shape (C), or null
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException("NLLLoss: labels must have dtype int64, got " + target.dtype()
                    + "; convert them with labels.to(DType.INT64)");
        }
        long code = code(reduction, "NLLLoss");
        try {
            return SmallLossTensor.compute(input, new Tensor[] {target, weight},
                    () -> torch.nll_loss_nd(input.raw(), target.raw(), optional(weight), code, ignoreIndex));
        } catch (RuntimeException e) {
            Long bad = Errors.outOfBoundsTarget(e);
            if (bad != null) {
                long classes = input.dim() == 1 ? input.size(0) : input.size(1);
                throw new IllegalArgumentException("NLLLoss: class label " + bad + " is outside [0, " + classes + ") for input with "
                        + classes + " classes", e);
            }
            throw Errors.translate(e, "NLLLoss on input " + Shapes.format(input.shape()) + " and labels " + Shapes.format(target.shape()));
        }
    }

    /**
     * {@return mean squared error; mirrors {@code F.mse_loss(input, target)}}
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /**
     * {@return mean absolute error; mirrors {@code F.l1_loss(input, target)}}
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /**
     * {@return absolute error; mirrors {@code F.l1_loss(input, target, reduction=...)}} Shapes that differ
     * broadcast, with a warning.
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        warnIfShapesDiffer("L1Loss", input, target);
        long code = code(reduction, "L1Loss");
        return op(() -> torch.l1_loss(input.raw(), target.raw(), code));
    }

    /**
     * {@return smooth L1 loss with beta = 1; mirrors {@code F.smooth_l1_loss(input, target)}}
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * {@return {@code 0.5 (x - y)² / beta} where {@code |x - y| < beta}, else {@code |x - y| - 0.5 beta};
     * mirrors {@code F.smooth_l1_loss(input, target, reduction=..., beta=...)}}
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     * @param beta the threshold where the loss turns from quadratic to linear (PyTorch's default 1)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) {
            throw new IllegalArgumentException("SmoothL1Loss: beta must be non-negative, got " + beta);
        }
        warnIfShapesDiffer("SmoothL1Loss", input, target);
        long code = code(reduction, "SmoothL1Loss");
        return op(() -> torch.smooth_l1_loss(input.raw(), target.raw(), code, beta));
    }

    /**
     * {@return huber loss with delta = 1; mirrors {@code F.huber_loss(input, target)}}
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return huberLoss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * {@return {@code 0.5 (x - y)²} where {@code |x - y| < delta}, else {@code delta (|x - y| - 0.5 delta)};
     * mirrors {@code F.huber_loss(input, target, reduction=..., delta=...)}}
     *
     * @param input the predictions, of any shape
     * @param target the targets, of the input's shape
     * @param delta the threshold where the loss turns from quadratic to linear (PyTorch's default
     *     1)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive, got " + delta);
        }
        warnIfShapesDiffer("HuberLoss", input, target);
        long code = code(reduction, "HuberLoss");
        return op(() -> torch.huber_loss(input.raw(), target.raw(), code, delta));
    }

    /**
     * {@return mean binary cross-entropy of probabilities in [0, 1]; mirrors {@code
     * F.binary_cross_entropy(input, target)}}
     *
     * @param input the predicted probabilities, in [0, 1], of any shape
     * @param target the targets, of the input's shape, in [0, 1]
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /**
     * {@return binary cross-entropy; mirrors {@code F.binary_cross_entropy(input, target, weight, reduction=...)}}
     * Input and target: the same shape, input in [0, 1].
     *
     * @param input the predicted probabilities, in [0, 1], of any shape
     * @param target the targets, of the input's shape, in [0, 1]
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight a rescaling weight broadcast to the input's shape, or null
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        checkSameShape("BCELoss", input, target);
        long code = code(reduction, "BCELoss");
        try {
            org.bytedeco.pytorch.Tensor w = weight == null ? null : torch.broadcast_to(weight.raw(), input.shape());
            return Tensor.wrap(torch.binary_cross_entropy(input.raw(), target.raw(),
                    w == null ? new TensorOptional() : new TensorOptional(w), code));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "BCELoss on input " + Shapes.format(input.shape()));
        }
    }

    /**
     * {@return mean binary cross-entropy of logits; mirrors {@code
     * F.binary_cross_entropy_with_logits(input, target)}}
     *
     * @param input the logits, of any shape
     * @param target the targets, of the input's shape, in [0, 1]
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /**
     * {@return binary cross-entropy of logits, numerically stable; mirrors
     * {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction=..., pos_weight=...)}}
     *
     * @param input the logits, of any shape
     * @param target the targets, of the input's shape, in [0, 1]
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight a rescaling weight broadcast to the input's shape, or null
     * @param posWeight the weight of positive examples, one per class (broadcast along the last dimension), or null
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        checkSameShape("BCEWithLogitsLoss", input, target);
        long code = code(reduction, "BCEWithLogitsLoss");
        return op(() -> torch.binary_cross_entropy_with_logits(input.raw(), target.raw(), optional(weight), optional(posWeight), code));
    }

    /**
     * {@return kullback-Leibler divergence with the mean over elements; mirrors {@code
     * F.kl_div(input, target)}}
     *
     * @param input the log-probabilities, of any shape
     * @param target the probabilities (or log-probabilities with {@code logTarget}), of the input's
     *     shape
     */
    public static Tensor klDiv(Tensor input, Tensor target) {
        return klDiv(input, target, Reduction.MEAN, false);
    }

    /**
     * {@return kullback-Leibler divergence; mirrors {@code F.kl_div(input, target, reduction=...)}}
     *
     * @param input the log-probabilities, of any shape
     * @param target the probabilities (or log-probabilities with {@code logTarget}), of the input's
     *     shape
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction) {
        return klDiv(input, target, reduction, false);
    }

    /**
     * {@return kullback-Leibler divergence of {@code target} from the log-probabilities {@code input}:
     * {@code target * (log(target) - input)}; mirrors
     * {@code F.kl_div(input, target, reduction=..., log_target=...)}} {@link Reduction#BATCHMEAN}
     * divides the sum by the batch size, the mathematically correct KL divergence.
     *
     * @param input the log-probabilities, of any shape
     * @param target the probabilities (or log-probabilities with {@code logTarget}), of the input's
     *     shape
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param logTarget whether {@code target} holds log-probabilities too
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        if (reduction == Reduction.BATCHMEAN) {
            if (input.dim() == 0) {
                return op(() -> torch.kl_div(input.raw(), target.raw(), Reduction.SUM.code, logTarget));
            }
            long batch = input.size(0);
            return op(() -> torch.kl_div(input.raw(), target.raw(), Reduction.SUM.code, logTarget).div(new Scalar(batch)));
        }
        return op(() -> torch.kl_div(input.raw(), target.raw(), reduction.code, logTarget));
    }

    /** F.interpolate for (N, C, L) and (N, C, H, W): exactly one of size and scaleFactor; alignCorners null when not given. */
    private static Tensor interpolateImpl(Tensor input, long[] size, Double scaleFactor, String mode, Boolean alignCorners) {
        int spatial = input.dim() - 2;
        if (spatial != 1 && spatial != 2) {
            throw new IllegalArgumentException("interpolate expects input of shape [N, C, L] or [N, C, H, W], got "
                    + Shapes.format(input.shape()));
        }
        boolean linear = mode.equals("linear") || mode.equals("bilinear") || mode.equals("bicubic");
        if (!linear && !mode.equals("nearest")) {
            throw new IllegalArgumentException("interpolate: unsupported mode '" + mode + "' (nearest, linear, bilinear, bicubic)");
        }
        if (!linear && alignCorners != null) {
            throw new IllegalArgumentException("interpolate: align_corners option can only be set with the interpolating modes: "
                    + "linear | bilinear | bicubic | trilinear");
        }
        if (!mode.equals("nearest") && !mode.equals(spatial == 1 ? "linear" : "bilinear") && !(spatial == 2 && mode.equals("bicubic"))) {
            throw new IllegalArgumentException("interpolate: mode '" + mode + "' does not fit input " + Shapes.format(input.shape())
                    + " (" + spatial + " spatial dimension" + (spatial == 1 ? ": nearest or linear)" : "s: nearest, bilinear or bicubic)"));
        }
        long[] out = new long[spatial];
        if (size != null) {
            if (size.length != spatial && size.length != 1) {
                throw new IllegalArgumentException("interpolate: size " + Shapes.format(size) + " does not fit input "
                        + Shapes.format(input.shape()) + " with " + spatial + " spatial dimension(s)");
            }
            for (int i = 0; i < spatial; i++) {
                out[i] = size.length == 1 ? size[0] : size[i];
                if (out[i] <= 0) {
                    throw new IllegalArgumentException("interpolate: output sizes must be positive, got " + Shapes.format(size));
                }
            }
        } else {
            if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
                throw new IllegalArgumentException("interpolate: scale_factor must be positive and finite, got " + scaleFactor);
            }
            for (int i = 0; i < spatial; i++) {
                out[i] = (long) Math.floor(input.size(2 + i) * scaleFactor);
            }
        }
        boolean corners = alignCorners != null && alignCorners;
        org.bytedeco.pytorch.DoubleOptional s = scaleFactor == null ? new org.bytedeco.pytorch.DoubleOptional()
                : new org.bytedeco.pytorch.DoubleOptional(scaleFactor);
        org.bytedeco.pytorch.Tensor x = input.raw();
        return op(() -> {
            switch (mode) {
                case "nearest":
                    return spatial == 1 ? torch.upsample_nearest1d(x, out, s) : torch.upsample_nearest2d(x, out, s, s);
                case "linear":
                    return torch.upsample_linear1d(x, out, corners, s);
                case "bilinear":
                    return torch.upsample_bilinear2d(x, out, corners, s, s);
                default:
                    return torch.upsample_bicubic2d(x, out, corners, s, s);
            }
        });
    }

    private static long code(Reduction reduction, String loss) {
        if (reduction == Reduction.BATCHMEAN) {
            throw new IllegalArgumentException(loss + ": reduction BATCHMEAN is only for KLDivLoss; use MEAN, SUM or NONE");
        }
        return reduction.code;
    }

    private static void checkSameShape(String loss, Tensor input, Tensor target) {
        if (!java.util.Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(loss + ": target shape " + Shapes.format(target.shape()) + " must be the same as input shape "
                    + Shapes.format(input.shape()));
        }
    }

    private static void warnIfShapesDiffer(String loss, Tensor input, Tensor target) {
        long[] a = input.shape();
        long[] b = target.shape();
        if (!java.util.Arrays.equals(a, b)) {
            LOG.log(System.Logger.Level.WARNING, loss + ": target shape " + Shapes.format(b) + " differs from input shape "
                    + Shapes.format(a) + "; they will be broadcast, which is likely wrong");
        }
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

    // ---------------------------------------------------------------- normalization, embedding, attention

    /**
     * {@return layer normalisation over the trailing dimensions {@code normalizedShape}; mirrors
     * {@code F.layer_norm}} {@code weight} and {@code bias} (of shape {@code normalizedShape}) may be null.
     *
     * @param weight the element-wise scale, of shape {@code normalizedShape}, or {@code null}
     * @param bias the element-wise shift, of shape {@code normalizedShape}, or {@code null}
     * @param input the tensor, whose trailing dimensions are {@code normalizedShape}
     * @param normalizedShape the trailing dimensions to normalise over
     * @param eps the value added to the denominator for numerical stability
     */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        long[] shape = input.shape();
        boolean fits = normalizedShape.length > 0 && normalizedShape.length <= shape.length;
        for (int i = 0; fits && i < normalizedShape.length; i++) {
            fits = shape[shape.length - normalizedShape.length + i] == normalizedShape[i];
        }
        if (!fits) {
            throw new IllegalArgumentException("layer_norm: input of shape " + Shapes.format(shape) + " does not end in the normalized shape "
                    + Shapes.format(normalizedShape));
        }
        return op(() -> torch.layer_norm(input.raw(), normalizedShape, optional(weight), optional(bias), eps, true));
    }

    /**
     * {@return layer normalisation without scale and shift, eps 1e-5; mirrors {@code
     * F.layer_norm(x, normalized_shape)}}
     *
     * @param input the tensor, whose trailing dimensions are {@code normalizedShape}
     * @param normalizedShape the trailing dimensions to normalise over
     */
    public static Tensor layerNorm(Tensor input, long... normalizedShape) {
        return layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /**
     * {@return group normalisation of (N, C, *) over groups of C / numGroups channels; mirrors
     * {@code F.group_norm}} {@code weight} and {@code bias} (of shape (C)) may be null.
     *
     * @param weight the per-channel scale, (C), or {@code null}
     * @param bias the per-channel shift, (C), or {@code null}
     * @param input the batch, (N, C, *); C must be divisible by {@code numGroups}
     * @param numGroups the number of groups the channels are split into
     * @param eps the value added to the denominator for numerical stability
     */
    public static Tensor groupNorm(Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
        if (input.dim() < 2 || numGroups < 1 || input.size(1) % numGroups != 0) {
            throw new IllegalArgumentException("group_norm: expected input of shape (N, C, *) with C divisible by num_groups=" + numGroups
                    + ", got " + Shapes.format(input.shape()));
        }
        return op(() -> torch.group_norm(input.raw(), numGroups, optional(weight), optional(bias), eps, true));
    }

    /**
     * {@return group normalisation without scale and shift, eps 1e-5; mirrors {@code
     * F.group_norm(x, num_groups)}}
     *
     * @param input the batch, (N, C, *); C must be divisible by {@code numGroups}
     * @param numGroups the number of groups the channels are split into
     */
    public static Tensor groupNorm(Tensor input, long numGroups) {
        return groupNorm(input, numGroups, null, null, 1e-5);
    }

    /**
     * {@return the rows of {@code weight} (num_embeddings, embedding_dim) at the int64 {@code
     * indices}; mirrors {@code F.embedding}}
     *
     * @param weight the embedding table, (num_embeddings, embedding_dim)
     * @param indices the int64 indices, of any shape
     */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return embedding(indices, weight, null);
    }

    /**
     * Like {@link #embedding(Tensor, Tensor)}, with {@code paddingIdx} (negative counts from the
     * end, null for none) a row that receives no gradient; mirrors {@code F.embedding(input, weight, padding_idx)}.
     *
     * @param weight the embedding table, (num_embeddings, embedding_dim)
     * @param indices the int64 indices, of any shape
     * @param paddingIdx the row that gets no gradient (negative counts from the end), or
     *     {@code null}
     * @return the rows of {@code weight} at {@code indices}, of shape (*indices, embedding_dim)
     */
    public static Tensor embedding(Tensor indices, Tensor weight, Long paddingIdx) {
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("embedding: weight must be 2-D (num_embeddings, embedding_dim), got " + Shapes.format(weight.shape()));
        }
        long n = weight.size(0);
        DType t = indices.dtype();
        if (t != DType.INT64 && t != DType.INT32) {
            throw new IllegalArgumentException("embedding: indices must be int64 or int32, got " + t + "; convert them with indices.to(DType.INT64)");
        }
        long pad = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + n : paddingIdx;
        if (paddingIdx != null && (pad < 0 || pad >= n)) {
            throw new IllegalArgumentException("embedding: padding_idx " + paddingIdx + " must be within num_embeddings " + n);
        }
        if (indices.numel() > 0) {
            long lo = indices.min().itemLong();
            long hi = indices.max().itemLong();
            if (lo < 0 || hi >= n) {
                throw new IllegalArgumentException("embedding: index " + (lo < 0 ? lo : hi) + " is out of range for " + n + " embeddings");
            }
        }
        return op(() -> torch.embedding(weight.raw(), indices.raw(), pad, false, false));
    }

    /**
     * {@return {@code softmax(q kᵀ / √E + mask) v} over (*, L, E) queries and (*, S, E) keys and values;
     * mirrors {@code F.scaled_dot_product_attention(q, k, v)} of PyTorch 2}
     *
     * @param query the queries, (*, L, E)
     * @param key the keys, (*, S, E)
     * @param value the values, (*, S, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value) {
        return scaledDotProductAttention(query, key, value, null, 0, false);
    }

    /**
     * {@return scaled dot-product attention with an optional mask (bool: true takes part, as in PyTorch 2;
     * float: added to the scores), dropout on the weights and a causal mask; mirrors
     * {@code F.scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal)}}
     *
     * @param query the queries, (*, L, E)
     * @param key the keys, (*, S, E)
     * @param value the values, (*, S, Ev)
     * @param attnMask a boolean mask (true: attends) or an additive float mask, broadcast to (*, L,
     *     S), or {@code null}
     * @param dropoutP the dropout probability of the attention weights
     * @param isCausal whether each query attends only to keys at or before its position
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor attnMask, double dropoutP,
                                                   boolean isCausal) {
        if (query.dim() < 2 || key.dim() != query.dim() || value.dim() != query.dim()
                || query.size(-1) != key.size(-1) || key.size(-2) != value.size(-2)) {
            throw new IllegalArgumentException("scaled_dot_product_attention: expected query (*, L, E), key (*, S, E), value (*, S, Ev), got "
                    + Shapes.format(query.shape()) + ", " + Shapes.format(key.shape()) + ", " + Shapes.format(value.shape()));
        }
        if (!(dropoutP >= 0 && dropoutP <= 1)) {
            throw new IllegalArgumentException("scaled_dot_product_attention: dropout_p must be in [0, 1], got " + dropoutP);
        }
        return op(() -> torch.scaled_dot_product_attention(query.raw(), key.raw(), value.raw(), optional(attnMask), dropoutP, isCausal,
                new org.bytedeco.pytorch.DoubleOptional(), false));
    }

    /** Batched matrix product of (B, n, m) and (B, m, p); the {@code torch.bmm} that attention uses. */
    static Tensor bmm(Tensor a, Tensor b) {
        return op(() -> torch.bmm(a.raw(), b.raw()));
    }

    /** {@code c + a @ b} in one kernel, as {@code torch.baddbmm(c, a, b)}. */
    static Tensor baddbmm(Tensor c, Tensor a, Tensor b) {
        return op(() -> torch.baddbmm(c.raw(), a.raw(), b.raw()));
    }

    /**
     * A mask to add to attention scores: a bool mask (true = not allowed, as in
     * {@code nn.MultiheadAttention}) becomes -inf there and 0 elsewhere, a float one is returned as is.
     */
    static Tensor additiveMask(Tensor mask, DType dtype) {
        if (mask.dtype().isFloatingPoint()) {
            return mask;
        }
        if (mask.dtype() != DType.BOOL && mask.dtype() != DType.UINT8) {
            throw new IllegalArgumentException("attention masks must be bool or floating point, got " + mask.dtype());
        }
        return op(() -> torch.zeros_like(mask.raw()).to(dtype.scalarType()).masked_fill(mask.raw().to(DType.BOOL.scalarType()),
                new org.bytedeco.pytorch.Scalar(Double.NEGATIVE_INFINITY)));
    }

    /**
     * libtorch's fused recurrent kernel, {@code torch.lstm} or {@code torch.gru}: returns the
     * output and the final states (h_n, and c_n for the LSTM). {@code weights} is PyTorch's flat
     * list (w_ih, w_hh[, b_ih, b_hh] per layer and direction).
     */
    static Tensor[] recurrent(boolean lstm, Tensor input, Tensor[] hx, java.util.List<? extends Tensor> weights, boolean hasBiases,
                              long numLayers, double dropout, boolean training, boolean bidirectional, boolean batchFirst) {
        org.bytedeco.pytorch.TensorVector params = new org.bytedeco.pytorch.TensorVector();
        for (Tensor w : weights) {
            params.push_back(w.raw());
        }
        try {
            if (lstm) {
                org.bytedeco.pytorch.T_TensorTensorTensor_T r = torch.lstm(input.raw(), new org.bytedeco.pytorch.TensorVector(hx[0].raw(),
                        hx[1].raw()), params, hasBiases, numLayers, dropout, training, bidirectional, batchFirst);
                return new Tensor[] {Tensor.wrap(r.get0()), Tensor.wrap(r.get1()), Tensor.wrap(r.get2())};
            }
            org.bytedeco.pytorch.T_TensorTensor_T r = torch.gru(input.raw(), hx[0].raw(), params, hasBiases, numLayers, dropout, training,
                    bidirectional, batchFirst);
            return new Tensor[] {Tensor.wrap(r.get0()), Tensor.wrap(r.get1())};
        } catch (RuntimeException e) {
            throw Errors.translate(e, (lstm ? "LSTM" : "GRU") + " on input " + Shapes.format(input.shape()));
        }
    }
}
