package io.jtorch.vision.ops;

import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A multi-layer perceptron as one {@link Sequential}: for each hidden size but the last,
 * {@code Linear}, optional norm layer, activation, {@code Dropout}; then a last {@code Linear} and
 * {@code Dropout}. Mirrors {@code torchvision.ops.MLP}.
 *
 * <p>Shapes: input (*, in_channels), output (*, hidden_channels[-1]).
 */
public class MLP extends Sequential {
    /**
     * torchvision's defaults: no norm layer, ReLU, biases, dropout 0.
     *
     * @param inChannels the number of input features
     * @param hiddenChannels the output size of each linear layer, the last one being the MLP's
     *     output
     */
    public MLP(long inChannels, long... hiddenChannels) {
        this(inChannels, hiddenChannels, null, ReLU::new, true, 0.0);
    }

    /**
     * The general form; mirrors {@code MLP(in_channels, hidden_channels, norm_layer,
     * activation_layer, bias=..., dropout=...)}.
     *
     * @param inChannels the number of input features
     * @param hiddenChannels the output size of each linear layer, the last one being the MLP's
     *     output
     * @param normLayer a factory of the norm layer after each hidden linear layer, from its width,
     *     or {@code null} for none
     * @param activationLayer a factory of the activation after each hidden layer, or {@code null}
     *     for none
     * @param bias whether the linear layers have biases
     * @param dropout the dropout probability after each layer
     */
    public MLP(long inChannels, long[] hiddenChannels, LongFunction<? extends Module> normLayer,
               Supplier<? extends Module> activationLayer, boolean bias, double dropout) {
        if (hiddenChannels.length == 0) {
            throw new IllegalArgumentException("MLP needs at least one hidden_channels entry");
        }
        long in = inChannels;
        for (int i = 0; i < hiddenChannels.length - 1; i++) {
            append(new Linear(in, hiddenChannels[i], bias));
            if (normLayer != null) {
                append(normLayer.apply(hiddenChannels[i]));
            }
            append(activationLayer.get());
            append(new Dropout(dropout));
            in = hiddenChannels[i];
        }
        append(new Linear(in, hiddenChannels[hiddenChannels.length - 1], bias));
        append(new Dropout(dropout));
    }
}
