package io.jtorch.vision.models;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.LayerNorm;
import io.jtorch.nn.Module;
import io.jtorch.nn.MultiheadAttention;

/**
 * One pre-norm transformer encoder layer: {@code x + attention(ln_1(x))}, then
 * {@code x + mlp(ln_2(x))}. Mirrors {@code torchvision.models.vision_transformer.EncoderBlock}:
 * children {@code ln_1}, {@code self_attention} (batch-first {@link MultiheadAttention}),
 * {@code dropout}, {@code ln_2}, {@code mlp} ({@link MLPBlock}); layer norms with eps 1e-6.
 *
 * <p>Shapes: input (N, S, hidden_dim), output the same.
 */
public class EncoderBlock extends Module implements TorchScriptable {
    /**
     * Mirrors {@code EncoderBlock(num_heads, hidden_dim, mlp_dim, dropout, attention_dropout)}.
     *
     * @param numHeads the number of attention heads; {@code hiddenDim} must be divisible by it
     * @param hiddenDim the width {@code D} of each token
     * @param mlpDim the hidden width of each block's MLP
     * @param attentionDropout the dropout probability of the attention weights
     * @param dropout the dropout probability before the classifier
     */
    public EncoderBlock(long numHeads, long hiddenDim, long mlpDim, double dropout, double attentionDropout) {
        registerModule("ln_1", new LayerNorm(new long[] {hiddenDim}, 1e-6, true));
        registerModule("self_attention", new MultiheadAttention(hiddenDim, numHeads,
                MultiheadAttention.options().dropout(attentionDropout).batchFirst(true)));
        registerModule("dropout", new Dropout(dropout));
        registerModule("ln_2", new LayerNorm(new long[] {hiddenDim}, 1e-6, true));
        registerModule("mlp", new MLPBlock(hiddenDim, mlpDim, dropout));
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 3) {
            throw new IllegalArgumentException("EncoderBlock: expected (batch_size, seq_length, hidden_dim) got "
                    + Shapes.format(input.shape()));
        }
        Tensor x = child("ln_1").forward(input);
        x = ((MultiheadAttention) child("self_attention")).forward(x, x, x, false).output();
        x = child("dropout").forward(x).add(input);
        Tensor y = child("ln_2").forward(x);
        return x.add(child("mlp").forward(y));
    }

    @Override
    public String torchScript() {
        return "def forward(self, input: Tensor) -> Tensor:\n"
                + "    torch._assert(input.dim() == 3, \"Expected (batch_size, seq_length, hidden_dim)\")\n"
                + "    x = self.ln_1.forward(input)\n"
                + "    x, _ = self.self_attention.forward(x, x, x, False)\n"
                + "    x = self.dropout.forward(x)\n"
                + "    x = x + input\n"
                + "    y = self.ln_2.forward(x)\n"
                + "    y = self.mlp.forward(y)\n"
                + "    return x + y\n";
    }
}
