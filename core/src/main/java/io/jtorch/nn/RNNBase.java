package io.jtorch.nn;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared logic of {@link LSTM} and {@link GRU}: their options, parameters and shape checks,
 * run by libtorch's fused kernels. Mirrors {@code torch.nn.RNNBase}.
 *
 * <p>Parameters per layer {@code k} and direction, in PyTorch's order and names:
 * {@code weight_ih_lk} (G·H, H_in), {@code weight_hh_lk} (G·H, H), {@code bias_ih_lk},
 * {@code bias_hh_lk} (G·H), with the suffix {@code _reverse} for the backward direction, G the
 * number of gates; all drawn from U(-1/√H, 1/√H).
 */
public abstract class RNNBase extends Module implements io.jtorch.jit.TorchScriptable {
    /** The optional settings of a recurrent layer; mirrors its keyword arguments. */
    public static final class Options {
        private long numLayers = 1;
        private boolean bias = true;
        private boolean batchFirst = false;
        private double dropout = 0;
        private boolean bidirectional = false;

        /**
         * Stacked layers; PyTorch's default is 1.
         *
         * @param numLayers the number of stacked layers
         * @return these options, for chaining
         */
        public Options numLayers(long numLayers) {
            if (numLayers < 1) {
                throw new IllegalArgumentException("num_layers must be at least 1, got " + numLayers);
            }
            this.numLayers = numLayers;
            return this;
        }

        /**
         * Whether the layers have biases; PyTorch's default is true.
         *
         * @param bias whether the layer has a learnable additive bias (PyTorch's default: true)
         * @return these options, for chaining
         */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * Whether input and output are (N, L, *) instead of (L, N, *); PyTorch's default is false.
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
         * Dropout probability on the outputs of every layer but the last, in training mode; default
         * 0.
         *
         * @param dropout the dropout probability (0 for none)
         * @return these options, for chaining
         */
        public Options dropout(double dropout) {
            if (!(dropout >= 0 && dropout <= 1)) {
                throw new IllegalArgumentException("dropout should be a number in range [0, 1], got " + dropout);
            }
            this.dropout = dropout;
            return this;
        }

        /**
         * Whether each layer also runs backwards over the sequence; PyTorch's default is false.
         *
         * @param bidirectional whether each layer also runs backwards (PyTorch's default false)
         * @return these options, for chaining
         */
        public Options bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return this;
        }
    }

    private final long inputSize;
    private final long hiddenSize;
    private final long numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final double dropout;
    private final boolean bidirectional;

    /**
     * Default options: one layer, biases, (L, N, *) layout, no dropout, one direction.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * Registers the parameters of {@code gates} gates per layer and direction and initialises them
     * as PyTorch does.
     *
     * @param name the module's name in messages, {@code LSTM} or {@code GRU}
     * @param gates the number of gates per layer: 4 for LSTM, 3 for GRU
     * @param options the layers, bias, layout, dropout and direction
     * @param inputSize the number of features of each input step
     * @param hiddenSize the number of features of the hidden state
     */
    protected RNNBase(String name, int gates, long inputSize, long hiddenSize, Options options) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(name + " needs positive sizes, got input_size=" + inputSize + ", hidden_size=" + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = options.numLayers;
        this.bias = options.bias;
        this.batchFirst = options.batchFirst;
        this.dropout = options.dropout;
        this.bidirectional = options.bidirectional;
        long directions = bidirectional ? 2 : 1;
        for (long layer = 0; layer < numLayers; layer++) {
            for (long d = 0; d < directions; d++) {
                long in = layer == 0 ? inputSize : hiddenSize * directions;
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                registerParameter("weight_ih" + suffix, new Parameter(Torch.empty(gates * hiddenSize, in)));
                registerParameter("weight_hh" + suffix, new Parameter(Torch.empty(gates * hiddenSize, hiddenSize)));
                if (bias) {
                    registerParameter("bias_ih" + suffix, new Parameter(Torch.empty(gates * hiddenSize)));
                    registerParameter("bias_hh" + suffix, new Parameter(Torch.empty(gates * hiddenSize)));
                }
            }
        }
        double stdv = 1.0 / Math.sqrt(hiddenSize);
        for (Parameter p : ownParameters().values()) {
            Init.uniform_(p, -stdv, stdv);
        }
    }

    /** {@return the features of each input step H_in; mirrors {@code input_size}} */
    public long inputSize() {
        return inputSize;
    }

    /** {@return the features of the hidden state H; mirrors {@code hidden_size}} */
    public long hiddenSize() {
        return hiddenSize;
    }

    /**
     * Stacked layers; mirrors {@code num_layers}.
     *
     * @return the number of stacked layers; mirrors {@code num_layers}
     */
    public long numLayers() {
        return numLayers;
    }

    /** {@return whether the layers have biases; mirrors {@code bias}} */
    public boolean bias() {
        return bias;
    }

    /** {@return whether inputs are (N, L, H_in); mirrors {@code batch_first}} */
    public boolean batchFirst() {
        return batchFirst;
    }

    /**
     * Dropout between layers in training mode; mirrors {@code dropout}.
     *
     * @return the dropout probability between layers in training mode; mirrors {@code dropout}
     */
    public double dropout() {
        return dropout;
    }

    /** {@return whether each layer runs both ways; mirrors {@code bidirectional}} */
    public boolean bidirectional() {
        return bidirectional;
    }

    /**
     * {@return the parameters in the order libtorch's kernels take them (PyTorch's {@code
     * _flat_weights})}
     */
    protected List<Parameter> flatWeights() {
        return new ArrayList<>(ownParameters().values());
    }

    /**
     * Throws a readable exception unless {@code input} is (L, N, H_in), (N, L, H_in) or (L, H_in).
     *
     * @param input the sequence, (L, N, H_in), or (N, L, H_in) with {@code batchFirst}
     */
    protected void checkInput(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(this + " expects a 3-D (batched) or 2-D (unbatched) input, got shape "
                    + Shapes.format(input.shape()));
        }
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException(this + ": input.size(-1) must be equal to input_size " + inputSize + ", got shape "
                    + Shapes.format(input.shape()));
        }
    }

    /**
     * {@return the state tensor {@code hx} as the kernel wants it, (D·num_layers, N, H), zeros when null;
     * an unbatched state (D·num_layers, H) is given its batch dimension}
     *
     * @param input the sequence, (L, N, H_in), or (N, L, H_in) with {@code batchFirst}
     * @param hx the state(s) given by the caller, or {@code null} for zeros
     * @param name the state's name in messages ({@code h0} or {@code c0})
     */
    protected Tensor stateFor(Tensor input, Tensor hx, String name) {
        boolean batched = input.dim() == 3;
        long batch = batched ? input.size(batchFirst ? 0 : 1) : 1;
        long[] expected = batched ? new long[] {(bidirectional ? 2 : 1) * numLayers, batch, hiddenSize}
                : new long[] {(bidirectional ? 2 : 1) * numLayers, hiddenSize};
        if (hx == null) {
            return Torch.zeros(input.dtype(), (bidirectional ? 2 : 1) * numLayers, batch, hiddenSize).to(input.device());
        }
        if (!java.util.Arrays.equals(hx.shape(), expected)) {
            throw new IllegalArgumentException(this + ": expected " + name + " of shape " + Shapes.format(expected) + " for input "
                    + Shapes.format(input.shape()) + ", got " + Shapes.format(hx.shape()));
        }
        return batched ? hx : hx.unsqueeze(1);
    }

    /**
     * Runs libtorch's kernel on a checked input and states; returns output, h_n (and c_n),
     * unbatched again if the input was.
     *
     * @param lstm whether to run the LSTM kernel (otherwise GRU)
     * @param input the sequence, (L, N, H_in), or (N, L, H_in) with {@code batchFirst}
     * @param hx the state(s) given by the caller, or {@code null} for zeros
     * @return the output, then the final state(s)
     */
    protected Tensor[] run(boolean lstm, Tensor input, Tensor[] hx) {
        boolean batched = input.dim() == 3;
        Tensor x = batched ? input : input.unsqueeze(batchFirst ? 0 : 1);
        Tensor[] r = Functional.recurrent(lstm, x, hx, flatWeights(), bias, numLayers, dropout, isTraining(), bidirectional,
                batchFirst);
        if (!batched) {
            r[0] = r[0].squeeze(batchFirst ? 0 : 1);
            for (int i = 1; i < r.length; i++) {
                r[i] = r[i].squeeze(1);
            }
        }
        return r;
    }

    /** The single-input forward (zero states, output only) as TorchScript, on libtorch's kernel. */
    @Override
    public String torchScript() {
        boolean lstm = this instanceof LSTM;
        long directions = bidirectional ? 2 : 1;
        int batchDim = batchFirst ? 0 : 1;
        StringBuilder weights = new StringBuilder("[");
        for (String name : ownParameters().keySet()) {
            weights.append(weights.length() == 1 ? "" : ", ").append("self.").append(name);
        }
        weights.append(']');
        String flags = PyRepr.bool(bias) + ", " + numLayers + ", " + PyRepr.num(dropout) + ", self.training, " + PyRepr.bool(bidirectional)
                + ", " + PyRepr.bool(batchFirst);
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    batched = x.dim() == 3\n"
                + "    if not batched:\n"
                + "        x = x.unsqueeze(" + batchDim + ")\n"
                + "    h = torch.zeros([" + directions * numLayers + ", x.size(" + batchDim + "), " + hiddenSize
                + "], dtype=x.dtype, device=x.device)\n"
                + "    out = torch." + (lstm ? "lstm(x, [h, h], " : "gru(x, h, ") + weights + ", " + flags + ")[0]\n"
                + "    if not batched:\n"
                + "        out = out.squeeze(" + batchDim + ")\n"
                + "    return out\n";
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (numLayers != 1) {
            s.append(", num_layers=").append(numLayers);
        }
        if (!bias) {
            s.append(", bias=False");
        }
        if (batchFirst) {
            s.append(", batch_first=True");
        }
        if (dropout != 0) {
            s.append(", dropout=").append(PyRepr.num(dropout));
        }
        if (bidirectional) {
            s.append(", bidirectional=True");
        }
        return s.toString();
    }
}
