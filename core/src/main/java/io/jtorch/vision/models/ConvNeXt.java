package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import io.jtorch.vision.ops.Conv2dNormActivation;
import java.util.ArrayList;
import java.util.List;

/**
 * ConvNeXt (Liu et al., 2022), tiny to large. Mirrors {@code torchvision.models.ConvNeXt}, with
 * the same children ({@code features}, {@code avgpool}, {@code classifier}) and state dict keys,
 * so torchvision's {@code convnext_tiny-983f1562.pth}, {@code convnext_small-0c510722.pth},
 * {@code convnext_base-6075fbad.pth} and {@code convnext_large-ea097f82.pth} load strictly.
 *
 * <p>Block {@code i} of {@code n} drops its residual branch with probability
 * {@code stochasticDepthProb * i / (n - 1)} while training. Shapes: input (N, 3, H, W) with H and
 * W at least 32, output (N, num_classes). Replace the head as in Python:
 * {@code model.classifier().set(-1, new Linear(768, 10))}.
 */
public class ConvNeXt extends FeaturesClassifierModel<ConvNeXt> {
    /** One stage: its channels, the next stage's (0 for the last stage) and its number of blocks; mirrors {@code CNBlockConfig}. */
    public record CNBlockConfig(long inputChannels, long outChannels, long numLayers) {}

    /**
     * The general form; mirrors {@code ConvNeXt(block_setting, stochastic_depth_prob, layer_scale,
     * num_classes)}.
     *
     * @param setting one configuration per stage: channels in and out, and the number of blocks
     * @param layerScale the initial value of the per-channel layer scale (torchvision: 1e-6)
     * @param stochasticDepthProb the largest probability of dropping a residual branch, reached by
     *     the last block
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public ConvNeXt(List<CNBlockConfig> setting, double stochasticDepthProb, double layerScale, long numClasses) {
        if (setting.isEmpty()) {
            throw new IllegalArgumentException("The block_setting should not be empty");
        }
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2dNormActivation(3, setting.get(0).inputChannels(), Conv2dNormActivation.options().kernelSize(4).stride(4)
                .padding(0).normLayer(LayerNorm2d::new).activationLayer(null).bias(true)));
        long total = 0;
        for (CNBlockConfig c : setting) {
            total += c.numLayers();
        }
        long id = 0;
        for (CNBlockConfig cnf : setting) {
            List<Module> stage = new ArrayList<>();
            for (long i = 0; i < cnf.numLayers(); i++) {
                stage.add(new CNBlock(cnf.inputChannels(), layerScale, stochasticDepthProb * id / (total - 1.0)));
                id++;
            }
            layers.add(new Sequential(stage));
            if (cnf.outChannels() > 0) {
                layers.add(new Sequential(new LayerNorm2d(cnf.inputChannels()), new Conv2d(cnf.inputChannels(), cnf.outChannels(),
                        new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0}, new long[] {1, 1}, 1, true)));
            }
        }
        registerModule("features", new Sequential(layers));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        CNBlockConfig last = setting.get(setting.size() - 1);
        long lastOut = last.outChannels() > 0 ? last.outChannels() : last.inputChannels();
        registerModule("classifier", new Sequential(new LayerNorm2d(lastOut), new Flatten(1, -1), new Linear(lastOut, numClasses)));
        for (Module m : modules()) {
            if (m instanceof Conv2d || m instanceof Linear) {
                WeightInit.truncNormal(m.parameter("weight"), 0.02);
                WeightInit.zeroBias(m.parameter("bias"));
            }
        }
    }

    private static ConvNeXt build(long[][] stages, double sd, long numClasses) {
        List<CNBlockConfig> s = new ArrayList<>();
        for (long[] st : stages) {
            s.add(new CNBlockConfig(st[0], st[1], st[2]));
        }
        return new ConvNeXt(s, sd, 1e-6, numClasses);
    }

    /**
     * Mirrors {@code torchvision.models.convnext_tiny(num_classes=n)} (stochastic depth 0.1).
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ConvNeXt convnextTiny(long numClasses) {
        return build(new long[][] {{96, 192, 3}, {192, 384, 3}, {384, 768, 9}, {768, 0, 3}}, 0.1, numClasses);
    }

    /**
     * Mirrors {@code torchvision.models.convnext_small(num_classes=n)} (stochastic depth 0.4).
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ConvNeXt convnextSmall(long numClasses) {
        return build(new long[][] {{96, 192, 3}, {192, 384, 3}, {384, 768, 27}, {768, 0, 3}}, 0.4, numClasses);
    }

    /**
     * Mirrors {@code torchvision.models.convnext_base(num_classes=n)} (stochastic depth 0.5).
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ConvNeXt convnextBase(long numClasses) {
        return build(new long[][] {{128, 256, 3}, {256, 512, 3}, {512, 1024, 27}, {1024, 0, 3}}, 0.5, numClasses);
    }

    /**
     * Mirrors {@code torchvision.models.convnext_large(num_classes=n)} (stochastic depth 0.5).
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ConvNeXt convnextLarge(long numClasses) {
        return build(new long[][] {{192, 384, 3}, {384, 768, 3}, {768, 1536, 27}, {1536, 0, 3}}, 0.5, numClasses);
    }

    /** {@return {@code convnext_tiny} for 1000 classes} */
    public static ConvNeXt convnextTiny() {
        return convnextTiny(1000);
    }

    /**
     * {@return {@code convnext_tiny} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ConvNeXt convnextTiny(ConvNeXtTinyWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return convnextTiny(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code convnext_small} for 1000 classes} */
    public static ConvNeXt convnextSmall() {
        return convnextSmall(1000);
    }

    /**
     * {@return {@code convnext_small} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ConvNeXt convnextSmall(ConvNeXtSmallWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return convnextSmall(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code convnext_base} for 1000 classes} */
    public static ConvNeXt convnextBase() {
        return convnextBase(1000);
    }

    /**
     * {@return {@code convnext_base} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ConvNeXt convnextBase(ConvNeXtBaseWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return convnextBase(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code convnext_large} for 1000 classes} */
    public static ConvNeXt convnextLarge() {
        return convnextLarge(1000);
    }

    /**
     * {@return {@code convnext_large} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ConvNeXt convnextLarge(ConvNeXtLargeWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return convnextLarge(weights.numClasses()).loadWeights(file);
    }

    /** The final classifier layer, {@code classifier.2}, as torchvision names it. */
    @Override
    public String headPath() {
        return "classifier.2";
    }

    /** The classifier, {@code Sequential(LayerNorm2d, Flatten, Linear)}, flattens the pooled features itself. */
    @Override
    protected Tensor classifierInput(Tensor pooled) {
        return pooled;
    }

    @Override
    protected String classifierInputScript() {
        return "";
    }
}
