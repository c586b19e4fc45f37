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

    // ---------------------------------------------------------------- activations, pooling and dropout for vision models

    /** 2-D convolution with stride 1, no padding and no bias; mirrors {@code F.conv2d(input, weight)}. */
    public static Tensor conv2d(Tensor input, Tensor weight) {
        return conv2d(input, weight, null);
    }

    /** 2-D convolution with stride 1 and no padding; mirrors {@code F.conv2d(input, weight, bias)}. {@code bias} may be null. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, 1);
    }

    /** 2-D convolution with square stride and padding; mirrors {@code F.conv2d(input, weight, bias, stride, padding)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long stride, long padding) {
        return conv2d(input, weight, bias, new long[] {stride, stride}, new long[] {padding, padding}, new long[] {1, 1}, 1);
    }

    /**
     * 2-D convolution with {@code padding="same"} or {@code "valid"}; mirrors
     * {@code F.conv2d(input, weight, bias, stride, padding='same', dilation, groups)}.
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, long[] stride, String padding, long[] dilation, long groups) {
        checkSameDevice(input, weight);
        return op(() -> torch.conv2d(input.raw(), weight.raw(), optional(bias), stride, padding, dilation, groups));
    }

    /** {@code x * sigmoid(x)}, the swish; mirrors {@code F.silu}. Any shape. */
    public static Tensor silu(Tensor input) {
        return op(() -> torch.silu(input.raw()));
    }

    /** {@code x * relu6(x + 3) / 6}; mirrors {@code F.hardswish}. Any shape. */
    public static Tensor hardswish(Tensor input) {
        return op(() -> torch.hardswish(input.raw()));
    }

    /** {@code relu6(x + 3) / 6}; mirrors {@code F.hardsigmoid}. Any shape. */
    public static Tensor hardsigmoid(Tensor input) {
        return op(() -> torch.hardsigmoid(input.raw()));
    }

    /** {@code min(max(x, 0), 6)}; mirrors {@code F.relu6}. Any shape. */
    public static Tensor relu6(Tensor input) {
        return op(() -> torch.relu6(input.raw()));
    }

    /** {@code 1 / (1 + exp(-x))}; mirrors {@code F.sigmoid} / {@code torch.sigmoid}. Any shape. */
    public static Tensor sigmoid(Tensor input) {
        return op(() -> torch.sigmoid(input.raw()));
    }

    /** The hyperbolic tangent; mirrors {@code F.tanh} / {@code torch.tanh}. Any shape. */
    public static Tensor tanh(Tensor input) {
        return op(() -> torch.tanh(input.raw()));
    }

    /** Average pooling with square windows, stride = kernel size; mirrors {@code F.avg_pool2d(x, k)}. (N, C, H, W) or (C, H, W). */
    public static Tensor avgPool2d(Tensor input, long kernelSize) {
        return avgPool2d(input, kernelSize, kernelSize, 0);
    }

    /** Average pooling with square windows; mirrors {@code F.avg_pool2d(x, k, stride)}. */
    public static Tensor avgPool2d(Tensor input, long kernelSize, long stride) {
        return avgPool2d(input, kernelSize, stride, 0);
    }

    /** Average pooling with square windows and zero padding; mirrors {@code F.avg_pool2d(x, k, stride, padding)}. */
    public static Tensor avgPool2d(Tensor input, long kernelSize, long stride, long padding) {
        return avgPool2d(input, new long[] {kernelSize, kernelSize}, new long[] {stride, stride}, new long[] {padding, padding},
                false, true);
    }

    /**
     * Average pooling, the general form; mirrors
     * {@code F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad)}.
     */
    public static Tensor avgPool2d(Tensor input, long[] kernelSize, long[] stride, long[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        checkPoolInput("avg_pool2d", input);
        return op(() -> torch.avg_pool2d(input.raw(), kernelSize, stride, padding, ceilMode, countIncludePad,
                new org.bytedeco.pytorch.LongOptional()));
    }

    /** Average pooling to {@code size x size}; mirrors {@code F.adaptive_avg_pool2d(x, size)}. */
    public static Tensor adaptiveAvgPool2d(Tensor input, long size) {
        return adaptiveAvgPool2d(input, new long[] {size, size});
    }

    /** Dropout with p = 0.5 in training mode; mirrors {@code F.dropout(x)}. */
    public static Tensor dropout(Tensor input) {
        return dropout(input, 0.5, true);
    }

    /**
     * Zeroes whole channels with probability {@code p} (scaling the rest by 1/(1-p)) when training;
     * mirrors {@code F.dropout2d}. Input: (N, C, H, W), or (C, H, W) as one unbatched sample.
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

    /** {@link #dropout2d(Tensor, double, boolean)} with p = 0.5 in training mode; mirrors {@code F.dropout2d(x)}. */
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
     * Layer normalisation over the trailing dimensions {@code normalizedShape}; mirrors
     * {@code F.layer_norm}. {@code weight} and {@code bias} (of shape {@code normalizedShape}) may be null.
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

    /** Layer normalisation without scale and shift, eps 1e-5; mirrors {@code F.layer_norm(x, normalized_shape)}. */
    public static Tensor layerNorm(Tensor input, long... normalizedShape) {
        return layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /**
     * Group normalisation of (N, C, *) over groups of C / numGroups channels; mirrors
     * {@code F.group_norm}. {@code weight} and {@code bias} (of shape (C)) may be null.
     */
    public static Tensor groupNorm(Tensor input, long numGroups, Tensor weight, Tensor bias, double eps) {
        if (input.dim() < 2 || numGroups < 1 || input.size(1) % numGroups != 0) {
            throw new IllegalArgumentException("group_norm: expected input of shape (N, C, *) with C divisible by num_groups=" + numGroups
                    + ", got " + Shapes.format(input.shape()));
        }
        return op(() -> torch.group_norm(input.raw(), numGroups, optional(weight), optional(bias), eps, true));
    }

    /** Group normalisation without scale and shift, eps 1e-5; mirrors {@code F.group_norm(x, num_groups)}. */
    public static Tensor groupNorm(Tensor input, long numGroups) {
        return groupNorm(input, numGroups, null, null, 1e-5);
    }

    /** The rows of {@code weight} (num_embeddings, embedding_dim) at the int64 {@code indices}; mirrors {@code F.embedding}. */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return embedding(indices, weight, null);
    }

    /**
     * Like {@link #embedding(Tensor, Tensor)}, with {@code paddingIdx} (negative counts from the
     * end, null for none) a row that receives no gradient; mirrors {@code F.embedding(input, weight, padding_idx)}.
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
     * {@code softmax(q kᵀ / √E + mask) v} over (*, L, E) queries and (*, S, E) keys and values;
     * mirrors {@code F.scaled_dot_product_attention(q, k, v)} of PyTorch 2.
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value) {
        return scaledDotProductAttention(query, key, value, null, 0, false);
    }

    /**
     * Scaled dot-product attention with an optional mask (bool: true takes part, as in PyTorch 2;
     * float: added to the scores), dropout on the weights and a causal mask; mirrors
     * {@code F.scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal)}.
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
