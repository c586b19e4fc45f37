package io.jtorch.nn;

import io.jtorch.Generator;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * One block of a Transformer encoder: self-attention and a two-layer feed-forward network, each
 * with a residual connection and layer normalisation. Mirrors {@code torch.nn.TransformerEncoderLayer}.
 *
 * <p>Input: (S, N, E), (N, S, E) with {@code batchFirst}, or (S, E) unbatched. Output: same shape.
 * Post-norm by default ({@code x = norm1(x + sa(x)); x = norm2(x + ff(x))}), pre-norm with
 * {@code normFirst} ({@code x = x + sa(norm1(x)); x = x + ff(norm2(x))}). Children and state dict
 * keys as PyTorch's: {@code self_attn}, {@code linear1}, {@code dropout}, {@code linear2},
 * {@code norm1}, {@code norm2}, {@code dropout1}, {@code dropout2}.
 */
public class TransformerEncoderLayer extends Module implements TorchScriptable {
    /** The optional settings of the layer; mirrors its keyword arguments. */
    public static final class Options {
        private long dimFeedforward = 2048;
        private double dropout = 0.1;
        private String activation = "relu";
        private double layerNormEps = 1e-5;
        private boolean batchFirst = false;
        private boolean normFirst = false;

        /**
         * The feed-forward network's hidden size; PyTorch's default is 2048.
         *
         * @param dimFeedforward the hidden size of the feed-forward network
         * @return these options, for chaining
         */
        public Options dimFeedforward(long dimFeedforward) {
            if (dimFeedforward < 1) {
                throw new IllegalArgumentException("dim_feedforward must be positive, got " + dimFeedforward);
            }
            this.dimFeedforward = dimFeedforward;
            return this;
        }

        /**
         * Dropout probability everywhere in the layer; PyTorch's default is 0.1.
         *
         * @param dropout the dropout probability (0 for none)
         * @return these options, for chaining
         */
        public Options dropout(double dropout) {
            if (!(dropout >= 0 && dropout <= 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1], got " + dropout);
            }
            this.dropout = dropout;
            return this;
        }

        /**
         * The feed-forward activation, {@code "relu"} (PyTorch's default) or {@code "gelu"}.
         *
         * @param activation {@code "relu"} or {@code "gelu"}
         * @return these options, for chaining
         */
        public Options activation(String activation) {
            if (!"relu".equals(activation) && !"gelu".equals(activation)) {
                throw new IllegalArgumentException("activation should be relu/gelu, not " + activation);
            }
            this.activation = activation;
            return this;
        }

        /**
         * The layer norms' eps; PyTorch's default is 1e-5.
         *
         * @param eps the value added to the denominator for numerical stability
         * @return these options, for chaining
         */
        public Options layerNormEps(double eps) {
            this.layerNormEps = eps;
            return this;
        }

        /**
         * Whether inputs are (N, S, E) instead of (S, N, E); PyTorch's default is false.
         *
         * @param batchFirst whether inputs and outputs are (N, L, E) rather than PyTorch's default
         *     (L, N, E)
         * @return these options, for chaining
         */
        public Options batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }

        /**
         * Whether the layer norms come before attention and feed-forward; PyTorch's default is
         * false.
         *
         * @param normFirst whether the norms come first (pre-norm) rather than after the residual
         *     (PyTorch's default false)
         * @return these options, for chaining
         */
        public Options normFirst(boolean normFirst) {
            this.normFirst = normFirst;
            return this;
        }

        private Options copy() {
            return new Options().dimFeedforward(dimFeedforward).dropout(dropout).activation(activation).layerNormEps(layerNormEps)
                    .batchFirst(batchFirst).normFirst(normFirst);
        }
    }

    private final long dModel;
    private final long nhead;
    private final Options options;

    /**
     * PyTorch's defaults; mirrors {@code TransformerEncoderLayer(d_model, nhead)}.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * A layer with PyTorch's defaults (feed-forward 2048, dropout 0.1, relu, post-norm, (S, N, E)).
     *
     * @param dModel the size {@code E} of each embedding
     * @param nhead the number of attention heads; {@code dModel} must be divisible by it
     */
    public TransformerEncoderLayer(long dModel, long nhead) {
        this(dModel, nhead, options());
    }

    /**
     * A layer with {@code options}, e.g. {@code
     * options().dimFeedforward(3072).activation("gelu").batchFirst(true)}.
     *
     * @param dModel the size {@code E} of each embedding
     * @param nhead the number of attention heads; {@code dModel} must be divisible by it
     * @param options the feed-forward size, dropout, activation, layout and norm placement
     */
    public TransformerEncoderLayer(long dModel, long nhead, Options options) {
        this.dModel = dModel;
        this.nhead = nhead;
        this.options = options.copy();
        registerModule("self_attn", new MultiheadAttention(dModel, nhead, MultiheadAttention.options().dropout(options.dropout)
                .batchFirst(options.batchFirst)));
        registerModule("linear1", new Linear(dModel, options.dimFeedforward));
        registerModule("dropout", new Dropout(options.dropout));
        registerModule("linear2", new Linear(options.dimFeedforward, dModel));
        registerModule("norm1", new LayerNorm(new long[] {dModel}, options.layerNormEps, true));
        registerModule("norm2", new LayerNorm(new long[] {dModel}, options.layerNormEps, true));
        registerModule("dropout1", new Dropout(options.dropout));
        registerModule("dropout2", new Dropout(options.dropout));
    }

    /** {@return the model dimension E; mirrors {@code d_model}} */
    public long dModel() {
        return dModel;
    }

    /** {@return the number of attention heads; mirrors {@code nhead}} */
    public long nhead() {
        return nhead;
    }

    /** {@return whether the layer norms come first; mirrors {@code norm_first}} */
    public boolean normFirst() {
        return options.normFirst;
    }

    /** {@return whether inputs are (N, S, E); mirrors {@code batch_first}} */
    public boolean batchFirst() {
        return options.batchFirst;
    }

    /** A deep copy with the same values, mode and trainable flags, as {@code copy.deepcopy(layer)}; draws no random numbers. */
    @Override
    public TransformerEncoderLayer deepCopy() {
        return (TransformerEncoderLayer) super.deepCopy();
    }

    /** {@code forward(src, null, null)}. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /**
     * {@return the encoded sequence; mirrors {@code layer(src, src_mask, src_key_padding_mask)}} The masks
     * (null for none) are those of {@link MultiheadAttention}: {@code srcMask} (S, S) or
     * (N·nhead, S, S), {@code srcKeyPaddingMask} (N, S), bool (true = ignored) or float.
     *
     * @param src the sequence, (L, N, E), or (N, L, E) with {@code batchFirst}
     * @param srcMask the attention mask over (L, L), or {@code null}
     * @param srcKeyPaddingMask a boolean (N, L) mask, true for positions to ignore, or {@code null}
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        if ((src.dim() != 2 && src.dim() != 3) || src.size(-1) != dModel) {
            throw new IllegalArgumentException(getClass().getSimpleName() + "(d_model=" + dModel + ") expects input of shape "
                    + (options.batchFirst ? "(N, S, " : "(S, N, ") + dModel + ") or (S, " + dModel + "), got " + Shapes.format(src.shape()));
        }
        Tensor x = src;
        if (options.normFirst) {
            x = x.add(selfAttentionBlock(child("norm1").forward(x), srcMask, srcKeyPaddingMask));
            return x.add(feedForwardBlock(child("norm2").forward(x)));
        }
        x = child("norm1").forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
        return child("norm2").forward(x.add(feedForwardBlock(x)));
    }

    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        Module attention = child("self_attn");
        Tensor y = attention instanceof MultiheadAttention
                ? ((MultiheadAttention) attention).forward(x, x, x, keyPaddingMask, false, mask).output() : attention.forward(x);
        return child("dropout1").forward(y);
    }

    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = child("linear1").forward(x);
        h = "gelu".equals(options.activation) ? Functional.gelu(h, false) : Functional.relu(h);
        return child("dropout2").forward(child("linear2").forward(child("dropout").forward(h)));
    }

    @Override
    public String torchScript() {
        String act = "gelu".equals(options.activation) ? "torch.gelu(h)" : "torch.relu(h)";
        String body = options.normFirst
                ? "    x = x + self._sa_block(self.norm1.forward(x))\n    x = x + self._ff_block(self.norm2.forward(x))\n"
                : "    x = self.norm1.forward(x + self._sa_block(x))\n    x = self.norm2.forward(x + self._ff_block(x))\n";
        return "def forward(self, src: Tensor) -> Tensor:\n"
                + "    x = src\n" + body
                + "    return x\n"
                + "def _sa_block(self, x: Tensor) -> Tensor:\n"
                + "    y = self.self_attn.forward(x, x, x, False)[0]\n"
                + "    return self.dropout1.forward(y)\n"
                + "def _ff_block(self, x: Tensor) -> Tensor:\n"
                + "    h = self.linear1.forward(x)\n"
                + "    h = " + act + "\n"
                + "    return self.dropout2.forward(self.linear2.forward(self.dropout.forward(h)))\n";
    }
}
