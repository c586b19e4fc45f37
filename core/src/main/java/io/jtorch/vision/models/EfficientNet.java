package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import io.jtorch.nn.SiLU;
import io.jtorch.vision.ops.Conv2dNormActivation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * EfficientNet B0-B7 (Tan and Le, 2019) and EfficientNetV2-S (2021). Mirrors
 * {@code torchvision.models.EfficientNet}, with the same children ({@code features},
 * {@code avgpool}, {@code classifier}) and state dict keys, so torchvision's weights files
 * ({@code efficientnet_b0_rwightman-3dd342df.pth}, ..., {@code efficientnet_v2_s-dd5fe13b.pth})
 * load strictly.
 *
 * <p>Block {@code i} of {@code n} drops its residual branch with probability
 * {@code stochasticDepthProb * i / n} while training, as torchvision's. Shapes: input
 * (N, 3, H, W), output (N, num_classes). Replace the head as in Python:
 * {@code model.classifier().set(-1, new Linear(1280, 10))}.
 */
public class EfficientNet extends FeaturesClassifierModel<EfficientNet> {
    /**
     * The general form; mirrors {@code EfficientNet(inverted_residual_setting, dropout, stochastic_depth_prob,
     * num_classes, norm_layer, last_channel)}. {@code lastChannel} 0 means four times the last
     * stage's channels.
     *
     * @param setting one configuration per stage (see {@link MBConvConfig})
     * @param normLayer a factory of the norm layer from a channel count
     * @param lastChannel the width of the layer before the classifier
     * @param dropout the dropout probability before the classifier
     * @param stochasticDepthProb the largest probability of dropping a residual branch, reached by
     *     the last block
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public EfficientNet(List<MBConvConfig> setting, double dropout, double stochasticDepthProb, long numClasses,
                        LongFunction<? extends Module> normLayer, long lastChannel) {
        if (setting.isEmpty()) {
            throw new IllegalArgumentException("The inverted_residual_setting should not be empty");
        }
        List<Module> layers = new ArrayList<>();
        layers.add(new Conv2dNormActivation(3, setting.get(0).inputChannels(),
                Conv2dNormActivation.options().stride(2).normLayer(normLayer).activationLayer(() -> new SiLU(true))));
        long total = 0;
        for (MBConvConfig c : setting) {
            total += c.numLayers();
        }
        long id = 0;
        for (MBConvConfig cnf : setting) {
            List<Module> stage = new ArrayList<>();
            for (long i = 0; i < cnf.numLayers(); i++) {
                MBConvConfig block = i == 0 ? cnf : cnf.repeated();
                double sd = stochasticDepthProb * (double) id / total;
                stage.add(cnf.fused() ? new FusedMBConv(block, sd, normLayer) : new MBConv(block, sd, normLayer));
                id++;
            }
            layers.add(new Sequential(stage));
        }
        long lastIn = setting.get(setting.size() - 1).outChannels();
        long lastOut = lastChannel > 0 ? lastChannel : 4 * lastIn;
        layers.add(new Conv2dNormActivation(lastIn, lastOut,
                Conv2dNormActivation.options().kernelSize(1).normLayer(normLayer).activationLayer(() -> new SiLU(true))));
        registerModule("features", new Sequential(layers));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("classifier", new Sequential(new Dropout(dropout), new Linear(lastOut, numClasses)));
        WeightInit.convNets(this, w -> {
            double r = 1.0 / Math.sqrt(w.size(0));
            Init.uniform_(w, -r, r);
        });
    }

    private static EfficientNet v1(double width, double depth, double dropout, long numClasses, LongFunction<? extends Module> norm) {
        List<MBConvConfig> s = List.of(
                MBConvConfig.mbConv(1, 3, 1, 32, 16, 1, width, depth),
                MBConvConfig.mbConv(6, 3, 2, 16, 24, 2, width, depth),
                MBConvConfig.mbConv(6, 5, 2, 24, 40, 2, width, depth),
                MBConvConfig.mbConv(6, 3, 2, 40, 80, 3, width, depth),
                MBConvConfig.mbConv(6, 5, 1, 80, 112, 3, width, depth),
                MBConvConfig.mbConv(6, 5, 2, 112, 192, 4, width, depth),
                MBConvConfig.mbConv(6, 3, 1, 192, 320, 1, width, depth));
        return new EfficientNet(s, dropout, 0.2, numClasses, norm, 0);
    }

    private static final LongFunction<Module> BN = BatchNorm2d::new;
    private static final LongFunction<Module> BN_B5 = c -> new BatchNorm2d(c, 0.001, 0.01, true, true);

    /**
     * Mirrors {@code torchvision.models.efficientnet_b0(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB0(long numClasses) {
        return v1(1.0, 1.0, 0.2, numClasses, BN);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b1(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB1(long numClasses) {
        return v1(1.0, 1.1, 0.2, numClasses, BN);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b2(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB2(long numClasses) {
        return v1(1.1, 1.2, 0.3, numClasses, BN);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b3(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB3(long numClasses) {
        return v1(1.2, 1.4, 0.3, numClasses, BN);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b4(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB4(long numClasses) {
        return v1(1.4, 1.8, 0.4, numClasses, BN);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b5(num_classes=n)}: batch norm eps 0.001,
     * momentum 0.01.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB5(long numClasses) {
        return v1(1.6, 2.2, 0.4, numClasses, BN_B5);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b6(num_classes=n)}: batch norm eps 0.001,
     * momentum 0.01.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB6(long numClasses) {
        return v1(1.8, 2.6, 0.5, numClasses, BN_B5);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_b7(num_classes=n)}: batch norm eps 0.001,
     * momentum 0.01.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetB7(long numClasses) {
        return v1(2.0, 3.1, 0.5, numClasses, BN_B5);
    }

    /**
     * Mirrors {@code torchvision.models.efficientnet_v2_s(num_classes=n)}: FusedMBConv stages,
     * batch norm eps 0.001.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static EfficientNet efficientnetV2S(long numClasses) {
        List<MBConvConfig> s = List.of(
                MBConvConfig.fusedMbConv(1, 3, 1, 24, 24, 2),
                MBConvConfig.fusedMbConv(4, 3, 2, 24, 48, 4),
                MBConvConfig.fusedMbConv(4, 3, 2, 48, 64, 4),
                MBConvConfig.mbConv(4, 3, 2, 64, 128, 6, 1.0, 1.0),
                MBConvConfig.mbConv(6, 3, 1, 128, 160, 9, 1.0, 1.0),
                MBConvConfig.mbConv(6, 3, 2, 160, 256, 15, 1.0, 1.0));
        return new EfficientNet(s, 0.2, 0.2, numClasses, c -> new BatchNorm2d(c, 0.001, 0.1, true, true), 1280);
    }

    /** {@return {@code efficientnet_b0} for 1000 classes} */
    public static EfficientNet efficientnetB0() {
        return efficientnetB0(1000);
    }

    /**
     * {@return {@code efficientnet_b0} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB0(EfficientNetB0Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB0(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b1} for 1000 classes} */
    public static EfficientNet efficientnetB1() {
        return efficientnetB1(1000);
    }

    /**
     * {@return {@code efficientnet_b1} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB1(EfficientNetB1Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB1(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b2} for 1000 classes} */
    public static EfficientNet efficientnetB2() {
        return efficientnetB2(1000);
    }

    /**
     * {@return {@code efficientnet_b2} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB2(EfficientNetB2Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB2(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b3} for 1000 classes} */
    public static EfficientNet efficientnetB3() {
        return efficientnetB3(1000);
    }

    /**
     * {@return {@code efficientnet_b3} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB3(EfficientNetB3Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB3(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b4} for 1000 classes} */
    public static EfficientNet efficientnetB4() {
        return efficientnetB4(1000);
    }

    /**
     * {@return {@code efficientnet_b4} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB4(EfficientNetB4Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB4(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b5} for 1000 classes} */
    public static EfficientNet efficientnetB5() {
        return efficientnetB5(1000);
    }

    /**
     * {@return {@code efficientnet_b5} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB5(EfficientNetB5Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB5(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b6} for 1000 classes} */
    public static EfficientNet efficientnetB6() {
        return efficientnetB6(1000);
    }

    /**
     * {@return {@code efficientnet_b6} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB6(EfficientNetB6Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB6(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_b7} for 1000 classes} */
    public static EfficientNet efficientnetB7() {
        return efficientnetB7(1000);
    }

    /**
     * {@return {@code efficientnet_b7} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetB7(EfficientNetB7Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetB7(weights.numClasses()).loadWeights(file);
    }

    /** {@return {@code efficientnet_v2_s} for 1000 classes} */
    public static EfficientNet efficientnetV2S() {
        return efficientnetV2S(1000);
    }

    /**
     * {@return {@code efficientnet_v2_s} with {@code weights} loaded strictly from {@code file}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static EfficientNet efficientnetV2S(EfficientNetV2SWeights weights, java.nio.file.Path file) throws java.io.IOException {
        return efficientnetV2S(weights.numClasses()).loadWeights(file);
    }

    /** The final classifier layer, {@code classifier.1}, as torchvision names it. */
    @Override
    public String headPath() {
        return "classifier.1";
    }
}
