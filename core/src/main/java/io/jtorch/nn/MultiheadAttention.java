package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;

/**
 * Multi-head attention, {@code softmax(Q Kᵀ / √d) V} over {@code num_heads} heads of
 * {@code embed_dim / num_heads} features each. Mirrors {@code torch.nn.MultiheadAttention}.
 *
 * <p>Query: (L, N, E), or (N, L, E) with {@code batchFirst}, or (L, E) unbatched. Key and value:
 * (S, N, E), (N, S, E) or (S, E). Output: shaped like the query; weights (N, L, S), or (L, S)
 * unbatched, averaged over the heads. Parameters as PyTorch's: {@code in_proj_weight} (3E, E)
 * (xavier-uniform), {@code in_proj_bias} (3E) and {@code out_proj.bias} zero, and
 * {@code out_proj} a linear layer. Masks: {@code keyPaddingMask} (N, S) and {@code attnMask}
 * (L, S) or (N·num_heads, L, S), bool (true = not attended) or float (added to the scores).
 */
public class MultiheadAttention extends Module implements TorchScriptable {
    /** The optional settings of {@link MultiheadAttention}; mirrors its keyword arguments. */
    public static final class Options {
        private double dropout = 0;
        private boolean bias = true;
        private boolean batchFirst = false;

        /**
         * Dropout probability on the attention weights in training mode; PyTorch's default is 0.
         *
         * @param p the probability, in [0, 1)
         * @return these options, for chaining
         */
        public Options dropout(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("MultiheadAttention: dropout must be in [0, 1], got " + p);
            }
            this.dropout = p;
            return this;
        }

        /**
         * Whether the input and output projections have biases; PyTorch's default is true.
         *
         * @param bias whether the layer has a learnable additive bias (PyTorch's default: true)
         * @return these options, for chaining
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Whether inputs and outputs are (N, L, E) instead of (L, N, E); PyTorch's default is
         * false.
         *
         * @param batchFirst whether inputs and outputs are (N, L, E) rather than PyTorch's default
         *     (L, N, E)
         * @return these options, for chaining
         */
        public Options batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }
    }

    /** What {@code forward} returns: the attention output and, when asked for, the weights. */
    public record Output(Tensor output, Tensor weights) {}

    private final long embedDim;
    private final long numHeads;
    private final long headDim;
    private final double dropout;
    private final boolean batchFirst;

    /**
     * Default options: no dropout, biases, (L, N, E) inputs.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * A layer with PyTorch's defaults; {@code embedDim} must be divisible by {@code numHeads}.
     *
     * @param embedDim the size {@code E} of each embedding
     * @param numHeads the number of attention heads; {@code embedDim} must be divisible by it
     */
    public MultiheadAttention(long embedDim, long numHeads) {
        this(embedDim, numHeads, options());
    }

    /**
     * A layer with the given options; mirrors {@code MultiheadAttention(embed_dim, num_heads,
     * dropout, bias, batch_first=...)}.
     *
     * @param options the dropout, biases and layout (see {@link #options()})
     * @param embedDim the size {@code E} of each embedding
     * @param numHeads the number of attention heads; {@code embedDim} must be divisible by it
     */
    public MultiheadAttention(long embedDim, long numHeads, Options options) {
        if (embedDim < 1 || numHeads < 1 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embed_dim must be positive and divisible by num_heads, got embed_dim="
                    + embedDim + ", num_heads=" + numHeads);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.headDim = embedDim / numHeads;
        this.dropout = options.dropout;
        this.batchFirst = options.batchFirst;
        Parameter w = registerParameter("in_proj_weight", new Parameter(Torch.empty(3 * embedDim, embedDim)));
        Parameter b = options.bias ? registerParameter("in_proj_bias", new Parameter(Torch.empty(3 * embedDim))) : null;
        // PyTorch's order of draws: out_proj's own init at construction, then _reset_parameters().
        Linear out = registerModule("out_proj", new NonDynamicallyQuantizableLinear(embedDim, embedDim, options.bias));
        double bound = Math.sqrt(3.0) * Math.sqrt(2.0 / (double) (embedDim + 3 * embedDim)); // xavier_uniform_, as PyTorch computes it
        Init.uniform_(w, -bound, bound);
        if (b != null) {
            Init.zeros_(b);
            Init.zeros_(out.bias());
        }
    }

    /** {@return the model dimension E; mirrors {@code embed_dim}} */
    public long embedDim() {
        return embedDim;
    }

    /** {@return the number of heads; mirrors {@code num_heads}} */
    public long numHeads() {
        return numHeads;
    }

    /**
     * E / num_heads; mirrors {@code head_dim}.
     *
     * @return {@code embedDim / numHeads}; mirrors {@code head_dim}
     */
    public long headDim() {
        return headDim;
    }

    /**
     * Dropout probability on the attention weights; mirrors {@code dropout}.
     *
     * @return the dropout probability on the attention weights; mirrors {@code dropout}
     */
    public double dropout() {
        return dropout;
    }

    /** {@return whether inputs are (N, L, E); mirrors {@code batch_first}} */
    public boolean batchFirst() {
        return batchFirst;
    }

    /** Self-attention of {@code x} with itself, output only: {@code self_attn(x, x, x, need_weights=False)[0]}. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, false, null).output();
    }

    /**
     * Attention of {@code query} over {@code key} and {@code value}, with head-averaged weights;
     * mirrors {@code mha(q, k, v)}.
     *
     * @param query the queries, (L, N, E), or (N, L, E) with {@code batchFirst}
     * @param key the keys, (S, N, E), or (N, S, E) with {@code batchFirst}
     * @param value the values, (S, N, E), or (N, S, E) with {@code batchFirst}
     * @return the attention output and, when asked for, the weights averaged over heads
     */
    public Output forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null);
    }

    /**
     * As {@link #forward(Tensor, Tensor, Tensor)}; without {@code needWeights} the weights are
     * null.
     *
     * @param query the queries, (L, N, E), or (N, L, E) with {@code batchFirst}
     * @param key the keys, (S, N, E), or (N, S, E) with {@code batchFirst}
     * @param value the values, (S, N, E), or (N, S, E) with {@code batchFirst}
     * @param needWeights whether the attention weights (averaged over heads) are returned too
     * @return the attention output and, when asked for, the weights averaged over heads
     */
    public Output forward(Tensor query, Tensor key, Tensor value, boolean needWeights) {
        return forward(query, key, value, null, needWeights, null);
    }

    /**
     * {@return the general form; mirrors {@code mha(query, key, value, key_padding_mask, need_weights, attn_mask)}}
     * Either mask may be null.
     *
     * @param query the queries, (L, N, E), or (N, L, E) with {@code batchFirst}
     * @param key the keys, (S, N, E), or (N, S, E) with {@code batchFirst}
     * @param value the values, (S, N, E), or (N, S, E) with {@code batchFirst}
     * @param keyPaddingMask a boolean (N, S) mask, true for keys to ignore, or {@code null}
     * @param needWeights whether the attention weights (averaged over heads) are returned too
     * @param attnMask a mask over (L, S) or (N * num_heads, L, S), boolean (true: masked out) or
     *     additive, or {@code null}
     * @throws IllegalArgumentException naming the shapes when they do not fit together
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask) {
        int dim = query.dim();
        if ((dim != 2 && dim != 3) || key.dim() != dim || value.dim() != dim) {
            throw shapeError("expects query, key and value all 3-D (batched) or all 2-D (unbatched)", query, key, value);
        }
        boolean batched = dim == 3;
        if (batched && batchFirst) {
            query = query.transpose(1, 0);
            key = key.transpose(1, 0);
            value = value.transpose(1, 0);
        }
        if (!batched) {
            query = query.unsqueeze(1);
            key = key.unsqueeze(1);
            value = value.unsqueeze(1);
            keyPaddingMask = keyPaddingMask == null ? null : keyPaddingMask.unsqueeze(0);
        }
        long tgtLen = query.size(0);
        long bsz = query.size(1);
        long srcLen = key.size(0);
        if (query.size(2) != embedDim || !java.util.Arrays.equals(key.shape(), value.shape()) || key.size(2) != embedDim
                || key.size(1) != bsz) {
            throw shapeError("expects query (L, N, " + embedDim + ") and key and value of one shape (S, N, " + embedDim + ")"
                    + (batchFirst ? " (batch first: N before L and S)" : ""), query, key, value);
        }
        Tensor mask = mergedMask(keyPaddingMask, attnMask, tgtLen, bsz, srcLen, query);

        Tensor w = parameter("in_proj_weight");
        Tensor b = parameter("in_proj_bias");
        Tensor q = project(query, w, b, 0);
        Tensor k = project(key, w, b, 1);
        Tensor v = project(value, w, b, 2);
        q = q.contiguous().view(tgtLen, bsz * numHeads, headDim).transpose(0, 1);
        k = k.contiguous().view(srcLen, bsz * numHeads, headDim).transpose(0, 1);
        v = v.contiguous().view(srcLen, bsz * numHeads, headDim).transpose(0, 1);
        Tensor scaled = q.div(Math.sqrt(headDim));
        Tensor attn = mask == null ? Functional.bmm(scaled, k.transpose(-2, -1)) : Functional.baddbmm(mask, scaled, k.transpose(-2, -1));
        attn = attn.softmax(-1);
        if (dropout > 0 && isTraining()) {
            attn = Functional.dropout(attn, dropout, true);
        }
        Tensor out = Functional.bmm(attn, v).transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
        out = child("out_proj").forward(out).view(tgtLen, bsz, embedDim);
        Tensor weights = needWeights ? attn.view(bsz, numHeads, tgtLen, srcLen).sum(1, false).div(numHeads) : null;
        if (!batched) {
            out = out.squeeze(1);
            weights = weights == null ? null : weights.squeeze(0);
        } else if (batchFirst) {
            out = out.transpose(1, 0);
        }
        return new Output(out, weights);
    }

    private Tensor project(Tensor x, Tensor w, Tensor b, int part) {
        return Functional.linear(x, w.narrow(0, part * embedDim, embedDim), b == null ? null : b.narrow(0, part * embedDim, embedDim));
    }

    /** The key padding mask and attention mask as one float mask of shape (1 or N·heads, L, S), or null. */
    private Tensor mergedMask(Tensor keyPaddingMask, Tensor attnMask, long tgtLen, long bsz, long srcLen, Tensor query) {
        Tensor mask = null;
        if (attnMask != null) {
            if (attnMask.dim() == 2 && attnMask.size(0) == tgtLen && attnMask.size(1) == srcLen) {
                mask = attnMask.unsqueeze(0);
            } else if (attnMask.dim() == 3 && attnMask.size(0) == bsz * numHeads && attnMask.size(1) == tgtLen
                    && attnMask.size(2) == srcLen) {
                mask = attnMask;
            } else {
                throw new IllegalArgumentException(this + ": attn_mask must have shape " + Shapes.format(new long[] {tgtLen, srcLen})
                        + " or " + Shapes.format(new long[] {bsz * numHeads, tgtLen, srcLen}) + ", got " + Shapes.format(attnMask.shape()));
            }
            mask = Functional.additiveMask(mask, query.dtype());
        }
        if (keyPaddingMask != null) {
            if (keyPaddingMask.dim() != 2 || keyPaddingMask.size(0) != bsz || keyPaddingMask.size(1) != srcLen) {
                throw new IllegalArgumentException(this + ": key_padding_mask must have shape " + Shapes.format(new long[] {bsz, srcLen})
                        + ", got " + Shapes.format(keyPaddingMask.shape()));
            }
            Tensor kpm = Functional.additiveMask(keyPaddingMask, query.dtype()).view(bsz, 1, 1, srcLen)
                    .add(Torch.zeros(1, numHeads, 1, 1).to(query.device())).reshape(bsz * numHeads, 1, srcLen); // one per head
            mask = mask == null ? kpm : mask.add(kpm);
        }
        return mask;
    }

    private IllegalArgumentException shapeError(String what, Tensor query, Tensor key, Tensor value) {
        return new IllegalArgumentException(this.getClass().getSimpleName() + "(embed_dim=" + embedDim + ", num_heads=" + numHeads + ") "
                + what + ", got query " + Shapes.format(query.shape()) + ", key " + Shapes.format(key.shape()) + ", value "
                + Shapes.format(value.shape()));
    }

    @Override
    public String torchScript() {
        boolean bias = parameter("in_proj_bias") != null;
        String e = Long.toString(embedDim);
        StringBuilder s = new StringBuilder();
        s.append("def forward(self, query: Tensor, key: Tensor, value: Tensor, need_weights: bool = True)"
                + " -> Tuple[Tensor, Optional[Tensor]]:\n");
        s.append("    is_batched = query.dim() == 3\n");
        if (batchFirst) {
            s.append("    if is_batched:\n"
                    + "        query = query.transpose(1, 0)\n"
                    + "        key = key.transpose(1, 0)\n"
                    + "        value = value.transpose(1, 0)\n");
        }
        s.append("    if not is_batched:\n"
                + "        query = query.unsqueeze(1)\n"
                + "        key = key.unsqueeze(1)\n"
                + "        value = value.unsqueeze(1)\n"
                + "    tgt_len = query.size(0)\n"
                + "    bsz = query.size(1)\n"
                + "    src_len = key.size(0)\n");
        String[] names = {"q", "k", "v"};
        String[] inputs = {"query", "key", "value"};
        for (int i = 0; i < 3; i++) {
            s.append("    ").append(names[i]).append(" = torch.linear(").append(inputs[i]).append(", self.in_proj_weight.narrow(0, ")
                    .append(i * embedDim).append(", ").append(e).append(")");
            if (bias) {
                s.append(", self.in_proj_bias.narrow(0, ").append(i * embedDim).append(", ").append(e).append(")");
            }
            s.append(")\n");
        }
        String heads = "bsz * " + numHeads + ", " + headDim;
        s.append("    q = q.contiguous().view(tgt_len, ").append(heads).append(").transpose(0, 1)\n")
                .append("    k = k.contiguous().view(src_len, ").append(heads).append(").transpose(0, 1)\n")
                .append("    v = v.contiguous().view(src_len, ").append(heads).append(").transpose(0, 1)\n")
                .append("    attn = torch.bmm(q / ").append(PyRepr.num(Math.sqrt(headDim))).append(", k.transpose(-2, -1))\n")
                .append("    attn = torch.softmax(attn, -1)\n");
        if (dropout > 0) {
            s.append("    if self.training:\n        attn = torch.dropout(attn, ").append(PyRepr.num(dropout)).append(", True)\n");
        }
        s.append("    out = torch.bmm(attn, v).transpose(0, 1).contiguous().view(tgt_len * bsz, ").append(e).append(")\n")
                .append("    out = self.out_proj.forward(out).view(tgt_len, bsz, ").append(e).append(")\n")
                .append("    weights: Optional[Tensor] = None\n")
                .append("    if need_weights:\n")
                .append("        weights = attn.view(bsz, ").append(numHeads).append(", tgt_len, src_len).sum(1) / ").append(numHeads)
                .append("\n")
                .append("    if not is_batched:\n")
                .append("        out = out.squeeze(1)\n")
                .append("        if weights is not None:\n")
                .append("            weights = weights.squeeze(0)\n");
        if (batchFirst) {
            s.append("    else:\n        out = out.transpose(1, 0)\n");
        }
        return s.append("    return out, weights\n").toString();
    }
}
