package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Residual networks: ResNet, ResNeXt and Wide ResNet. Mirrors {@code torchvision.models.ResNet}
 * and its builders, with torchvision's children ({@code conv1, bn1, relu, maxpool, layer1..layer4,
 * avgpool, fc}) and state dict keys, so torchvision's weights files load strictly.
 *
 * <p>Input: (N, 3, H, W), H and W at least 32 (224 for ImageNet weights). Output: (N, numClasses).
 * <pre>{@code
 * ResNet model = ResNet.resnet50(ResNet50Weights.IMAGENET1K_V2, Path.of("resnet50-11ad3fa6.pth"));
 * model.fc(new Linear(model.headInFeatures(), 10));       // model.fc = nn.Linear(model.fc.in_features, 10)
 * }</pre>
 *
 * <p>Random initialisation follows torchvision's (kaiming-normal fan-out convolutions, batch
 * norms 1 and 0, optional zero-init of each block's last batch norm), drawing in the same order.
 */
public class ResNet extends VisionModel<ResNet> implements TorchScriptable, io.jtorch.nn.Staged {
    /** The residual block a ResNet is built from; mirrors passing {@code BasicBlock} or {@code Bottleneck}. */
    public enum Block {
        /** {@link BasicBlock}, expansion 1. */
        BASIC(BasicBlock.EXPANSION),
        /** {@link Bottleneck}, expansion 4. */
        BOTTLENECK(Bottleneck.EXPANSION);

        private final int expansion;

        Block(int expansion) {
            this.expansion = expansion;
        }

        /** {@return the block's output channels per {@code planes}} */
        public int expansion() {
            return expansion;
        }
    }

    /** ResNet's keyword arguments, with torchvision's defaults; create with {@link ResNet#options()}. */
    public static final class Options {
        private long numClasses = 1000;
        private boolean zeroInitResidual;
        private long groups = 1;
        private long widthPerGroup = 64;
        private boolean[] replaceStrideWithDilation = {false, false, false};

        private Options() {}

        /**
         * The classifier's size (default 1000); mirrors {@code num_classes}.
         *
         * @param numClasses the number of outputs of the classification head (torchvision's
         *     {@code num_classes})
         * @return these options, for chaining
         */
        public Options numClasses(long numClasses) {
            if (numClasses < 1) {
                throw new IllegalArgumentException("ResNet needs num_classes >= 1, got " + numClasses);
            }
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Starts each block's last batch norm scale at 0 (default false); mirrors {@code
         * zero_init_residual}.
         *
         * @param zeroInitResidual whether each block's last batch norm scale starts at 0
         * @return these options, for chaining
         */
        public Options zeroInitResidual(boolean zeroInitResidual) {
            this.zeroInitResidual = zeroInitResidual;
            return this;
        }

        /**
         * The 3x3 convolutions' groups (default 1; 32 for ResNeXt); mirrors {@code groups}.
         *
         * @param groups the 3x3 convolutions' groups (32 for ResNeXt)
         * @return these options, for chaining
         */
        public Options groups(long groups) {
            this.groups = groups;
            return this;
        }

        /**
         * The channels per group (default 64; 128 for Wide ResNet); mirrors {@code
         * width_per_group}.
         *
         * @param widthPerGroup the channels per group (128 for Wide ResNet)
         * @return these options, for chaining
         */
        public Options widthPerGroup(long widthPerGroup) {
            this.widthPerGroup = widthPerGroup;
            return this;
        }

        /**
         * For layer2..layer4, whether to dilate instead of striding; mirrors {@code
         * replace_stride_with_dilation}.
         *
         * @param layer2 whether layer2 dilates instead of striding
         * @param layer3 whether layer3 dilates instead of striding
         * @param layer4 whether layer4 dilates instead of striding
         * @return these options, for chaining
         */
        public Options replaceStrideWithDilation(boolean layer2, boolean layer3, boolean layer4) {
            this.replaceStrideWithDilation = new boolean[] {layer2, layer3, layer4};
            return this;
        }
    }

    private long inplanes = 64;
    private long dilation = 1;

    /**
     * torchvision's defaults: 1000 classes, no zero-init, groups 1, width 64.
     *
     * @return new options with torchvision's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * A ResNet of {@code block}s, {@code layers[i]} of them in stage i; mirrors
     * {@code ResNet(block, layers, **kwargs)}.
     *
     * @param block {@code BASIC} (ResNet-18/34) or {@code BOTTLENECK} (ResNet-50 and deeper)
     * @param layers the number of blocks in each of the 4 stages
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     */
    public ResNet(Block block, int[] layers, Options options) {
        if (layers.length != 4) {
            throw new IllegalArgumentException("ResNet takes 4 stage lengths, got " + layers.length);
        }
        if (block == Block.BASIC && (options.groups != 1 || options.widthPerGroup != 64)) {
            throw new IllegalArgumentException("BasicBlock only supports groups=1 and base_width=64");
        }
        registerModule("conv1", new Conv2d(3, 64, 7, Conv2d.options().stride(2).padding(3).bias(false)));
        registerModule("bn1", new BatchNorm2d(64));
        registerModule("relu", new ReLU(true));
        registerModule("maxpool", new MaxPool2d(3, 2, 1));
        boolean[] dilate = options.replaceStrideWithDilation;
        registerModule("layer1", makeLayer(block, 64, layers[0], 1, false, options));
        registerModule("layer2", makeLayer(block, 128, layers[1], 2, dilate[0], options));
        registerModule("layer3", makeLayer(block, 256, layers[2], 2, dilate[1], options));
        registerModule("layer4", makeLayer(block, 512, layers[3], 2, dilate[2], options));
        registerModule("avgpool", new AdaptiveAvgPool2d(1));
        registerModule("fc", new Linear(512L * block.expansion, options.numClasses));
        ModelInit.resnet(this);
        if (options.zeroInitResidual) {
            for (Module m : modules()) {
                if (m instanceof Bottleneck) {
                    ModelInit.constant(m.getSubmodule("bn3").parameter("weight"), 0);
                } else if (m instanceof BasicBlock) {
                    ModelInit.constant(m.getSubmodule("bn2").parameter("weight"), 0);
                }
            }
        }
    }

    private Sequential makeLayer(Block block, long planes, int blocks, long stride, boolean dilate, Options o) {
        Module downsample = null;
        long previousDilation = dilation;
        if (dilate) {
            dilation *= stride;
            stride = 1;
        }
        long out = planes * block.expansion;
        if (stride != 1 || inplanes != out) {
            downsample = new Sequential(BasicBlock.conv1x1(inplanes, out, stride), new BatchNorm2d(out));
        }
        Sequential layer = new Sequential();
        layer.append(block == Block.BASIC ? basic(inplanes, planes, stride, downsample, previousDilation)
                : new Bottleneck(inplanes, planes, stride, downsample, o.groups, o.widthPerGroup, previousDilation));
        inplanes = out;
        for (int i = 1; i < blocks; i++) {
            layer.append(block == Block.BASIC ? basic(inplanes, planes, 1, null, dilation)
                    : new Bottleneck(inplanes, planes, 1, null, o.groups, o.widthPerGroup, dilation));
        }
        return layer;
    }

    private static BasicBlock basic(long inplanes, long planes, long stride, Module downsample, long dilation) {
        if (dilation > 1) {
            throw new UnsupportedOperationException("Dilation > 1 not supported in BasicBlock");
        }
        return new BasicBlock(inplanes, planes, stride, downsample);
    }

    /**
     * {@return the classifier, {@code Linear(512·expansion, numClasses)} unless replaced; mirrors
     * {@code model.fc}}
     */
    public Module fc() {
        return child("fc");
    }

    /**
     * Replaces the classifier; mirrors {@code model.fc = module}. Returns this.
     *
     * @param module the new classifier
     * @return this, for chaining
     */
    public ResNet fc(Module module) {
        registerModule("fc", module);
        return this;
    }

    @Override
    public String headPath() {
        return "fc";
    }

    @Override
    public Tensor forward(Tensor x) {
        // each stage's output is released once the next stage has used it (Scope.chain)
        java.util.List<java.util.function.UnaryOperator<Tensor>> stages = new java.util.ArrayList<>();
        for (String name : new String[] {"conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool"}) {
            stages.add(child(name)::forward);
        }
        stages.add(t -> t.flatten(1, -1));
        stages.add(child("fc")::forward);
        return io.jtorch.Scope.chain(x, stages);
    }

    /** The stages of {@link #forward}, for the frozen-prefix feature cache: {@code conv1} ... {@code avgpool}, a flatten, {@code fc}. */
    @Override
    public java.util.LinkedHashMap<String, Module> stages() {
        java.util.LinkedHashMap<String, Module> out = new java.util.LinkedHashMap<>();
        for (String name : new String[] {"conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool"}) {
            out.put(name, child(name));
        }
        out.put("torch.flatten", new io.jtorch.nn.Flatten(1, -1));
        out.put("fc", child("fc"));
        return out;
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    x = self.maxpool.forward(self.relu.forward(self.bn1.forward(self.conv1.forward(x))))\n"
                + "    x = self.layer4.forward(self.layer3.forward(self.layer2.forward(self.layer1.forward(x))))\n"
                + "    x = torch.flatten(self.avgpool.forward(x), 1)\n"
                + "    return self.fc.forward(x)\n";
    }

    // ---------------------------------------------------------------- builders


    // Each architecture has four builders, mirroring torchvision's {name}(**kwargs),
    // {name}(num_classes=n), {name}() and {name}(weights=...) (the file given by its path).
    // Options that define an architecture (groups, width) are set by its builder.

    /**
     * ResNet-18; mirrors {@code torchvision.models.resnet18(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet18(Options options) {
        return new ResNet(Block.BASIC, new int[] {2, 2, 2, 2}, options);
    }

    /**
     * ResNet-18 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnet18(long numClasses) {
        return resnet18(options().numClasses(numClasses));
    }

    /**
     * ResNet-18 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet18() {
        return resnet18(options());
    }

    /**
     * ResNet-18 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnet18(ResNet18Weights weights, Path file) throws IOException {
        return resnet18(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNet-34; mirrors {@code torchvision.models.resnet34(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet34(Options options) {
        return new ResNet(Block.BASIC, new int[] {3, 4, 6, 3}, options);
    }

    /**
     * ResNet-34 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnet34(long numClasses) {
        return resnet34(options().numClasses(numClasses));
    }

    /**
     * ResNet-34 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet34() {
        return resnet34(options());
    }

    /**
     * ResNet-34 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnet34(ResNet34Weights weights, Path file) throws IOException {
        return resnet34(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNet-50; mirrors {@code torchvision.models.resnet50(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet50(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 6, 3}, options);
    }

    /**
     * ResNet-50 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnet50(long numClasses) {
        return resnet50(options().numClasses(numClasses));
    }

    /**
     * ResNet-50 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet50() {
        return resnet50(options());
    }

    /**
     * ResNet-50 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnet50(ResNet50Weights weights, Path file) throws IOException {
        return resnet50(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNet-101; mirrors {@code torchvision.models.resnet101(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet101(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 23, 3}, options);
    }

    /**
     * ResNet-101 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnet101(long numClasses) {
        return resnet101(options().numClasses(numClasses));
    }

    /**
     * ResNet-101 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet101() {
        return resnet101(options());
    }

    /**
     * ResNet-101 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnet101(ResNet101Weights weights, Path file) throws IOException {
        return resnet101(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNet-152; mirrors {@code torchvision.models.resnet152(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet152(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 8, 36, 3}, options);
    }

    /**
     * ResNet-152 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnet152(long numClasses) {
        return resnet152(options().numClasses(numClasses));
    }

    /**
     * ResNet-152 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnet152() {
        return resnet152(options());
    }

    /**
     * ResNet-152 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnet152(ResNet152Weights weights, Path file) throws IOException {
        return resnet152(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNeXt-50 32x4d; mirrors {@code torchvision.models.resnext50_32x4d(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnext50_32x4d(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 6, 3}, options.groups(32).widthPerGroup(4));
    }

    /**
     * ResNeXt-50 32x4d for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnext50_32x4d(long numClasses) {
        return resnext50_32x4d(options().numClasses(numClasses));
    }

    /**
     * ResNeXt-50 32x4d for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnext50_32x4d() {
        return resnext50_32x4d(options());
    }

    /**
     * ResNeXt-50 32x4d with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnext50_32x4d(ResNeXt50_32X4DWeights weights, Path file) throws IOException {
        return resnext50_32x4d(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNeXt-101 32x8d; mirrors {@code torchvision.models.resnext101_32x8d(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnext101_32x8d(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 23, 3}, options.groups(32).widthPerGroup(8));
    }

    /**
     * ResNeXt-101 32x8d for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnext101_32x8d(long numClasses) {
        return resnext101_32x8d(options().numClasses(numClasses));
    }

    /**
     * ResNeXt-101 32x8d for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnext101_32x8d() {
        return resnext101_32x8d(options());
    }

    /**
     * ResNeXt-101 32x8d with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnext101_32x8d(ResNeXt101_32X8DWeights weights, Path file) throws IOException {
        return resnext101_32x8d(weights.numClasses()).loadWeights(file);
    }

    /**
     * ResNeXt-101 64x4d; mirrors {@code torchvision.models.resnext101_64x4d(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnext101_64x4d(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 23, 3}, options.groups(64).widthPerGroup(4));
    }

    /**
     * ResNeXt-101 64x4d for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet resnext101_64x4d(long numClasses) {
        return resnext101_64x4d(options().numClasses(numClasses));
    }

    /**
     * ResNeXt-101 64x4d for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet resnext101_64x4d() {
        return resnext101_64x4d(options());
    }

    /**
     * ResNeXt-101 64x4d with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet resnext101_64x4d(ResNeXt101_64X4DWeights weights, Path file) throws IOException {
        return resnext101_64x4d(weights.numClasses()).loadWeights(file);
    }

    /**
     * Wide ResNet-50-2; mirrors {@code torchvision.models.wide_resnet50_2(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet wideResnet50_2(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 6, 3}, options.widthPerGroup(128));
    }

    /**
     * Wide ResNet-50-2 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet wideResnet50_2(long numClasses) {
        return wideResnet50_2(options().numClasses(numClasses));
    }

    /**
     * Wide ResNet-50-2 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet wideResnet50_2() {
        return wideResnet50_2(options());
    }

    /**
     * Wide ResNet-50-2 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet wideResnet50_2(WideResNet50_2Weights weights, Path file) throws IOException {
        return wideResnet50_2(weights.numClasses()).loadWeights(file);
    }

    /**
     * Wide ResNet-101-2; mirrors {@code torchvision.models.wide_resnet101_2(**kwargs)}.
     *
     * @param options the number of classes, groups, width per group, dilation and zero-init choice
     *     (see {@link #options()})
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet wideResnet101_2(Options options) {
        return new ResNet(Block.BOTTLENECK, new int[] {3, 4, 23, 3}, options.widthPerGroup(128));
    }

    /**
     * Wide ResNet-101-2 for {@code numClasses} classes.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static ResNet wideResnet101_2(long numClasses) {
        return wideResnet101_2(options().numClasses(numClasses));
    }

    /**
     * Wide ResNet-101-2 for 1000 classes.
     *
     * @return a new model, initialised as torchvision initialises it
     */
    public static ResNet wideResnet101_2() {
        return wideResnet101_2(options());
    }

    /**
     * Wide ResNet-101-2 with {@code weights} loaded strictly from {@code file}.
     *
     * @return the model, with the pretrained weights loaded
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static ResNet wideResnet101_2(WideResNet101_2Weights weights, Path file) throws IOException {
        return wideResnet101_2(weights.numClasses()).loadWeights(file);
    }
}
