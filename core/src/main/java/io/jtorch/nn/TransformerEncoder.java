package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * A stack of {@code num_layers} copies of a {@link TransformerEncoderLayer}, with an optional
 * final normalisation. Mirrors {@code torch.nn.TransformerEncoder}.
 *
 * <p>Input and output as the layer's. Like PyTorch, the constructor deep-copies the given layer
 * {@code num_layers} times (the copies start equal, then train apart); they are children
 * {@code layers.0}, {@code layers.1}, ... and the norm is {@code norm}.
 */
public class TransformerEncoder extends Module implements TorchScriptable {
    /** The container of the copies, printed as PyTorch's {@code ModuleList}; it has no forward of its own in PyTorch. */
    private static final class Layers extends Module implements TorchScriptable {
        @Override
        public Tensor forward(Tensor input) {
            throw new UnsupportedOperationException("ModuleList has no forward; call TransformerEncoder.forward");
        }

        @Override
        protected String reprName() {
            return "ModuleList";
        }

        @Override
        public String torchScript() {
            StringBuilder s = new StringBuilder("def forward(self, x: Tensor) -> Tensor:\n");
            for (String name : namedChildren().keySet()) {
                s.append("    x = getattr(self, \"").append(name).append("\").forward(x)\n");
            }
            return s.append("    return x\n").toString();
        }
    }

    private final int numLayers;

    /**
     * {@code numLayers} copies of {@code encoderLayer}, without a final norm.
     *
     * @param encoderLayer the layer to copy {@code numLayers} times
     * @param numLayers the number of stacked layers
     */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) {
        this(encoderLayer, numLayers, null);
    }

    /**
     * {@code numLayers} copies of {@code encoderLayer}, then {@code norm} (null for none); mirrors
     * {@code TransformerEncoder(layer, n, norm)}.
     *
     * @param encoderLayer the layer to copy {@code numLayers} times
     * @param norm the final layer norm, or {@code null} for none
     * @param numLayers the number of stacked layers
     */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        if (numLayers < 1) {
            throw new IllegalArgumentException("TransformerEncoder needs num_layers >= 1, got " + numLayers);
        }
        this.numLayers = numLayers;
        Layers layers = registerModule("layers", new Layers());
        for (int i = 0; i < numLayers; i++) {
            layers.registerModule(Integer.toString(i), encoderLayer.deepCopy());
        }
        if (norm != null) {
            registerModule("norm", norm);
        }
    }

    /** {@return the number of layers; mirrors {@code num_layers}} */
    public int numLayers() {
        return numLayers;
    }

    /**
     * {@return the layer at {@code index}; mirrors {@code encoder.layers[index]}}
     *
     * @param index the layer's position, from 0
     */
    public Module layer(int index) {
        Module m = child("layers").namedChildren().get(Integer.toString(index));
        if (m == null) {
            throw new IndexOutOfBoundsException("TransformerEncoder has " + numLayers + " layers, no layer " + index);
        }
        return m;
    }

    /** {@code forward(src, null, null)}. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /**
     * Runs every layer with the same masks, then the norm; mirrors {@code encoder(src, mask,
     * src_key_padding_mask)}.
     *
     * @param src the sequence, (L, N, E), or (N, L, E) with {@code batchFirst}
     * @param mask the attention mask over (L, L), or {@code null}
     * @param srcKeyPaddingMask a boolean (N, L) mask, true for positions to ignore, or {@code null}
     * @return the encoded sequence, of the input's shape
     */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        for (Module layer : child("layers").children()) {
            x = layer instanceof TransformerEncoderLayer ? ((TransformerEncoderLayer) layer).forward(x, mask, srcKeyPaddingMask)
                    : layer.forward(x);
        }
        Module norm = namedChildren().get("norm");
        return norm == null ? x : norm.forward(x);
    }

    @Override
    public String torchScript() {
        return "def forward(self, src: Tensor) -> Tensor:\n"
                + "    x = self.layers.forward(src)\n"
                + (namedChildren().containsKey("norm") ? "    x = self.norm.forward(x)\n" : "")
                + "    return x\n";
    }
}
