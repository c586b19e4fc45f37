package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Functional;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU6;
import io.jtorch.nn.Sequential;
import io.jtorch.vision.ops.Conv2dNormActivation;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNet V2 (Sandler et al., 2018). Mirrors {@code torchvision.models.MobileNetV2}, with the
 * same children ({@code features}, {@code classifier}) and state dict keys, so torchvision's
 * {@code mobilenet_v2-b0353104.pth} / {@code mobilenet_v2-7ebf99e0.pth} load strictly.
 *
 * <p>Shapes: input (N, 3, H, W), output (N, num_classes). Replace the head as in Python:
 * {@code model.classifier().set(-1, new Linear(model.lastChannel(), 10))}.
 */
public class MobileNetV2 extends FeaturesClassifierModel<MobileNetV2> implements io.jtorch.nn.Staged {
    /** torchvision's inverted residual setting: expansion t, channels c, repeats n, stride s. */
    private static final int[][] SETTING = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1},
    };

    private final long lastChannel;

    /** The ImageNet model: 1000 classes, width 1.0, dropout 0.2. */
    public MobileNetV2() {
        this(1000, 1.0, 0.2);
    }

    /**
     * A model for {@code numClasses} classes; mirrors {@code mobilenet_v2(num_classes=n)}.
     *
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public MobileNetV2(long numClasses) {
        this(numClasses, 1.0, 0.2);
    }

    /**
     * The general form; mirrors {@code MobileNetV2(num_classes, width_mult, dropout=...)}
     * (round_nearest 8).
     *
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     * @param widthMult the multiplier of every layer's channel count
     * @param dropout the dropout probability before the classifier
     */
    public MobileNetV2(long numClasses, double widthMult, double dropout) {
        long inputChannel = Parts.makeDivisible(32 * widthMult, 8);
        lastChannel = Parts.makeDivisible(1280 * Math.max(1.0, widthMult), 8);
        List<Module> features = new ArrayList<>();
        features.add(new Conv2dNormActivation(3, inputChannel, Conv2dNormActivation.options().stride(2).activationLayer(() -> new ReLU6(true))));
        for (int[] tcns : SETTING) {
            long out = Parts.makeDivisible(tcns[1] * widthMult, 8);
            for (int i = 0; i < tcns[2]; i++) {
                features.add(new InvertedResidual(inputChannel, out, i == 0 ? tcns[3] : 1, tcns[0]));
                inputChannel = out;
            }
        }
        features.add(new Conv2dNormActivation(inputChannel, lastChannel,
                Conv2dNormActivation.options().kernelSize(1).activationLayer(() -> new ReLU6(true))));
        registerModule("features", new Sequential(features));
        registerModule("classifier", new Sequential(new Dropout(dropout), new Linear(lastChannel, numClasses)));
        WeightInit.convNets(this, w -> Init.normal_(w, 0, 0.01));
    }

    /**
     * mobilenet_v2 for {@code numClasses} classes; mirrors {@code
     * torchvision.models.mobilenet_v2(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static MobileNetV2 mobilenetV2(long numClasses) {
        return new MobileNetV2(numClasses);
    }

    /**
     * {@return the channels entering the classifier (1280 at width 1.0); mirrors {@code
     * last_channel}}
     */
    public long lastChannel() {
        return lastChannel;
    }

    /** {@return {@code mobilenet_v2} for 1000 classes} */
    public static MobileNetV2 mobilenetV2() {
        return mobilenetV2(1000);
    }

    /**
     * {@return {@code mobilenet_v2} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static MobileNetV2 mobilenetV2(MobileNetV2Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return mobilenetV2(weights.numClasses()).loadWeights(file);
    }

    /** The final classifier layer, {@code classifier.1}, as torchvision names it. */
    @Override
    public String headPath() {
        return "classifier.1";
    }

    /** Pools with {@code F.adaptive_avg_pool2d}, as torchvision's MobileNetV2 does (it has no {@code avgpool} child). */
    @Override
    protected Tensor pool(Tensor features) {
        return Functional.adaptiveAvgPool2d(features, new long[] {1, 1});
    }

    @Override
    protected String poolScript() {
        return "    x = torch.adaptive_avg_pool2d(x, [1, 1])\n";
    }

    /** The stages of {@link #forward}, for the frozen-prefix feature cache: {@code features}, the pooling, a flatten, {@code classifier}. */
    @Override
    public java.util.LinkedHashMap<String, Module> stages() {
        java.util.LinkedHashMap<String, Module> out = new java.util.LinkedHashMap<>();
        out.put("features", child("features"));
        out.put("torch.adaptive_avg_pool2d", new io.jtorch.nn.AdaptiveAvgPool2d(1, 1));
        out.put("torch.flatten", new io.jtorch.nn.Flatten(1, -1));
        out.put("classifier", child("classifier"));
        return out;
    }

    /**
     * MobileNet V2's block: 1x1 expansion (when t is not 1), 3x3 depthwise, 1x1 linear projection,
     * with a residual connection when the shape is kept. Mirrors
     * {@code torchvision.models.mobilenetv2.InvertedResidual}; its layers are the child {@code conv}.
     */
    public static class InvertedResidual extends Module implements TorchScriptable {
        private final boolean useResConnect;
        private final long outChannels;

        /**
         * A block from {@code inp} to {@code oup} channels; mirrors {@code InvertedResidual(inp,
         * oup, stride, expand_ratio)}.
         *
         * @param inp the block's input channels
         * @param oup the block's output channels
         * @param stride the depthwise convolution's stride, 1 or 2
         * @param expandRatio the factor by which the block widens its input
         */
        public InvertedResidual(long inp, long oup, long stride, double expandRatio) {
            if (stride != 1 && stride != 2) {
                throw new IllegalArgumentException("stride should be 1 or 2 insted of " + stride);
            }
            long hidden = Math.round(inp * expandRatio);
            useResConnect = stride == 1 && inp == oup;
            outChannels = oup;
            List<Module> layers = new ArrayList<>();
            if (expandRatio != 1) {
                layers.add(new Conv2dNormActivation(inp, hidden, Conv2dNormActivation.options().kernelSize(1).activationLayer(() -> new ReLU6(true))));
            }
            layers.add(new Conv2dNormActivation(hidden, hidden,
                    Conv2dNormActivation.options().stride(stride).groups(hidden).activationLayer(() -> new ReLU6(true))));
            layers.add(new Conv2d(hidden, oup, new long[] {1, 1}, new long[] {1, 1}, new long[] {0, 0}, new long[] {1, 1}, 1, false));
            layers.add(new BatchNorm2d(oup));
            registerModule("conv", new Sequential(layers));
        }

        /** {@return whether the input is added to the output; mirrors {@code use_res_connect}} */
        public boolean useResConnect() {
            return useResConnect;
        }

        /**
         * Mirrors {@code out_channels}.
         *
         * @return the block's output channels; mirrors {@code out_channels}
         */
        public long outChannels() {
            return outChannels;
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor y = child("conv").forward(x);
            return useResConnect ? x.add(y) : y;
        }

        @Override
        public String torchScript() {
            return "def forward(self, x: Tensor) -> Tensor:\n"
                    + (useResConnect ? "    return x + self.conv.forward(x)\n" : "    return self.conv.forward(x)\n");
        }
    }
}
