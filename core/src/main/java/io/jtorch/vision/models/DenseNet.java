package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.BatchNorm;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Functional;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Densely connected networks (DenseNet-BC). Mirrors {@code torchvision.models.DenseNet} and its
 * builders: children {@code features} ({@code conv0, norm0, relu0, pool0}, then
 * {@code denseblock1, transition1, ..., denseblock4, norm5}) and {@code classifier} (a Linear).
 *
 * <p>Input: (N, 3, H, W), H and W at least 29. Output: (N, numClasses). torchvision's own files
 * use the key names of older versions ({@code denselayer1.norm.1.weight}); they are renamed on
 * load as torchvision does.
 */
public class DenseNet extends VisionModel<DenseNet> implements TorchScriptable, io.jtorch.nn.Staged {
    private static final Pattern LEGACY_KEY =
            Pattern.compile("^(.*denselayer\\d+\\.(?:norm|relu|conv))\\.((?:[12])\\.(?:weight|bias|running_mean|running_var))$");

    /** DenseNet's keyword arguments, with torchvision's defaults (DenseNet-121's); create with {@link DenseNet#options()}. */
    public static final class Options {
        private long growthRate = 32;
        private int[] blockConfig = {6, 12, 24, 16};
        private long numInitFeatures = 64;
        private long bnSize = 4;
        private double dropRate;
        private long numClasses = 1000;

        private Options() {}

        /**
         * Channels each dense layer adds (default 32); mirrors {@code growth_rate}.
         *
         * @param growthRate the channels each dense layer adds (torchvision's default 32)
         * @return these options, for chaining
         */
        public Options growthRate(long growthRate) {
            this.growthRate = growthRate;
            return this;
        }

        /**
         * The number of layers in each of the 4 blocks (default 6, 12, 24, 16); mirrors {@code
         * block_config}.
         *
         * @param blockConfig the number of layers in each of the 4 blocks
         * @return these options, for chaining
         */
        public Options blockConfig(int... blockConfig) {
            this.blockConfig = blockConfig.clone();
            return this;
        }

        /**
         * The first convolution's channels (default 64); mirrors {@code num_init_features}.
         *
         * @param numInitFeatures the first convolution's output channels (torchvision's default 64)
         * @return these options, for chaining
         */
        public Options numInitFeatures(long numInitFeatures) {
            this.numInitFeatures = numInitFeatures;
            return this;
        }

        /**
         * The bottleneck's width in growth rates (default 4); mirrors {@code bn_size}.
         *
         * @param bnSize the bottleneck's width in growth rates (torchvision's default 4)
         * @return these options, for chaining
         */
        public Options bnSize(long bnSize) {
            this.bnSize = bnSize;
            return this;
        }

        /**
         * Dropout after each dense layer (default 0); mirrors {@code drop_rate}.
         *
         * @param dropRate the dropout probability after each dense layer (torchvision's default 0)
         * @return these options, for chaining
         */
        public Options dropRate(double dropRate) {
            this.dropRate = dropRate;
            return this;
        }

        /**
         * The classifier's size (default 1000); mirrors {@code num_classes}.
         *
         * @param numClasses the number of outputs of the classification head (torchvision's
         *     {@code num_classes})
         * @return these options, for chaining
         */
        public Options numClasses(long numClasses) {
            if (numClasses < 1) {
                throw new IllegalArgumentException("DenseNet needs num_classes >= 1, got " + numClasses);
            }
            this.numClasses = numClasses;
            return this;
        }
    }

    /**
     * torchvision's defaults: DenseNet-121's shape, no dropout, 1000 classes.
     *
     * @return new options with torchvision's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * A DenseNet; mirrors {@code DenseNet(growth_rate, block_config, num_init_features, bn_size,
     * drop_rate, num_classes)}.
     *
     * @param o the growth rate, block sizes, widths, dropout and number of classes (see
     *     {@link #options()})
     */
    public DenseNet(Options o) {
        NamedSequential features = new NamedSequential();
        features.registerModule("conv0", new Conv2d(3, o.numInitFeatures, 7, Conv2d.options().stride(2).padding(3).bias(false)));
        features.registerModule("norm0", new BatchNorm2d(o.numInitFeatures));
        features.registerModule("relu0", new ReLU(true));
        features.registerModule("pool0", new MaxPool2d(3, 2, 1));
        long numFeatures = o.numInitFeatures;
        for (int i = 0; i < o.blockConfig.length; i++) {
            features.registerModule("denseblock" + (i + 1), new DenseBlock(o.blockConfig[i], numFeatures, o.bnSize, o.growthRate,
                    o.dropRate));
            numFeatures += o.blockConfig[i] * o.growthRate;
            if (i != o.blockConfig.length - 1) {
                features.registerModule("transition" + (i + 1), new Transition(numFeatures, numFeatures / 2));
                numFeatures /= 2;
            }
        }
        features.registerModule("norm5", new BatchNorm2d(numFeatures));
        registerModule("features", features);
        registerModule("classifier", new Linear(numFeatures, o.numClasses));
        for (Module m : modules()) {
            if (m instanceof Conv2d) {
                ModelInit.kaimingNormalFanIn(((Conv2d) m).weight());
            } else if (m instanceof BatchNorm) {
                ModelInit.batchNorm(m);
            } else if (m instanceof Linear) {
                ModelInit.zeroBias((Linear) m);
            }
        }
    }

    /** {@return the convolutional part; mirrors {@code model.features}} */
    public NamedSequential features() {
        return (NamedSequential) child("features");
    }

    /**
     * {@return the classifier, a {@code Linear} unless replaced; mirrors {@code model.classifier}}
     */
    public Module classifier() {
        return child("classifier");
    }

    /**
     * Replaces the classifier; mirrors {@code model.classifier = module}. Returns this.
     *
     * @param module the new classifier
     * @return this, for chaining
     */
    public DenseNet classifier(Module module) {
        registerModule("classifier", module);
        return this;
    }

    @Override
    public String headPath() {
        return "classifier";
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor out = Functional.relu(child("features").forward(x));
        out = Functional.adaptiveAvgPool2d(out, new long[] {1, 1}).flatten(1, -1);
        return child("classifier").forward(out);
    }

    /** The stages of {@link #forward}, for the frozen-prefix feature cache: {@code features}, the ReLU and pooling, a flatten, {@code classifier}. */
    @Override
    public java.util.LinkedHashMap<String, Module> stages() {
        java.util.LinkedHashMap<String, Module> out = new java.util.LinkedHashMap<>();
        out.put("features", child("features"));
        out.put("torch.relu", new io.jtorch.nn.ReLU());
        out.put("torch.adaptive_avg_pool2d", new io.jtorch.nn.AdaptiveAvgPool2d(1, 1));
        out.put("torch.flatten", new io.jtorch.nn.Flatten(1, -1));
        out.put("classifier", child("classifier"));
        return out;
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    out = torch.relu(self.features.forward(x))\n"
                + "    out = torch.flatten(torch.adaptive_avg_pool2d(out, [1, 1]), 1)\n"
                + "    return self.classifier.forward(out)\n";
    }

    /**
     * Renames the keys of torchvision's DenseNet files ({@code norm.1.weight} becomes
     * {@code norm1.weight}), as torchvision's {@code _load_state_dict} does, then fills in
     * missing {@code num_batches_tracked} (see {@link VisionModel#upgradeStateDict}).
     */
    @Override
    protected Map<String, ? extends Tensor> upgradeStateDict(Map<String, ? extends Tensor> stateDict) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Tensor> e : stateDict.entrySet()) {
            Matcher m = LEGACY_KEY.matcher(e.getKey());
            out.put(m.matches() ? m.group(1) + m.group(2) : e.getKey(), e.getValue());
        }
        return super.upgradeStateDict(out);
    }

    // ---------------------------------------------------------------- builders
    // Each architecture has four builders, mirroring torchvision's densenet121(**kwargs),
    // densenet121(num_classes=n), densenet121() and densenet121(weights=...) (the file given by
    // its path). The growth rate, block configuration and first width are set by the builder.

    /**
     * DenseNet-121; mirrors {@code torchvision.models.densenet121(**kwargs)}.
     *
     * @param options the growth rate, block sizes, widths, dropout and number of classes (see
     *     {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet121(Options options) {
        return new DenseNet(options.growthRate(32).blockConfig(6, 12, 24, 16).numInitFeatures(64));
    }

    /**
     * DenseNet-121 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static DenseNet densenet121(long numClasses) {
        return densenet121(options().numClasses(numClasses));
    }

    /**
     * DenseNet-121 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet121() {
        return densenet121(options());
    }

    /**
     * DenseNet-121 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static DenseNet densenet121(DenseNet121Weights weights, Path file) throws IOException {
        return densenet121(weights.numClasses()).loadWeights(file);
    }

    /**
     * DenseNet-161; mirrors {@code torchvision.models.densenet161(**kwargs)}.
     *
     * @param options the growth rate, block sizes, widths, dropout and number of classes (see
     *     {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet161(Options options) {
        return new DenseNet(options.growthRate(48).blockConfig(6, 12, 36, 24).numInitFeatures(96));
    }

    /**
     * DenseNet-161 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static DenseNet densenet161(long numClasses) {
        return densenet161(options().numClasses(numClasses));
    }

    /**
     * DenseNet-161 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet161() {
        return densenet161(options());
    }

    /**
     * DenseNet-161 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static DenseNet densenet161(DenseNet161Weights weights, Path file) throws IOException {
        return densenet161(weights.numClasses()).loadWeights(file);
    }

    /**
     * DenseNet-169; mirrors {@code torchvision.models.densenet169(**kwargs)}.
     *
     * @param options the growth rate, block sizes, widths, dropout and number of classes (see
     *     {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet169(Options options) {
        return new DenseNet(options.growthRate(32).blockConfig(6, 12, 32, 32).numInitFeatures(64));
    }

    /**
     * DenseNet-169 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static DenseNet densenet169(long numClasses) {
        return densenet169(options().numClasses(numClasses));
    }

    /**
     * DenseNet-169 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet169() {
        return densenet169(options());
    }

    /**
     * DenseNet-169 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static DenseNet densenet169(DenseNet169Weights weights, Path file) throws IOException {
        return densenet169(weights.numClasses()).loadWeights(file);
    }

    /**
     * DenseNet-201; mirrors {@code torchvision.models.densenet201(**kwargs)}.
     *
     * @param options the growth rate, block sizes, widths, dropout and number of classes (see
     *     {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet201(Options options) {
        return new DenseNet(options.growthRate(32).blockConfig(6, 12, 48, 32).numInitFeatures(64));
    }

    /**
     * DenseNet-201 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static DenseNet densenet201(long numClasses) {
        return densenet201(options().numClasses(numClasses));
    }

    /**
     * DenseNet-201 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static DenseNet densenet201() {
        return densenet201(options());
    }

    /**
     * DenseNet-201 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static DenseNet densenet201(DenseNet201Weights weights, Path file) throws IOException {
        return densenet201(weights.numClasses()).loadWeights(file);
    }
}
