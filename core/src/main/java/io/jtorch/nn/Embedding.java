package io.jtorch.nn;

import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;

/**
 * A lookup table of {@code num_embeddings} vectors of size {@code embedding_dim}. Mirrors
 * {@code torch.nn.Embedding}.
 *
 * <p>Input: (*) int64 indices in [0, num_embeddings). Output: (*, embedding_dim). Weight:
 * (num_embeddings, embedding_dim), drawn from N(0, 1); the row at {@code padding_idx}, if any,
 * starts at zero and receives no gradient.
 */
public class Embedding extends Module implements TorchScriptable {
    private final long numEmbeddings;
    private final long embeddingDim;
    private final Long paddingIdx;

    /**
     * A table without a padding index.
     *
     * @param numEmbeddings the number of rows of the table (the vocabulary size)
     * @param embeddingDim the size of each embedding vector
     */
    public Embedding(long numEmbeddings, long embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    /**
     * A table whose row {@code paddingIdx} (negative counts from the end, as in PyTorch; null for
     * none) is zero and not trained; mirrors {@code Embedding(n, dim, padding_idx=...)}.
     *
     * @param numEmbeddings the number of rows of the table (the vocabulary size)
     * @param embeddingDim the size of each embedding vector
     * @param paddingIdx the row that gets no gradient (negative counts from the end), or
     *     {@code null}
     */
    public Embedding(long numEmbeddings, long embeddingDim, Long paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, null);
    }

    private Embedding(long numEmbeddings, long embeddingDim, Long paddingIdx, Tensor weights) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw new IllegalArgumentException("Embedding needs non-negative sizes, got num_embeddings=" + numEmbeddings
                    + ", embedding_dim=" + embeddingDim);
        }
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("Embedding: padding_idx " + paddingIdx + " must be within num_embeddings " + numEmbeddings);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        if (weights != null) {
            registerParameter("weight", new Parameter(weights));
            return;
        }
        Parameter w = registerParameter("weight", new Parameter(Torch.empty(numEmbeddings, embeddingDim)));
        Init.normal_(w, 0, 1);
        if (this.paddingIdx != null) {
            try (NoGrad g = Torch.noGrad()) {
                w.select(0, this.paddingIdx).fill_(0.0);
            }
        }
    }

    /**
     * {@return a table holding {@code embeddings} (num_embeddings, embedding_dim), frozen; mirrors
     * {@code Embedding.from_pretrained(e)}}
     *
     * @param embeddings the table, (num_embeddings, embedding_dim)
     */
    public static Embedding fromPretrained(Tensor embeddings) {
        return fromPretrained(embeddings, true);
    }

    /**
     * {@return a table holding a copy-free view of {@code embeddings}, trained unless {@code freeze};
     * mirrors {@code Embedding.from_pretrained(embeddings, freeze)}}
     *
     * @param embeddings the table, (num_embeddings, embedding_dim)
     * @param freeze whether the table is kept fixed in training (PyTorch's default true)
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
        if (embeddings.dim() != 2) {
            throw new IllegalArgumentException("Embedding.fromPretrained: embeddings must be 2-D (num_embeddings, embedding_dim), got "
                    + Shapes.format(embeddings.shape()));
        }
        Embedding e = new Embedding(embeddings.size(0), embeddings.size(1), null, embeddings.detach());
        e.weight().requiresGrad(!freeze);
        return e;
    }

    /** {@return the number of rows; mirrors {@code num_embeddings}} */
    public long numEmbeddings() {
        return numEmbeddings;
    }

    /** {@return the size of each vector; mirrors {@code embedding_dim}} */
    public long embeddingDim() {
        return embeddingDim;
    }

    /**
     * {@return the row that is not trained, as a non-negative index, or null; mirrors {@code
     * padding_idx}}
     */
    public Long paddingIdx() {
        return paddingIdx;
    }

    /** {@return the table, (num_embeddings, embedding_dim)} */
    public Parameter weight() {
        return parameter("weight");
    }

    @Override
    public Tensor forward(Tensor input) {
        try {
            return Functional.embedding(input, weight(), paddingIdx);
        } catch (IllegalArgumentException e) {
            throw io.jtorch.internal.Errors.withContext(e, toString());
        }
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.embedding(self.weight, x, " + (paddingIdx == null ? -1 : paddingIdx) + ", False, False)\n";
    }

    @Override
    public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
