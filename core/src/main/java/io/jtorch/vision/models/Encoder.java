package io.jtorch.vision.models;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Init;
import io.jtorch.nn.LayerNorm;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import java.util.LinkedHashMap;

/**
 * The Vision Transformer's encoder: learnt position embeddings added to the tokens, dropout,
 * {@code num_layers} {@link EncoderBlock}s, and a final layer norm. Mirrors
 * {@code torchvision.models.vision_transformer.Encoder}: parameter {@code pos_embedding}
 * (1, seq_length, hidden_dim), children {@code dropout}, {@code layers} (a {@code Sequential} of
 * {@code encoder_layer_0}, {@code encoder_layer_1}, ...) and {@code ln}.
 *
 * <p>Shapes: input (N, seq_length, hidden_dim), output the same.
 */
public class Encoder extends Module implements TorchScriptable {
    /**
     * Mirrors {@code Encoder(seq_length, num_layers, num_heads, hidden_dim, mlp_dim, dropout,
     * attention_dropout)}.
     *
     * @param seqLength the number of tokens, patches plus the class token
     * @param numLayers the number of encoder blocks
     * @param numHeads the number of attention heads; {@code hiddenDim} must be divisible by it
     * @param hiddenDim the width {@code D} of each token
     * @param mlpDim the hidden width of each block's MLP
     * @param attentionDropout the dropout probability of the attention weights
     * @param dropout the dropout probability before the classifier
     */
    public Encoder(long seqLength, long numLayers, long numHeads, long hiddenDim, long mlpDim, double dropout,
                   double attentionDropout) {
        registerParameter("pos_embedding", new Parameter(Init.normal_(Torch.empty(1, seqLength, hiddenDim), 0, 0.02)));
        registerModule("dropout", new Dropout(dropout));
        LinkedHashMap<String, Module> layers = new LinkedHashMap<>();
        for (int i = 0; i < numLayers; i++) {
            layers.put("encoder_layer_" + i, new EncoderBlock(numHeads, hiddenDim, mlpDim, dropout, attentionDropout));
        }
        registerModule("layers", Parts.named(layers));
        registerModule("ln", new LayerNorm(new long[] {hiddenDim}, 1e-6, true));
    }

    /** {@return the encoder blocks; mirrors {@code encoder.layers}} */
    public Sequential layers() {
        return Parts.sequential(this, "layers", child("layers"));
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 3) {
            throw new IllegalArgumentException("Encoder: expected (batch_size, seq_length, hidden_dim) got "
                    + Shapes.format(input.shape()));
        }
        Tensor x = input.add(parameter("pos_embedding"));
        return child("ln").forward(child("layers").forward(child("dropout").forward(x)));
    }

    @Override
    public String torchScript() {
        return "def forward(self, input: Tensor) -> Tensor:\n"
                + "    torch._assert(input.dim() == 3, \"Expected (batch_size, seq_length, hidden_dim)\")\n"
                + "    input = input + self.pos_embedding\n"
                + "    return self.ln.forward(self.layers.forward(self.dropout.forward(input)))\n";
    }
}
