package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * A multi-layer long short-term memory network over a sequence. Mirrors {@code torch.nn.LSTM}.
 *
 * <p>Input: (L, N, H_in), (N, L, H_in) with {@code batchFirst}, or (L, H_in) unbatched. States
 * h_0 and c_0: (D·num_layers, N, H), or (D·num_layers, H) unbatched, zeros when not given (D = 2
 * when bidirectional, else 1). Output: (L, N, D·H) (or batch first, or unbatched), with h_n and
 * c_n shaped like the states. Four gates (i, f, g, o) in PyTorch's order.
 */
public class LSTM extends RNNBase {
    /** What the stateful forward returns: the output sequence and the final states. */
    public record Output(Tensor output, Tensor hidden, Tensor cell) {}

    /**
     * A one-layer LSTM with PyTorch's defaults.
     *
     * @param inputSize the number of features of each input step
     * @param hiddenSize the number of features of the hidden state
     */
    public LSTM(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, options());
    }

    /**
     * An LSTM with {@code options}, e.g. {@code LSTM.options().numLayers(2).bidirectional(true)}.
     *
     * @param options the layers, bias, layout, dropout and direction (see {@code options()})
     * @param inputSize the number of features of each input step
     * @param hiddenSize the number of features of the hidden state
     */
    public LSTM(long inputSize, long hiddenSize, Options options) {
        super("LSTM", 4, inputSize, hiddenSize, options);
    }

    /** The output sequence, from zero states; {@code output, _ = lstm(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null).output();
    }

    /**
     * {@return the output and final states (h_n, c_n) from states {@code h0} and {@code c0} (both null for
     * zeros); mirrors {@code output, (h_n, c_n) = lstm(input, (h_0, c_0))}}
     *
     * @param input the sequence, (L, N, H_in), or (N, L, H_in) with {@code batchFirst}
     * @param h0 the initial hidden state, (num_layers * num_directions, N, H), or {@code null} for
     *     zeros
     * @param c0 the initial cell state, (num_layers * num_directions, N, H), or {@code null} for
     *     zeros
     * @throws IllegalArgumentException naming the shapes when input or states do not fit the layer
     */
    public Output forward(Tensor input, Tensor h0, Tensor c0) {
        checkInput(input);
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalArgumentException(this + ": give both h_0 and c_0, or neither");
        }
        Tensor[] r = run(true, input, new Tensor[] {stateFor(input, h0, "h_0"), stateFor(input, c0, "c_0")});
        return new Output(r[0], r[1], r[2]);
    }
}
