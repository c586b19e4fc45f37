package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * A multi-layer gated recurrent unit network over a sequence. Mirrors {@code torch.nn.GRU}.
 *
 * <p>Input: (L, N, H_in), (N, L, H_in) with {@code batchFirst}, or (L, H_in) unbatched. State
 * h_0: (D·num_layers, N, H), or (D·num_layers, H) unbatched, zeros when not given (D = 2 when
 * bidirectional, else 1). Output: (L, N, D·H) (or batch first, or unbatched), with h_n shaped
 * like h_0. Three gates (r, z, n) in PyTorch's order.
 */
public class GRU extends RNNBase {
    /** What the stateful forward returns: the output sequence and the final state h_n. */
    public record Output(Tensor output, Tensor hidden) {}

    /**
     * A one-layer GRU with PyTorch's defaults.
     *
     * @param inputSize the number of features of each input step
     * @param hiddenSize the number of features of the hidden state
     */
    public GRU(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, options());
    }

    /**
     * A GRU with {@code options}, e.g. {@code GRU.options().numLayers(2).batchFirst(true)}.
     *
     * @param options the layers, bias, layout, dropout and direction (see {@code options()})
     * @param inputSize the number of features of each input step
     * @param hiddenSize the number of features of the hidden state
     */
    public GRU(long inputSize, long hiddenSize, Options options) {
        super("GRU", 3, inputSize, hiddenSize, options);
    }

    /** The output sequence, from a zero state; {@code output, _ = gru(input)}. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null).output();
    }

    /**
     * {@return the output and final state from state {@code h0} (null for zeros); mirrors
     * {@code output, h_n = gru(input, h_0)}}
     *
     * @param input the sequence, (L, N, H_in), or (N, L, H_in) with {@code batchFirst}
     * @param h0 the initial hidden state, (num_layers * num_directions, N, H), or {@code null} for
     *     zeros
     * @throws IllegalArgumentException naming the shapes when input or state do not fit the layer
     */
    public Output forward(Tensor input, Tensor h0) {
        checkInput(input);
        Tensor[] r = run(false, input, new Tensor[] {stateFor(input, h0, "h_0")});
        return new Output(r[0], r[1]);
    }
}
