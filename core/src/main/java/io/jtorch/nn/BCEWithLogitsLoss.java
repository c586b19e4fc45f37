package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * A sigmoid and binary cross-entropy in one numerically stable step. Mirrors
 * {@code torch.nn.BCEWithLogitsLoss}.
 *
 * <p>Input: (*) logits. Target: (*), the same shape, in [0, 1]. Output: a scalar, or (*) with
 * {@link Functional.Reduction#NONE}. {@code posWeight} (C) weighs the positive examples of each
 * of the C classes along the last dimension: {@code neg / pos} counts balance a rare class.
 * <pre>{@code
 * var loss = BCEWithLogitsLoss.builder().posWeight(Torch.tensor(3f, 1f)).build();
 * }</pre>
 */
public class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    /** The mean with PyTorch's defaults. */
    public BCEWithLogitsLoss() {
        this(null, null, Functional.Reduction.MEAN);
    }

    /**
     * With the given reduction.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     */
    public BCEWithLogitsLoss(Functional.Reduction reduction) {
        this(null, null, reduction);
    }

    /**
     * The general form; mirrors {@code BCEWithLogitsLoss(weight, reduction=..., pos_weight=...)}.
     *
     * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's default),
     *     {@code SUM} or {@code NONE}
     * @param weight a rescaling weight broadcast to the input's shape, or null
     * @param posWeight the weight of positive examples per class, broadcast along the last dimension, or null
     */
    public BCEWithLogitsLoss(Tensor weight, Tensor posWeight, Functional.Reduction reduction) {
        super(reduction);
        this.weight = weight == null ? null : weight.retain();
        this.posWeight = posWeight == null ? null : posWeight.retain();
    }

    /** {@return a builder starting from PyTorch's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the rescaling weight, or {@code null}} */
    public Tensor weight() {
        return weight;
    }

    /** {@return the weight of positive examples, or {@code null}} */
    public Tensor posWeight() {
        return posWeight;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction());
    }

    /** Builds a {@link BCEWithLogitsLoss}; each setter mirrors the constructor argument of the same name. */
    public static final class Builder {
        private Tensor weight;
        private Tensor posWeight;
        private Functional.Reduction reduction = Functional.Reduction.MEAN;

        private Builder() {}

        /**
         * {@return a rescaling weight broadcast to the input's shape}
         *
         *
         * @param weight the per-element rescaling weight, broadcast against the input
         */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /**
         * {@return the weight of positive examples per class}
         *
         * @param posWeight the weight of positive examples per class, broadcast against the input
         */
        public Builder posWeight(Tensor posWeight) {
            this.posWeight = posWeight;
            return this;
        }

        /**
         * {@return how to reduce per-element losses}
         *
         * @param reduction how the per-element losses are combined: {@code MEAN} (PyTorch's
         *     default), {@code SUM} or {@code NONE}
         */
        public Builder reduction(Functional.Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        /** {@return the loss} */
        public BCEWithLogitsLoss build() {
            return new BCEWithLogitsLoss(weight, posWeight, reduction);
        }
    }
}
