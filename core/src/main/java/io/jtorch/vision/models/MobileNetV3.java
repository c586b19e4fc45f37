package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Hardsigmoid;
import io.jtorch.nn.Hardswish;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.vision.ops.Conv2dNormActivation;
import io.jtorch.vision.ops.SqueezeExcitation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * MobileNet V3 (Howard et al., 2019), large and small. Mirrors
 * {@code torchvision.models.MobileNetV3}, with the same children ({@code features},
 * {@code avgpool}, {@code classifier}) and state dict keys, so torchvision's
 * {@code mobilenet_v3_large-8738ca79.pth} / {@code mobilenet_v3_large-5c1a4163.pth} /
 * {@code mobilenet_v3_small-047dcff4.pth} load strictly. Batch norms use eps 0.001 and momentum
 * 0.01, as torchvision's.
 *
 * <p>Shapes: input (N, 3, H, W), output (N, num_classes). Replace the head as in Python:
 * {@code model.classifier().set(-1, new Linear(1280, 10))}.
 */
public class MobileNetV3 extends FeaturesClassifierModel<MobileNetV3> {
    /** One row of the paper's tables 1 and 2; mirrors {@code InvertedResidualConfig} (channels already scaled). */
    public record InvertedResidualConfig(long inputChannels, long kernel, long expandedChannels, long outChannels, boolean useSe,
                                         boolean useHs, long stride, long dilation) {
        /**
         * {@return a row with channels scaled by {@code widthMult}; {@code activation} is "RE"
         * (ReLU) or "HS" (hardswish)}
         *
         * @param inputChannels the stage's input channels at width multiplier 1
         * @param kernel the depthwise convolution's kernel size
         * @param expandedChannels the channels after expansion, at width multiplier 1
         * @param useSe whether the block has a squeeze-and-excitation layer
         * @param activation {@code "HS"} (hard swish) or {@code "RE"} (ReLU)
         * @param stride the depthwise convolution's stride
         * @param dilation the depthwise convolution's dilation
         * @param outChannels the number of channels {@code C_out} the layer produces
         * @param widthMult the multiplier of every layer's channel count
         */
        public static InvertedResidualConfig of(long inputChannels, long kernel, long expandedChannels, long outChannels,
                                                boolean useSe, String activation, long stride, long dilation, double widthMult) {
            return new InvertedResidualConfig(adjustChannels(inputChannels, widthMult), kernel, adjustChannels(expandedChannels, widthMult),
                    adjustChannels(outChannels, widthMult), useSe, "HS".equals(activation), stride, dilation);
        }

        /**
         * Mirrors {@code adjust_channels}: {@code _make_divisible(channels * width_mult, 8)}.
         *
         * @param channels the channel count at width multiplier 1
         * @return {@code channels * widthMult}, rounded to a multiple of 8
         * @param widthMult the multiplier of every layer's channel count
         */
        public static long adjustChannels(long channels, double widthMult) {
            return Parts.makeDivisible(channels * widthMult, 8);
        }
    }

    private static final LongFunction<Module> NORM = c -> new BatchNorm2d(c, 0.001, 0.01, true, true);

    /**
     * The general form; mirrors {@code MobileNetV3(inverted_residual_setting, last_channel,
     * num_classes, dropout=...)}.
     *
     * @param setting one configuration per inverted residual block
     * @param lastChannel the width of the layer before the classifier
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     * @param dropout the dropout probability before the classifier
     */
    public MobileNetV3(List<InvertedResidualConfig> setting, long lastChannel, long numClasses, double dropout) {
        if (setting.isEmpty()) {
            throw new IllegalArgumentException("The inverted_residual_setting should not be empty");
        }
        List<Module> layers = new ArrayList<>();
        long first = setting.get(0).inputChannels();
        layers.add(new Conv2dNormActivation(3, first,
                Conv2dNormActivation.options().stride(2).normLayer(NORM).activationLayer(() -> new Hardswish(true))));
        for (InvertedResidualConfig cnf : setting) {
            layers.add(new InvertedResidual(cnf, NORM));
        }
        long lastIn = setting.get(setting.size() - 1).outChannels();
        long lastOut = 6 * lastIn;
        layers.add(new Conv2dNormActivation(lastIn, lastOut,
                Conv2dNormActivation.options().kernelSize(1).normLayer(NORM).activationLayer(() -> new Hardswish(true))));
        registerModule("features", new Sequential(layers));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("classifier", new Sequential(new Linear(lastOut, lastChannel), new Hardswish(true), new Dropout(dropout),
                new Linear(lastChannel, numClasses)));
        WeightInit.convNets(this, w -> Init.normal_(w, 0, 0.01));
    }

    /**
     * mobilenet_v3_large; mirrors {@code torchvision.models.mobilenet_v3_large(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static MobileNetV3 mobilenetV3Large(long numClasses) {
        double w = 1.0;
        List<InvertedResidualConfig> s = List.of(
                InvertedResidualConfig.of(16, 3, 16, 16, false, "RE", 1, 1, w),
                InvertedResidualConfig.of(16, 3, 64, 24, false, "RE", 2, 1, w),
                InvertedResidualConfig.of(24, 3, 72, 24, false, "RE", 1, 1, w),
                InvertedResidualConfig.of(24, 5, 72, 40, true, "RE", 2, 1, w),
                InvertedResidualConfig.of(40, 5, 120, 40, true, "RE", 1, 1, w),
                InvertedResidualConfig.of(40, 5, 120, 40, true, "RE", 1, 1, w),
                InvertedResidualConfig.of(40, 3, 240, 80, false, "HS", 2, 1, w),
                InvertedResidualConfig.of(80, 3, 200, 80, false, "HS", 1, 1, w),
                InvertedResidualConfig.of(80, 3, 184, 80, false, "HS", 1, 1, w),
                InvertedResidualConfig.of(80, 3, 184, 80, false, "HS", 1, 1, w),
                InvertedResidualConfig.of(80, 3, 480, 112, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(112, 3, 672, 112, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(112, 5, 672, 160, true, "HS", 2, 1, w),
                InvertedResidualConfig.of(160, 5, 960, 160, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(160, 5, 960, 160, true, "HS", 1, 1, w));
        return new MobileNetV3(s, InvertedResidualConfig.adjustChannels(1280, w), numClasses, 0.2);
    }

    /**
     * mobilenet_v3_small; mirrors {@code torchvision.models.mobilenet_v3_small(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static MobileNetV3 mobilenetV3Small(long numClasses) {
        double w = 1.0;
        List<InvertedResidualConfig> s = List.of(
                InvertedResidualConfig.of(16, 3, 16, 16, true, "RE", 2, 1, w),
                InvertedResidualConfig.of(16, 3, 72, 24, false, "RE", 2, 1, w),
                InvertedResidualConfig.of(24, 3, 88, 24, false, "RE", 1, 1, w),
                InvertedResidualConfig.of(24, 5, 96, 40, true, "HS", 2, 1, w),
                InvertedResidualConfig.of(40, 5, 240, 40, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(40, 5, 240, 40, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(40, 5, 120, 48, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(48, 5, 144, 48, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(48, 5, 288, 96, true, "HS", 2, 1, w),
                InvertedResidualConfig.of(96, 5, 576, 96, true, "HS", 1, 1, w),
                InvertedResidualConfig.of(96, 5, 576, 96, true, "HS", 1, 1, w));
        return new MobileNetV3(s, InvertedResidualConfig.adjustChannels(1024, w), numClasses, 0.2);
    }

    /** {@return {@code mobilenet_v3_large} for 1000 classes} */
    public static MobileNetV3 mobilenetV3Large() {
        return mobilenetV3Large(1000);
    }

    /**
     * {@return {@code mobilenet_v3_large} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static MobileNetV3 mobilenetV3Large(MobileNetV3LargeWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return mobilenetV3Large(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code mobilenet_v3_small} for 1000 classes} */
    public static MobileNetV3 mobilenetV3Small() {
        return mobilenetV3Small(1000);
    }

    /**
     * {@return {@code mobilenet_v3_small} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static MobileNetV3 mobilenetV3Small(MobileNetV3SmallWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return mobilenetV3Small(weights.numClasses()).loadWeights(file);
    }

    /** The final classifier layer, {@code classifier.3}, as torchvision names it. */
    @Override
    public String headPath() {
        return "classifier.3";
    }

    /**
     * MobileNet V3's block: optional 1x1 expansion, depthwise conv, optional squeeze-excitation
     * with a hard-sigmoid gate, 1x1 projection, residual when the shape is kept. Mirrors
     * {@code torchvision.models.mobilenetv3.InvertedResidual}; its layers are the child {@code block}.
     */
    public static class InvertedResidual extends Module implements TorchScriptable {
        private final boolean useResConnect;

        /**
         * A block for {@code cnf}; mirrors {@code InvertedResidual(cnf, norm_layer)}.
         *
         * @param cnf the block's configuration
         * @param normLayer a factory of the norm layer from a channel count
         */
        public InvertedResidual(InvertedResidualConfig cnf, LongFunction<? extends Module> normLayer) {
            if (cnf.stride() < 1 || cnf.stride() > 2) {
                throw new IllegalArgumentException("illegal stride value " + cnf.stride());
            }
            useResConnect = cnf.stride() == 1 && cnf.inputChannels() == cnf.outChannels();
            Supplier<Module> act = cnf.useHs() ? () -> new Hardswish(true) : () -> new ReLU(true);
            List<Module> layers = new ArrayList<>();
            if (cnf.expandedChannels() != cnf.inputChannels()) {
                layers.add(new Conv2dNormActivation(cnf.inputChannels(), cnf.expandedChannels(),
                        Conv2dNormActivation.options().kernelSize(1).normLayer(normLayer).activationLayer(act)));
            }
            long stride = cnf.dilation() > 1 ? 1 : cnf.stride();
            layers.add(new Conv2dNormActivation(cnf.expandedChannels(), cnf.expandedChannels(),
                    Conv2dNormActivation.options().kernelSize(cnf.kernel()).stride(stride).dilation(cnf.dilation())
                            .groups(cnf.expandedChannels()).normLayer(normLayer).activationLayer(act)));
            if (cnf.useSe()) {
                long squeeze = Parts.makeDivisible(cnf.expandedChannels() / 4, 8);
                layers.add(new SqueezeExcitation(cnf.expandedChannels(), squeeze, ReLU::new, Hardsigmoid::new));
            }
            layers.add(new Conv2dNormActivation(cnf.expandedChannels(), cnf.outChannels(),
                    Conv2dNormActivation.options().kernelSize(1).normLayer(normLayer).activationLayer(null)));
            registerModule("block", new Sequential(layers));
        }

        /** {@return whether the input is added to the output; mirrors {@code use_res_connect}} */
        public boolean useResConnect() {
            return useResConnect;
        }

        @Override
        public Tensor forward(Tensor input) {
            Tensor result = child("block").forward(input);
            return useResConnect ? result.add(input) : result;
        }

        @Override
        public String torchScript() {
            return "def forward(self, input: Tensor) -> Tensor:\n"
                    + "    result = self.block.forward(input)\n"
                    + (useResConnect ? "    result = result + input\n" : "")
                    + "    return result\n";
        }
    }
}
