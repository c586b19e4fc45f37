package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Cross-entropy between logits and class labels. Mirrors {@code torch.nn.CrossEntropyLoss}.
 *
 * <p>Input: (N, C) or (N, C, d1, ...) logits. Target: int64 class indices (N) or (N, d1, ...)
 * in [0, C), or float class probabilities of the input's shape. Output: a scalar, or (N, ...)
 * with {@link Functional.Reduction#NONE}.
 * <pre>{@code
 * Tensor loss = new CrossEntropyLoss().forward(outputs, labels);
 * var smoothed = CrossEntropyLoss.builder().labelSmoothing(0.1).ignoreIndex(255).build();
 * }</pre>
 */
public class CrossEntropyLoss extends Loss {
    /** PyTorch's default {@code ignore_index}. */
    public static final long DEFAULT_IGNORE_INDEX = -100;

    private final Tensor weight;
    private final long ignoreIndex;
    private final double labelSmoothing;

    /** The mean loss with PyTorch's defaults. */
    public CrossEntropyLoss() {
        this(null, DEFAULT_IGNORE_INDEX, 0.0, Functional.Reduction.MEAN);
    }

    /**
     * The general form; mirrors {@code CrossEntropyLoss(weight, ignore_index=..., reduction=..., label_smoothing=...)}.
     *
     * @param ignoreIndex a target value that contributes neither loss nor gradient (PyTorch's
     *     default -100)
     * @param labelSmoothing the share of probability spread evenly over all classes, in [0, 1]
     *     (PyTorch's default 0)
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight per-class weights of shape (C), or null
     */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, double labelSmoothing, Functional.Reduction reduction) {
        super(reduction);
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be in [0, 1], got " + labelSmoothing);
        }
        if (weight != null && weight.dim() != 1) {
            throw new IllegalArgumentException("CrossEntropyLoss weight must be 1-D (one value per class), got shape "
                    + io.jtorch.Shapes.format(weight.shape()));
        }
        this.weight = weight == null ? null : weight.retain();
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    /** {@return a builder starting from PyTorch's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the per-class weights, or {@code null}} */
    public Tensor weight() {
        return weight;
    }

    /** {@return the target value that is ignored} */
    public long ignoreIndex() {
        return ignoreIndex;
    }

    /** {@return the label smoothing amount} */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.crossEntropy(input, target, weight, ignoreIndex, labelSmoothing, reduction());
    }

    /** Builds a {@link CrossEntropyLoss}; each setter mirrors the constructor argument of the same name. */
    public static final class Builder {
        private Tensor weight;
        private long ignoreIndex = DEFAULT_IGNORE_INDEX;
        private double labelSmoothing;
        private Functional.Reduction reduction = Functional.Reduction.MEAN;

        private Builder() {}

        /**
         * Per-class weights of shape (C).
         *
         *
         * @return this builder
         * @param weight the weight of each class, (C)
         */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /**
         * {@return a target value that contributes neither loss nor gradient}
         *
         * @param ignoreIndex a target value that contributes neither loss nor gradient (PyTorch's
         *     default -100)
         */
        public Builder ignoreIndex(long ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return this;
        }

        /**
         * Label smoothing in [0, 1].
         *
         * @param labelSmoothing the share of probability spread evenly over all classes, in [0, 1]
         *     (PyTorch's default 0)
         * @return this builder
         */
        public Builder labelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /**
         * {@return how to reduce per-sample losses}
         *
         * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's
         *     default), {@code SUM} or {@code NONE}
         */
        public Builder reduction(Functional.Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        /** {@return the loss} */
        public CrossEntropyLoss build() {
            return new CrossEntropyLoss(weight, ignoreIndex, labelSmoothing, reduction);
        }
    }
}
