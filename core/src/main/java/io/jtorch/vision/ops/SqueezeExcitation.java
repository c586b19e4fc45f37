package io.jtorch.vision.ops;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sigmoid;
import java.util.function.Supplier;

/**
 * The Squeeze-and-Excitation block: each channel rescaled by a gate computed from the pooled
 * image. Mirrors {@code torchvision.ops.SqueezeExcitation}.
 *
 * <p>Children, as torchvision's: {@code avgpool}, {@code fc1} (1x1 conv to the squeeze
 * channels), {@code fc2} (1x1 conv back), {@code activation}, {@code scale_activation}.
 * Shapes: input (N, C, H, W), output the same.
 */
public class SqueezeExcitation extends Module implements TorchScriptable {
    /**
     * A block with torchvision's defaults: ReLU between the convolutions, a sigmoid gate.
     *
     * @param inputChannels the number of channels {@code C} of the input and output
     * @param squeezeChannels the number of channels of the bottleneck between the two 1x1
     *     convolutions
     */
    public SqueezeExcitation(long inputChannels, long squeezeChannels) {
        this(inputChannels, squeezeChannels, ReLU::new, Sigmoid::new);
    }

    /**
     * The general form; mirrors {@code SqueezeExcitation(input_channels, squeeze_channels,
     * activation, scale_activation)}.
     *
     * @param inputChannels the number of channels {@code C} of the input and output
     * @param squeezeChannels the number of channels of the bottleneck between the two 1x1
     *     convolutions
     * @param activation a factory of the activation between the two convolutions (torchvision's
     *     default: ReLU)
     * @param scaleActivation a factory of the gate's activation (torchvision's default: sigmoid)
     */
    public SqueezeExcitation(long inputChannels, long squeezeChannels, Supplier<? extends Module> activation,
                             Supplier<? extends Module> scaleActivation) {
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("fc1", new Conv2d(inputChannels, squeezeChannels, 1));
        registerModule("fc2", new Conv2d(squeezeChannels, inputChannels, 1));
        registerModule("activation", activation.get());
        registerModule("scale_activation", scaleActivation.get());
    }

    /**
     * {@return the per-channel gate, (N, C, 1, 1); mirrors {@code _scale}}
     *
     * @param input the feature map, (N, C, H, W)
     */
    public Tensor scale(Tensor input) {
        Tensor s = child("avgpool").forward(input);
        s = child("fc1").forward(s);
        s = child("activation").forward(s);
        s = child("fc2").forward(s);
        return child("scale_activation").forward(s);
    }

    @Override
    public Tensor forward(Tensor input) {
        return scale(input).mul(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, input: Tensor) -> Tensor:\n"
                + "    scale = self.avgpool.forward(input)\n"
                + "    scale = self.fc1.forward(scale)\n"
                + "    scale = self.activation.forward(scale)\n"
                + "    scale = self.fc2.forward(scale)\n"
                + "    scale = self.scale_activation.forward(scale)\n"
                + "    return scale * input\n";
    }
}
