package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The VGG networks, with or without batch norm. Mirrors {@code torchvision.models.VGG} and its
 * builders: children {@code features} (a {@link Sequential} of convolutions), {@code avgpool}
 * (adaptive, to 7x7) and {@code classifier} (a {@link Sequential} of three {@code Linear}s).
 *
 * <p>Input: (N, 3, H, W), H and W at least 32. Output: (N, numClasses).
 * <pre>{@code
 * VGG model = VGG.vgg16(VGG16Weights.IMAGENET1K_V1, Path.of("vgg16-397923af.pth"));
 * model.classifier().set(-1, new Linear(4096, 10));     // model.classifier[-1] = nn.Linear(4096, 10)
 * }</pre>
 */
public class VGG extends VisionModel<VGG> implements TorchScriptable, io.jtorch.nn.Staged {
    /** Configuration A (VGG-11): channel counts, with 0 for a 2x2 max pool ({@code "M"}). */
    static final int[] CFG_A = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};
    /** Configuration B (VGG-13). */
    static final int[] CFG_B = {64, 64, 0, 128, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};
    /** Configuration D (VGG-16). */
    static final int[] CFG_D = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
    /** Configuration E (VGG-19). */
    static final int[] CFG_E = {64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0};

    /**
     * A VGG with torchvision's initialisation and dropout 0.5; mirrors {@code VGG(features,
     * num_classes)}.
     *
     * @param features the convolutional part, as {@link #makeLayers} builds it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public VGG(Sequential features, long numClasses) {
        this(features, numClasses, true, 0.5);
    }

    /**
     * The general form; mirrors {@code VGG(features, num_classes, init_weights, dropout)}.
     * {@code features} must end with 512 channels.
     *
     * @param features the convolutional part, as {@link #makeLayers} builds it
     * @param initWeights whether to initialise the weights as torchvision does
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     * @param dropout the dropout probability before the classifier
     */
    public VGG(Sequential features, long numClasses, boolean initWeights, double dropout) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("VGG needs num_classes >= 1, got " + numClasses);
        }
        registerModule("features", features);
        registerModule("avgpool", new AdaptiveAvgPool2d(7));
        registerModule("classifier", new Sequential(new Linear(512 * 7 * 7, 4096), new ReLU(true), new Dropout(dropout),
                new Linear(4096, 4096), new ReLU(true), new Dropout(dropout), new Linear(4096, numClasses)));
        if (initWeights) {
            for (Module m : modules()) {
                if (m instanceof Conv2d) {
                    ModelInit.kaimingNormalFanOut(((Conv2d) m).weight());
                    if (((Conv2d) m).bias() != null) {
                        ModelInit.constant(((Conv2d) m).bias(), 0);
                    }
                } else if (m instanceof BatchNorm) {
                    ModelInit.batchNorm(m);
                } else if (m instanceof Linear) {
                    io.jtorch.nn.Init.normal_(((Linear) m).weight(), 0, 0.01);
                    ModelInit.zeroBias((Linear) m);
                }
            }
        }
    }

    /**
     * {@return the convolutional part for a configuration: 3x3 convolutions (padding 1) each followed by
     * a batch norm when {@code batchNorm} and a ReLU, and 2x2 max pools where {@code cfg} has 0;
     * mirrors {@code make_layers(cfg, batch_norm)}}
     *
     * @param cfg the output channels of each 3x3 convolution in order, 0 for a 2x2 max pooling
     * @param batchNorm whether each convolution is followed by batch norm
     */
    public static Sequential makeLayers(int[] cfg, boolean batchNorm) {
        Sequential layers = new Sequential();
        long in = 3;
        for (int v : cfg) {
            if (v == 0) {
                layers.append(new MaxPool2d(2, 2, 0));
                continue;
            }
            layers.append(new Conv2d(in, v, 3, 1, 1));
            if (batchNorm) {
                layers.append(new BatchNorm2d(v));
            }
            layers.append(new ReLU(true));
            in = v;
        }
        return layers;
    }

    /** {@return the convolutional layers; mirrors {@code model.features}} */
    public Sequential features() {
        return (Sequential) child("features");
    }

    /**
     * {@return the fully connected layers; mirrors {@code model.classifier}: {@code
     * classifier().set(-1, m)} is {@code classifier[-1] = m}}
     */
    public Sequential classifier() {
        return (Sequential) child("classifier");
    }

    /**
     * Replaces the whole classifier; mirrors {@code model.classifier = module}. Returns this.
     *
     * @param module the new classifier
     * @return this, for chaining
     */
    public VGG classifier(Sequential module) {
        registerModule("classifier", module);
        return this;
    }

    @Override
    public String headPath() {
        return "classifier." + (classifier().size() - 1);
    }

    @Override
    public Tensor forward(Tensor x) {
        x = child("avgpool").forward(child("features").forward(x));
        return child("classifier").forward(x.flatten(1, -1));
    }

    /** The stages of {@link #forward}, for the frozen-prefix feature cache: {@code features}, {@code avgpool}, a flatten, {@code classifier}. */
    @Override
    public java.util.LinkedHashMap<String, Module> stages() {
        java.util.LinkedHashMap<String, Module> out = new java.util.LinkedHashMap<>();
        out.put("features", child("features"));
        out.put("avgpool", child("avgpool"));
        out.put("torch.flatten", new io.jtorch.nn.Flatten(1, -1));
        out.put("classifier", child("classifier"));
        return out;
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    x = self.avgpool.forward(self.features.forward(x))\n"
                + "    return self.classifier.forward(torch.flatten(x, 1))\n";
    }

    // ---------------------------------------------------------------- builders
    // Each architecture has three builders, mirroring torchvision's vgg11(num_classes=n),
    // vgg11() and vgg11(weights=...) (the file given by its path). Pretrained models are built
    // without the random initialisation, as torchvision does.

    /**
     * VGG-11 for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg11(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg11(long numClasses) {
        return new VGG(makeLayers(CFG_A, false), numClasses);
    }

    /**
     * VGG-11 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg11() {
        return vgg11(1000);
    }

    /**
     * VGG-11 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg11(VGG11Weights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_A, false), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-11 with batch norm for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg11_bn(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg11Bn(long numClasses) {
        return new VGG(makeLayers(CFG_A, true), numClasses);
    }

    /**
     * VGG-11 with batch norm for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg11Bn() {
        return vgg11Bn(1000);
    }

    /**
     * VGG-11 with batch norm with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg11Bn(VGG11BNWeights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_A, true), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-13 for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg13(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg13(long numClasses) {
        return new VGG(makeLayers(CFG_B, false), numClasses);
    }

    /**
     * VGG-13 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg13() {
        return vgg13(1000);
    }

    /**
     * VGG-13 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg13(VGG13Weights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_B, false), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-13 with batch norm for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg13_bn(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg13Bn(long numClasses) {
        return new VGG(makeLayers(CFG_B, true), numClasses);
    }

    /**
     * VGG-13 with batch norm for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg13Bn() {
        return vgg13Bn(1000);
    }

    /**
     * VGG-13 with batch norm with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg13Bn(VGG13BNWeights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_B, true), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-16 for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg16(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg16(long numClasses) {
        return new VGG(makeLayers(CFG_D, false), numClasses);
    }

    /**
     * VGG-16 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg16() {
        return vgg16(1000);
    }

    /**
     * VGG-16 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg16(VGG16Weights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_D, false), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-16 with batch norm for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg16_bn(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg16Bn(long numClasses) {
        return new VGG(makeLayers(CFG_D, true), numClasses);
    }

    /**
     * VGG-16 with batch norm for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg16Bn() {
        return vgg16Bn(1000);
    }

    /**
     * VGG-16 with batch norm with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg16Bn(VGG16BNWeights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_D, true), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-19 for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg19(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg19(long numClasses) {
        return new VGG(makeLayers(CFG_E, false), numClasses);
    }

    /**
     * VGG-19 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg19() {
        return vgg19(1000);
    }

    /**
     * VGG-19 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg19(VGG19Weights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_E, false), weights.numClasses(), false, 0.5).loadWeights(file);
    }

    /**
     * VGG-19 with batch norm for {@code numClasses} classes; mirrors {@code
     * torchvision.models.vgg19_bn(num_classes=n)}.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VGG vgg19Bn(long numClasses) {
        return new VGG(makeLayers(CFG_E, true), numClasses);
    }

    /**
     * VGG-19 with batch norm for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static VGG vgg19Bn() {
        return vgg19Bn(1000);
    }

    /**
     * VGG-19 with batch norm with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VGG vgg19Bn(VGG19BNWeights weights, Path file) throws IOException {
        return new VGG(makeLayers(CFG_E, true), weights.numClasses(), false, 0.5).loadWeights(file);
    }
}
