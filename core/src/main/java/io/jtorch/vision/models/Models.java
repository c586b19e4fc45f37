package io.jtorch.vision.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The model builders, by torchvision's names in camelCase. Mirrors {@code torchvision.models}:
 * {@code models.resnet50(num_classes=10)} is {@code Models.resnet50(10)},
 * {@code models.resnet50(weights=ResNet50_Weights.IMAGENET1K_V2)} is
 * {@code Models.resnet50(ResNet50Weights.IMAGENET1K_V2, path)} (or, without the path, the copy
 * in torchvision's cache), {@code models.get_model("vgg16_bn", num_classes=10)} is
 * {@code Models.getModel("vgg16_bn", 10)}. Made for {@code import static io.jtorch.vision.models.Models.*}.
 *
 * <p>Each architecture has four builders: {@code ()} (1000 classes, random init),
 * {@code (numClasses)}, {@code (weights, file)} and {@code (weights)}; the family classes
 * ({@link ResNet}, {@link VGG}, {@link DenseNet}, ...) also take their options objects.
 */
public final class Models {
    private static final Map<String, LongFunction<VisionModel<?>>> BUILDERS = new LinkedHashMap<>();
    private static final Map<String, Weights[]> WEIGHTS = new LinkedHashMap<>();

    static {
        BUILDERS.put("resnet18", ResNet::resnet18);
        BUILDERS.put("resnet34", ResNet::resnet34);
        BUILDERS.put("resnet50", ResNet::resnet50);
        BUILDERS.put("resnet101", ResNet::resnet101);
        BUILDERS.put("resnet152", ResNet::resnet152);
        BUILDERS.put("resnext50_32x4d", ResNet::resnext50_32x4d);
        BUILDERS.put("resnext101_32x8d", ResNet::resnext101_32x8d);
        BUILDERS.put("resnext101_64x4d", ResNet::resnext101_64x4d);
        BUILDERS.put("wide_resnet50_2", ResNet::wideResnet50_2);
        BUILDERS.put("wide_resnet101_2", ResNet::wideResnet101_2);
        BUILDERS.put("vgg11", VGG::vgg11);
        BUILDERS.put("vgg11_bn", VGG::vgg11Bn);
        BUILDERS.put("vgg13", VGG::vgg13);
        BUILDERS.put("vgg13_bn", VGG::vgg13Bn);
        BUILDERS.put("vgg16", VGG::vgg16);
        BUILDERS.put("vgg16_bn", VGG::vgg16Bn);
        BUILDERS.put("vgg19", VGG::vgg19);
        BUILDERS.put("vgg19_bn", VGG::vgg19Bn);
        BUILDERS.put("densenet121", DenseNet::densenet121);
        BUILDERS.put("densenet161", DenseNet::densenet161);
        BUILDERS.put("densenet169", DenseNet::densenet169);
        BUILDERS.put("densenet201", DenseNet::densenet201);
        BUILDERS.put("mobilenet_v2", MobileNetV2::mobilenetV2);
        BUILDERS.put("mobilenet_v3_large", MobileNetV3::mobilenetV3Large);
        BUILDERS.put("mobilenet_v3_small", MobileNetV3::mobilenetV3Small);
        BUILDERS.put("efficientnet_b0", EfficientNet::efficientnetB0);
        BUILDERS.put("efficientnet_b1", EfficientNet::efficientnetB1);
        BUILDERS.put("efficientnet_b2", EfficientNet::efficientnetB2);
        BUILDERS.put("efficientnet_b3", EfficientNet::efficientnetB3);
        BUILDERS.put("efficientnet_b4", EfficientNet::efficientnetB4);
        BUILDERS.put("efficientnet_b5", EfficientNet::efficientnetB5);
        BUILDERS.put("efficientnet_b6", EfficientNet::efficientnetB6);
        BUILDERS.put("efficientnet_b7", EfficientNet::efficientnetB7);
        BUILDERS.put("efficientnet_v2_s", EfficientNet::efficientnetV2S);
        BUILDERS.put("convnext_tiny", ConvNeXt::convnextTiny);
        BUILDERS.put("convnext_small", ConvNeXt::convnextSmall);
        BUILDERS.put("convnext_base", ConvNeXt::convnextBase);
        BUILDERS.put("convnext_large", ConvNeXt::convnextLarge);
        BUILDERS.put("vit_b_16", VisionTransformer::vitB16);
        BUILDERS.put("vit_b_32", VisionTransformer::vitB32);
        BUILDERS.put("vit_l_16", VisionTransformer::vitL16);
        WEIGHTS.put("resnet18", ResNet18Weights.values());
        WEIGHTS.put("resnet34", ResNet34Weights.values());
        WEIGHTS.put("resnet50", ResNet50Weights.values());
        WEIGHTS.put("resnet101", ResNet101Weights.values());
        WEIGHTS.put("resnet152", ResNet152Weights.values());
        WEIGHTS.put("resnext50_32x4d", ResNeXt50_32X4DWeights.values());
        WEIGHTS.put("resnext101_32x8d", ResNeXt101_32X8DWeights.values());
        WEIGHTS.put("resnext101_64x4d", ResNeXt101_64X4DWeights.values());
        WEIGHTS.put("wide_resnet50_2", WideResNet50_2Weights.values());
        WEIGHTS.put("wide_resnet101_2", WideResNet101_2Weights.values());
        WEIGHTS.put("vgg11", VGG11Weights.values());
        WEIGHTS.put("vgg11_bn", VGG11BNWeights.values());
        WEIGHTS.put("vgg13", VGG13Weights.values());
        WEIGHTS.put("vgg13_bn", VGG13BNWeights.values());
        WEIGHTS.put("vgg16", VGG16Weights.values());
        WEIGHTS.put("vgg16_bn", VGG16BNWeights.values());
        WEIGHTS.put("vgg19", VGG19Weights.values());
        WEIGHTS.put("vgg19_bn", VGG19BNWeights.values());
        WEIGHTS.put("densenet121", DenseNet121Weights.values());
        WEIGHTS.put("densenet161", DenseNet161Weights.values());
        WEIGHTS.put("densenet169", DenseNet169Weights.values());
        WEIGHTS.put("densenet201", DenseNet201Weights.values());
        WEIGHTS.put("mobilenet_v2", MobileNetV2Weights.values());
        WEIGHTS.put("mobilenet_v3_large", MobileNetV3LargeWeights.values());
        WEIGHTS.put("mobilenet_v3_small", MobileNetV3SmallWeights.values());
        WEIGHTS.put("efficientnet_b0", EfficientNetB0Weights.values());
        WEIGHTS.put("efficientnet_b1", EfficientNetB1Weights.values());
        WEIGHTS.put("efficientnet_b2", EfficientNetB2Weights.values());
        WEIGHTS.put("efficientnet_b3", EfficientNetB3Weights.values());
        WEIGHTS.put("efficientnet_b4", EfficientNetB4Weights.values());
        WEIGHTS.put("efficientnet_b5", EfficientNetB5Weights.values());
        WEIGHTS.put("efficientnet_b6", EfficientNetB6Weights.values());
        WEIGHTS.put("efficientnet_b7", EfficientNetB7Weights.values());
        WEIGHTS.put("efficientnet_v2_s", EfficientNetV2SWeights.values());
        WEIGHTS.put("convnext_tiny", ConvNeXtTinyWeights.values());
        WEIGHTS.put("convnext_small", ConvNeXtSmallWeights.values());
        WEIGHTS.put("convnext_base", ConvNeXtBaseWeights.values());
        WEIGHTS.put("convnext_large", ConvNeXtLargeWeights.values());
        WEIGHTS.put("vit_b_16", ViTB16Weights.values());
        WEIGHTS.put("vit_b_32", ViTB32Weights.values());
        WEIGHTS.put("vit_l_16", ViTL16Weights.values());
    }

    private Models() {}

    /**
     * {@return the model called {@code name} (torchvision's snake_case name, e.g. {@code "resnet50"},
     * {@code "wide_resnet50_2"}, {@code "vgg16_bn"}) for {@code numClasses} classes, randomly
     * initialised; mirrors {@code torchvision.models.get_model(name, num_classes=n)}}
     *
     * @param name torchvision's snake_case name, such as {@code "resnet50"}
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static VisionModel<?> getModel(String name, long numClasses) {
        LongFunction<VisionModel<?>> builder = BUILDERS.get(name);
        if (builder == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", BUILDERS.keySet()));
        }
        return builder.apply(numClasses);
    }

    /**
     * {@return the pretrained weights torchvision has for the model called {@code name}, the best first
     * only if torchvision lists it first; mirrors {@code torchvision.models.get_model_weights(name)}}
     *
     * @param name torchvision's snake_case name, such as {@code "resnet50"}
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static List<Weights> getModelWeights(String name) {
        Weights[] w = WEIGHTS.get(name);
        if (w == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", WEIGHTS.keySet()));
        }
        return List.of(w);
    }

    /**
     * {@return the names {@link #getModel} knows, in torchvision's spelling; mirrors {@code
     * torchvision.models.list_models()}}
     */
    public static List<String> listModels() {
        return new ArrayList<>(BUILDERS.keySet());
    }

    // ResNet
    /**
     * {@return torchvision's {@code resnet18()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnet18()}}
     */
    public static ResNet resnet18() { return ResNet.resnet18(); }
    /**
     * {@return torchvision's {@code resnet18(num_classes=numClasses)}, randomly initialised; see
     * {@link ResNet#resnet18(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnet18(long numClasses) { return ResNet.resnet18(numClasses); }
    /**
     * {@return torchvision's {@code resnet18(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnet18(ResNet18Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnet18(ResNet18Weights weights, Path file) throws IOException { return ResNet.resnet18(weights, file); }
    /**
     * {@return torchvision's {@code resnet18(weights=...)} with the weights read from
     * torchvision's cache; see {@link ResNet#resnet18(ResNet18Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnet18(ResNet18Weights weights) throws IOException { return ResNet.resnet18(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnet34()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnet34()}}
     */
    public static ResNet resnet34() { return ResNet.resnet34(); }
    /**
     * {@return torchvision's {@code resnet34(num_classes=numClasses)}, randomly initialised; see
     * {@link ResNet#resnet34(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnet34(long numClasses) { return ResNet.resnet34(numClasses); }
    /**
     * {@return torchvision's {@code resnet34(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnet34(ResNet34Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnet34(ResNet34Weights weights, Path file) throws IOException { return ResNet.resnet34(weights, file); }
    /**
     * {@return torchvision's {@code resnet34(weights=...)} with the weights read from
     * torchvision's cache; see {@link ResNet#resnet34(ResNet34Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnet34(ResNet34Weights weights) throws IOException { return ResNet.resnet34(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnet50()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnet50()}}
     */
    public static ResNet resnet50() { return ResNet.resnet50(); }
    /**
     * {@return torchvision's {@code resnet50(num_classes=numClasses)}, randomly initialised; see
     * {@link ResNet#resnet50(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnet50(long numClasses) { return ResNet.resnet50(numClasses); }
    /**
     * {@return torchvision's {@code resnet50(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnet50(ResNet50Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnet50(ResNet50Weights weights, Path file) throws IOException { return ResNet.resnet50(weights, file); }
    /**
     * {@return torchvision's {@code resnet50(weights=...)} with the weights read from
     * torchvision's cache; see {@link ResNet#resnet50(ResNet50Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnet50(ResNet50Weights weights) throws IOException { return ResNet.resnet50(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnet101()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnet101()}}
     */
    public static ResNet resnet101() { return ResNet.resnet101(); }
    /**
     * {@return torchvision's {@code resnet101(num_classes=numClasses)}, randomly initialised; see
     * {@link ResNet#resnet101(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnet101(long numClasses) { return ResNet.resnet101(numClasses); }
    /**
     * {@return torchvision's {@code resnet101(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnet101(ResNet101Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnet101(ResNet101Weights weights, Path file) throws IOException { return ResNet.resnet101(weights, file); }
    /**
     * {@return torchvision's {@code resnet101(weights=...)} with the weights read from
     * torchvision's cache; see {@link ResNet#resnet101(ResNet101Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnet101(ResNet101Weights weights) throws IOException { return ResNet.resnet101(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnet152()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnet152()}}
     */
    public static ResNet resnet152() { return ResNet.resnet152(); }
    /**
     * {@return torchvision's {@code resnet152(num_classes=numClasses)}, randomly initialised; see
     * {@link ResNet#resnet152(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnet152(long numClasses) { return ResNet.resnet152(numClasses); }
    /**
     * {@return torchvision's {@code resnet152(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnet152(ResNet152Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnet152(ResNet152Weights weights, Path file) throws IOException { return ResNet.resnet152(weights, file); }
    /**
     * {@return torchvision's {@code resnet152(weights=...)} with the weights read from
     * torchvision's cache; see {@link ResNet#resnet152(ResNet152Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnet152(ResNet152Weights weights) throws IOException { return ResNet.resnet152(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnext50_32x4d()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnext50_32x4d()}}
     */
    public static ResNet resnext50_32x4d() { return ResNet.resnext50_32x4d(); }
    /**
     * {@return torchvision's {@code resnext50_32x4d(num_classes=numClasses)}, randomly
     * initialised; see {@link ResNet#resnext50_32x4d(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnext50_32x4d(long numClasses) { return ResNet.resnext50_32x4d(numClasses); }
    /**
     * {@return torchvision's {@code resnext50_32x4d(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnext50_32x4d(ResNeXt50_32X4DWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnext50_32x4d(ResNeXt50_32X4DWeights weights, Path file) throws IOException { return ResNet.resnext50_32x4d(weights, file); }
    /**
     * {@return torchvision's {@code resnext50_32x4d(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ResNet#resnext50_32x4d(ResNeXt50_32X4DWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnext50_32x4d(ResNeXt50_32X4DWeights weights) throws IOException { return ResNet.resnext50_32x4d(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnext101_32x8d()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnext101_32x8d()}}
     */
    public static ResNet resnext101_32x8d() { return ResNet.resnext101_32x8d(); }
    /**
     * {@return torchvision's {@code resnext101_32x8d(num_classes=numClasses)}, randomly
     * initialised; see {@link ResNet#resnext101_32x8d(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnext101_32x8d(long numClasses) { return ResNet.resnext101_32x8d(numClasses); }
    /**
     * {@return torchvision's {@code resnext101_32x8d(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnext101_32x8d(ResNeXt101_32X8DWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnext101_32x8d(ResNeXt101_32X8DWeights weights, Path file) throws IOException { return ResNet.resnext101_32x8d(weights, file); }
    /**
     * {@return torchvision's {@code resnext101_32x8d(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ResNet#resnext101_32x8d(ResNeXt101_32X8DWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnext101_32x8d(ResNeXt101_32X8DWeights weights) throws IOException { return ResNet.resnext101_32x8d(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code resnext101_64x4d()}: 1000 classes, randomly initialised; see
     * {@link ResNet#resnext101_64x4d()}}
     */
    public static ResNet resnext101_64x4d() { return ResNet.resnext101_64x4d(); }
    /**
     * {@return torchvision's {@code resnext101_64x4d(num_classes=numClasses)}, randomly
     * initialised; see {@link ResNet#resnext101_64x4d(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet resnext101_64x4d(long numClasses) { return ResNet.resnext101_64x4d(numClasses); }
    /**
     * {@return torchvision's {@code resnext101_64x4d(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#resnext101_64x4d(ResNeXt101_64X4DWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet resnext101_64x4d(ResNeXt101_64X4DWeights weights, Path file) throws IOException { return ResNet.resnext101_64x4d(weights, file); }
    /**
     * {@return torchvision's {@code resnext101_64x4d(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ResNet#resnext101_64x4d(ResNeXt101_64X4DWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet resnext101_64x4d(ResNeXt101_64X4DWeights weights) throws IOException { return ResNet.resnext101_64x4d(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code wide_resnet50_2()}: 1000 classes, randomly initialised; see
     * {@link ResNet#wideResnet50_2()}}
     */
    public static ResNet wideResnet50_2() { return ResNet.wideResnet50_2(); }
    /**
     * {@return torchvision's {@code wide_resnet50_2(num_classes=numClasses)}, randomly
     * initialised; see {@link ResNet#wideResnet50_2(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet wideResnet50_2(long numClasses) { return ResNet.wideResnet50_2(numClasses); }
    /**
     * {@return torchvision's {@code wide_resnet50_2(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#wideResnet50_2(WideResNet50_2Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet wideResnet50_2(WideResNet50_2Weights weights, Path file) throws IOException { return ResNet.wideResnet50_2(weights, file); }
    /**
     * {@return torchvision's {@code wide_resnet50_2(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ResNet#wideResnet50_2(WideResNet50_2Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet wideResnet50_2(WideResNet50_2Weights weights) throws IOException { return ResNet.wideResnet50_2(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code wide_resnet101_2()}: 1000 classes, randomly initialised; see
     * {@link ResNet#wideResnet101_2()}}
     */
    public static ResNet wideResnet101_2() { return ResNet.wideResnet101_2(); }
    /**
     * {@return torchvision's {@code wide_resnet101_2(num_classes=numClasses)}, randomly
     * initialised; see {@link ResNet#wideResnet101_2(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ResNet wideResnet101_2(long numClasses) { return ResNet.wideResnet101_2(numClasses); }
    /**
     * {@return torchvision's {@code wide_resnet101_2(weights=...)} with the weights read from
     * {@code file}; see {@link ResNet#wideResnet101_2(WideResNet101_2Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ResNet wideResnet101_2(WideResNet101_2Weights weights, Path file) throws IOException { return ResNet.wideResnet101_2(weights, file); }
    /**
     * {@return torchvision's {@code wide_resnet101_2(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ResNet#wideResnet101_2(WideResNet101_2Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ResNet wideResnet101_2(WideResNet101_2Weights weights) throws IOException { return ResNet.wideResnet101_2(weights, weights.requireCachedFile()); }

    // VGG
    /**
     * {@return torchvision's {@code vgg11()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg11()}}
     */
    public static VGG vgg11() { return VGG.vgg11(); }
    /**
     * {@return torchvision's {@code vgg11(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg11(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg11(long numClasses) { return VGG.vgg11(numClasses); }
    /**
     * {@return torchvision's {@code vgg11(weights=...)} with the weights read from {@code file};
     * see {@link VGG#vgg11(VGG11Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg11(VGG11Weights weights, Path file) throws IOException { return VGG.vgg11(weights, file); }
    /**
     * {@return torchvision's {@code vgg11(weights=...)} with the weights read from torchvision's
     * cache; see {@link VGG#vgg11(VGG11Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg11(VGG11Weights weights) throws IOException { return VGG.vgg11(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg11_bn()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg11Bn()}}
     */
    public static VGG vgg11Bn() { return VGG.vgg11Bn(); }
    /**
     * {@return torchvision's {@code vgg11_bn(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg11Bn(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg11Bn(long numClasses) { return VGG.vgg11Bn(numClasses); }
    /**
     * {@return torchvision's {@code vgg11_bn(weights=...)} with the weights read from
     * {@code file}; see {@link VGG#vgg11Bn(VGG11BNWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg11Bn(VGG11BNWeights weights, Path file) throws IOException { return VGG.vgg11Bn(weights, file); }
    /**
     * {@return torchvision's {@code vgg11_bn(weights=...)} with the weights read from
     * torchvision's cache; see {@link VGG#vgg11Bn(VGG11BNWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg11Bn(VGG11BNWeights weights) throws IOException { return VGG.vgg11Bn(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg13()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg13()}}
     */
    public static VGG vgg13() { return VGG.vgg13(); }
    /**
     * {@return torchvision's {@code vgg13(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg13(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg13(long numClasses) { return VGG.vgg13(numClasses); }
    /**
     * {@return torchvision's {@code vgg13(weights=...)} with the weights read from {@code file};
     * see {@link VGG#vgg13(VGG13Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg13(VGG13Weights weights, Path file) throws IOException { return VGG.vgg13(weights, file); }
    /**
     * {@return torchvision's {@code vgg13(weights=...)} with the weights read from torchvision's
     * cache; see {@link VGG#vgg13(VGG13Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg13(VGG13Weights weights) throws IOException { return VGG.vgg13(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg13_bn()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg13Bn()}}
     */
    public static VGG vgg13Bn() { return VGG.vgg13Bn(); }
    /**
     * {@return torchvision's {@code vgg13_bn(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg13Bn(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg13Bn(long numClasses) { return VGG.vgg13Bn(numClasses); }
    /**
     * {@return torchvision's {@code vgg13_bn(weights=...)} with the weights read from
     * {@code file}; see {@link VGG#vgg13Bn(VGG13BNWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg13Bn(VGG13BNWeights weights, Path file) throws IOException { return VGG.vgg13Bn(weights, file); }
    /**
     * {@return torchvision's {@code vgg13_bn(weights=...)} with the weights read from
     * torchvision's cache; see {@link VGG#vgg13Bn(VGG13BNWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg13Bn(VGG13BNWeights weights) throws IOException { return VGG.vgg13Bn(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg16()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg16()}}
     */
    public static VGG vgg16() { return VGG.vgg16(); }
    /**
     * {@return torchvision's {@code vgg16(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg16(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg16(long numClasses) { return VGG.vgg16(numClasses); }
    /**
     * {@return torchvision's {@code vgg16(weights=...)} with the weights read from {@code file};
     * see {@link VGG#vgg16(VGG16Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg16(VGG16Weights weights, Path file) throws IOException { return VGG.vgg16(weights, file); }
    /**
     * {@return torchvision's {@code vgg16(weights=...)} with the weights read from torchvision's
     * cache; see {@link VGG#vgg16(VGG16Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg16(VGG16Weights weights) throws IOException { return VGG.vgg16(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg16_bn()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg16Bn()}}
     */
    public static VGG vgg16Bn() { return VGG.vgg16Bn(); }
    /**
     * {@return torchvision's {@code vgg16_bn(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg16Bn(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg16Bn(long numClasses) { return VGG.vgg16Bn(numClasses); }
    /**
     * {@return torchvision's {@code vgg16_bn(weights=...)} with the weights read from
     * {@code file}; see {@link VGG#vgg16Bn(VGG16BNWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg16Bn(VGG16BNWeights weights, Path file) throws IOException { return VGG.vgg16Bn(weights, file); }
    /**
     * {@return torchvision's {@code vgg16_bn(weights=...)} with the weights read from
     * torchvision's cache; see {@link VGG#vgg16Bn(VGG16BNWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg16Bn(VGG16BNWeights weights) throws IOException { return VGG.vgg16Bn(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg19()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg19()}}
     */
    public static VGG vgg19() { return VGG.vgg19(); }
    /**
     * {@return torchvision's {@code vgg19(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg19(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg19(long numClasses) { return VGG.vgg19(numClasses); }
    /**
     * {@return torchvision's {@code vgg19(weights=...)} with the weights read from {@code file};
     * see {@link VGG#vgg19(VGG19Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg19(VGG19Weights weights, Path file) throws IOException { return VGG.vgg19(weights, file); }
    /**
     * {@return torchvision's {@code vgg19(weights=...)} with the weights read from torchvision's
     * cache; see {@link VGG#vgg19(VGG19Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg19(VGG19Weights weights) throws IOException { return VGG.vgg19(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vgg19_bn()}: 1000 classes, randomly initialised; see
     * {@link VGG#vgg19Bn()}}
     */
    public static VGG vgg19Bn() { return VGG.vgg19Bn(); }
    /**
     * {@return torchvision's {@code vgg19_bn(num_classes=numClasses)}, randomly initialised; see
     * {@link VGG#vgg19Bn(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VGG vgg19Bn(long numClasses) { return VGG.vgg19Bn(numClasses); }
    /**
     * {@return torchvision's {@code vgg19_bn(weights=...)} with the weights read from
     * {@code file}; see {@link VGG#vgg19Bn(VGG19BNWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VGG vgg19Bn(VGG19BNWeights weights, Path file) throws IOException { return VGG.vgg19Bn(weights, file); }
    /**
     * {@return torchvision's {@code vgg19_bn(weights=...)} with the weights read from
     * torchvision's cache; see {@link VGG#vgg19Bn(VGG19BNWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VGG vgg19Bn(VGG19BNWeights weights) throws IOException { return VGG.vgg19Bn(weights, weights.requireCachedFile()); }

    // DenseNet
    /**
     * {@return torchvision's {@code densenet121()}: 1000 classes, randomly initialised; see
     * {@link DenseNet#densenet121()}}
     */
    public static DenseNet densenet121() { return DenseNet.densenet121(); }
    /**
     * {@return torchvision's {@code densenet121(num_classes=numClasses)}, randomly initialised;
     * see {@link DenseNet#densenet121(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static DenseNet densenet121(long numClasses) { return DenseNet.densenet121(numClasses); }
    /**
     * {@return torchvision's {@code densenet121(weights=...)} with the weights read from
     * {@code file}; see {@link DenseNet#densenet121(DenseNet121Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static DenseNet densenet121(DenseNet121Weights weights, Path file) throws IOException { return DenseNet.densenet121(weights, file); }
    /**
     * {@return torchvision's {@code densenet121(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link DenseNet#densenet121(DenseNet121Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static DenseNet densenet121(DenseNet121Weights weights) throws IOException { return DenseNet.densenet121(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code densenet161()}: 1000 classes, randomly initialised; see
     * {@link DenseNet#densenet161()}}
     */
    public static DenseNet densenet161() { return DenseNet.densenet161(); }
    /**
     * {@return torchvision's {@code densenet161(num_classes=numClasses)}, randomly initialised;
     * see {@link DenseNet#densenet161(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static DenseNet densenet161(long numClasses) { return DenseNet.densenet161(numClasses); }
    /**
     * {@return torchvision's {@code densenet161(weights=...)} with the weights read from
     * {@code file}; see {@link DenseNet#densenet161(DenseNet161Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static DenseNet densenet161(DenseNet161Weights weights, Path file) throws IOException { return DenseNet.densenet161(weights, file); }
    /**
     * {@return torchvision's {@code densenet161(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link DenseNet#densenet161(DenseNet161Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static DenseNet densenet161(DenseNet161Weights weights) throws IOException { return DenseNet.densenet161(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code densenet169()}: 1000 classes, randomly initialised; see
     * {@link DenseNet#densenet169()}}
     */
    public static DenseNet densenet169() { return DenseNet.densenet169(); }
    /**
     * {@return torchvision's {@code densenet169(num_classes=numClasses)}, randomly initialised;
     * see {@link DenseNet#densenet169(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static DenseNet densenet169(long numClasses) { return DenseNet.densenet169(numClasses); }
    /**
     * {@return torchvision's {@code densenet169(weights=...)} with the weights read from
     * {@code file}; see {@link DenseNet#densenet169(DenseNet169Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static DenseNet densenet169(DenseNet169Weights weights, Path file) throws IOException { return DenseNet.densenet169(weights, file); }
    /**
     * {@return torchvision's {@code densenet169(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link DenseNet#densenet169(DenseNet169Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static DenseNet densenet169(DenseNet169Weights weights) throws IOException { return DenseNet.densenet169(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code densenet201()}: 1000 classes, randomly initialised; see
     * {@link DenseNet#densenet201()}}
     */
    public static DenseNet densenet201() { return DenseNet.densenet201(); }
    /**
     * {@return torchvision's {@code densenet201(num_classes=numClasses)}, randomly initialised;
     * see {@link DenseNet#densenet201(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static DenseNet densenet201(long numClasses) { return DenseNet.densenet201(numClasses); }
    /**
     * {@return torchvision's {@code densenet201(weights=...)} with the weights read from
     * {@code file}; see {@link DenseNet#densenet201(DenseNet201Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static DenseNet densenet201(DenseNet201Weights weights, Path file) throws IOException { return DenseNet.densenet201(weights, file); }
    /**
     * {@return torchvision's {@code densenet201(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link DenseNet#densenet201(DenseNet201Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static DenseNet densenet201(DenseNet201Weights weights) throws IOException { return DenseNet.densenet201(weights, weights.requireCachedFile()); }

    // MobileNetV2
    /**
     * {@return torchvision's {@code mobilenet_v2()}: 1000 classes, randomly initialised; see
     * {@link MobileNetV2#mobilenetV2()}}
     */
    public static MobileNetV2 mobilenetV2() { return MobileNetV2.mobilenetV2(); }
    /**
     * {@return torchvision's {@code mobilenet_v2(num_classes=numClasses)}, randomly initialised;
     * see {@link MobileNetV2#mobilenetV2(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static MobileNetV2 mobilenetV2(long numClasses) { return MobileNetV2.mobilenetV2(numClasses); }
    /**
     * {@return torchvision's {@code mobilenet_v2(weights=...)} with the weights read from
     * {@code file}; see {@link MobileNetV2#mobilenetV2(MobileNetV2Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static MobileNetV2 mobilenetV2(MobileNetV2Weights weights, Path file) throws IOException { return MobileNetV2.mobilenetV2(weights, file); }
    /**
     * {@return torchvision's {@code mobilenet_v2(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link MobileNetV2#mobilenetV2(MobileNetV2Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static MobileNetV2 mobilenetV2(MobileNetV2Weights weights) throws IOException { return MobileNetV2.mobilenetV2(weights, weights.requireCachedFile()); }

    // MobileNetV3
    /**
     * {@return torchvision's {@code mobilenet_v3_large()}: 1000 classes, randomly initialised; see
     * {@link MobileNetV3#mobilenetV3Large()}}
     */
    public static MobileNetV3 mobilenetV3Large() { return MobileNetV3.mobilenetV3Large(); }
    /**
     * {@return torchvision's {@code mobilenet_v3_large(num_classes=numClasses)}, randomly
     * initialised; see {@link MobileNetV3#mobilenetV3Large(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static MobileNetV3 mobilenetV3Large(long numClasses) { return MobileNetV3.mobilenetV3Large(numClasses); }
    /**
     * {@return torchvision's {@code mobilenet_v3_large(weights=...)} with the weights read from
     * {@code file}; see {@link MobileNetV3#mobilenetV3Large(MobileNetV3LargeWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static MobileNetV3 mobilenetV3Large(MobileNetV3LargeWeights weights, Path file) throws IOException { return MobileNetV3.mobilenetV3Large(weights, file); }
    /**
     * {@return torchvision's {@code mobilenet_v3_large(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link MobileNetV3#mobilenetV3Large(MobileNetV3LargeWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static MobileNetV3 mobilenetV3Large(MobileNetV3LargeWeights weights) throws IOException { return MobileNetV3.mobilenetV3Large(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code mobilenet_v3_small()}: 1000 classes, randomly initialised; see
     * {@link MobileNetV3#mobilenetV3Small()}}
     */
    public static MobileNetV3 mobilenetV3Small() { return MobileNetV3.mobilenetV3Small(); }
    /**
     * {@return torchvision's {@code mobilenet_v3_small(num_classes=numClasses)}, randomly
     * initialised; see {@link MobileNetV3#mobilenetV3Small(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static MobileNetV3 mobilenetV3Small(long numClasses) { return MobileNetV3.mobilenetV3Small(numClasses); }
    /**
     * {@return torchvision's {@code mobilenet_v3_small(weights=...)} with the weights read from
     * {@code file}; see {@link MobileNetV3#mobilenetV3Small(MobileNetV3SmallWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static MobileNetV3 mobilenetV3Small(MobileNetV3SmallWeights weights, Path file) throws IOException { return MobileNetV3.mobilenetV3Small(weights, file); }
    /**
     * {@return torchvision's {@code mobilenet_v3_small(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link MobileNetV3#mobilenetV3Small(MobileNetV3SmallWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static MobileNetV3 mobilenetV3Small(MobileNetV3SmallWeights weights) throws IOException { return MobileNetV3.mobilenetV3Small(weights, weights.requireCachedFile()); }

    // EfficientNet
    /**
     * {@return torchvision's {@code efficientnet_b0()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB0()}}
     */
    public static EfficientNet efficientnetB0() { return EfficientNet.efficientnetB0(); }
    /**
     * {@return torchvision's {@code efficientnet_b0(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB0(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB0(long numClasses) { return EfficientNet.efficientnetB0(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b0(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB0(EfficientNetB0Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB0(EfficientNetB0Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB0(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b0(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB0(EfficientNetB0Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB0(EfficientNetB0Weights weights) throws IOException { return EfficientNet.efficientnetB0(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b1()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB1()}}
     */
    public static EfficientNet efficientnetB1() { return EfficientNet.efficientnetB1(); }
    /**
     * {@return torchvision's {@code efficientnet_b1(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB1(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB1(long numClasses) { return EfficientNet.efficientnetB1(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b1(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB1(EfficientNetB1Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB1(EfficientNetB1Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB1(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b1(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB1(EfficientNetB1Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB1(EfficientNetB1Weights weights) throws IOException { return EfficientNet.efficientnetB1(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b2()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB2()}}
     */
    public static EfficientNet efficientnetB2() { return EfficientNet.efficientnetB2(); }
    /**
     * {@return torchvision's {@code efficientnet_b2(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB2(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB2(long numClasses) { return EfficientNet.efficientnetB2(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b2(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB2(EfficientNetB2Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB2(EfficientNetB2Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB2(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b2(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB2(EfficientNetB2Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB2(EfficientNetB2Weights weights) throws IOException { return EfficientNet.efficientnetB2(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b3()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB3()}}
     */
    public static EfficientNet efficientnetB3() { return EfficientNet.efficientnetB3(); }
    /**
     * {@return torchvision's {@code efficientnet_b3(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB3(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB3(long numClasses) { return EfficientNet.efficientnetB3(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b3(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB3(EfficientNetB3Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB3(EfficientNetB3Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB3(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b3(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB3(EfficientNetB3Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB3(EfficientNetB3Weights weights) throws IOException { return EfficientNet.efficientnetB3(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b4()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB4()}}
     */
    public static EfficientNet efficientnetB4() { return EfficientNet.efficientnetB4(); }
    /**
     * {@return torchvision's {@code efficientnet_b4(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB4(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB4(long numClasses) { return EfficientNet.efficientnetB4(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b4(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB4(EfficientNetB4Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB4(EfficientNetB4Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB4(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b4(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB4(EfficientNetB4Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB4(EfficientNetB4Weights weights) throws IOException { return EfficientNet.efficientnetB4(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b5()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB5()}}
     */
    public static EfficientNet efficientnetB5() { return EfficientNet.efficientnetB5(); }
    /**
     * {@return torchvision's {@code efficientnet_b5(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB5(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB5(long numClasses) { return EfficientNet.efficientnetB5(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b5(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB5(EfficientNetB5Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB5(EfficientNetB5Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB5(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b5(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB5(EfficientNetB5Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB5(EfficientNetB5Weights weights) throws IOException { return EfficientNet.efficientnetB5(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b6()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB6()}}
     */
    public static EfficientNet efficientnetB6() { return EfficientNet.efficientnetB6(); }
    /**
     * {@return torchvision's {@code efficientnet_b6(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB6(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB6(long numClasses) { return EfficientNet.efficientnetB6(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b6(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB6(EfficientNetB6Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB6(EfficientNetB6Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB6(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b6(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB6(EfficientNetB6Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB6(EfficientNetB6Weights weights) throws IOException { return EfficientNet.efficientnetB6(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_b7()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetB7()}}
     */
    public static EfficientNet efficientnetB7() { return EfficientNet.efficientnetB7(); }
    /**
     * {@return torchvision's {@code efficientnet_b7(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetB7(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetB7(long numClasses) { return EfficientNet.efficientnetB7(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_b7(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetB7(EfficientNetB7Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetB7(EfficientNetB7Weights weights, Path file) throws IOException { return EfficientNet.efficientnetB7(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_b7(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetB7(EfficientNetB7Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetB7(EfficientNetB7Weights weights) throws IOException { return EfficientNet.efficientnetB7(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code efficientnet_v2_s()}: 1000 classes, randomly initialised; see
     * {@link EfficientNet#efficientnetV2S()}}
     */
    public static EfficientNet efficientnetV2S() { return EfficientNet.efficientnetV2S(); }
    /**
     * {@return torchvision's {@code efficientnet_v2_s(num_classes=numClasses)}, randomly
     * initialised; see {@link EfficientNet#efficientnetV2S(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static EfficientNet efficientnetV2S(long numClasses) { return EfficientNet.efficientnetV2S(numClasses); }
    /**
     * {@return torchvision's {@code efficientnet_v2_s(weights=...)} with the weights read from
     * {@code file}; see {@link EfficientNet#efficientnetV2S(EfficientNetV2SWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static EfficientNet efficientnetV2S(EfficientNetV2SWeights weights, Path file) throws IOException { return EfficientNet.efficientnetV2S(weights, file); }
    /**
     * {@return torchvision's {@code efficientnet_v2_s(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link EfficientNet#efficientnetV2S(EfficientNetV2SWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static EfficientNet efficientnetV2S(EfficientNetV2SWeights weights) throws IOException { return EfficientNet.efficientnetV2S(weights, weights.requireCachedFile()); }

    // ConvNeXt
    /**
     * {@return torchvision's {@code convnext_tiny()}: 1000 classes, randomly initialised; see
     * {@link ConvNeXt#convnextTiny()}}
     */
    public static ConvNeXt convnextTiny() { return ConvNeXt.convnextTiny(); }
    /**
     * {@return torchvision's {@code convnext_tiny(num_classes=numClasses)}, randomly initialised;
     * see {@link ConvNeXt#convnextTiny(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ConvNeXt convnextTiny(long numClasses) { return ConvNeXt.convnextTiny(numClasses); }
    /**
     * {@return torchvision's {@code convnext_tiny(weights=...)} with the weights read from
     * {@code file}; see {@link ConvNeXt#convnextTiny(ConvNeXtTinyWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ConvNeXt convnextTiny(ConvNeXtTinyWeights weights, Path file) throws IOException { return ConvNeXt.convnextTiny(weights, file); }
    /**
     * {@return torchvision's {@code convnext_tiny(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ConvNeXt#convnextTiny(ConvNeXtTinyWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ConvNeXt convnextTiny(ConvNeXtTinyWeights weights) throws IOException { return ConvNeXt.convnextTiny(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code convnext_small()}: 1000 classes, randomly initialised; see
     * {@link ConvNeXt#convnextSmall()}}
     */
    public static ConvNeXt convnextSmall() { return ConvNeXt.convnextSmall(); }
    /**
     * {@return torchvision's {@code convnext_small(num_classes=numClasses)}, randomly initialised;
     * see {@link ConvNeXt#convnextSmall(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ConvNeXt convnextSmall(long numClasses) { return ConvNeXt.convnextSmall(numClasses); }
    /**
     * {@return torchvision's {@code convnext_small(weights=...)} with the weights read from
     * {@code file}; see {@link ConvNeXt#convnextSmall(ConvNeXtSmallWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ConvNeXt convnextSmall(ConvNeXtSmallWeights weights, Path file) throws IOException { return ConvNeXt.convnextSmall(weights, file); }
    /**
     * {@return torchvision's {@code convnext_small(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ConvNeXt#convnextSmall(ConvNeXtSmallWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ConvNeXt convnextSmall(ConvNeXtSmallWeights weights) throws IOException { return ConvNeXt.convnextSmall(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code convnext_base()}: 1000 classes, randomly initialised; see
     * {@link ConvNeXt#convnextBase()}}
     */
    public static ConvNeXt convnextBase() { return ConvNeXt.convnextBase(); }
    /**
     * {@return torchvision's {@code convnext_base(num_classes=numClasses)}, randomly initialised;
     * see {@link ConvNeXt#convnextBase(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ConvNeXt convnextBase(long numClasses) { return ConvNeXt.convnextBase(numClasses); }
    /**
     * {@return torchvision's {@code convnext_base(weights=...)} with the weights read from
     * {@code file}; see {@link ConvNeXt#convnextBase(ConvNeXtBaseWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ConvNeXt convnextBase(ConvNeXtBaseWeights weights, Path file) throws IOException { return ConvNeXt.convnextBase(weights, file); }
    /**
     * {@return torchvision's {@code convnext_base(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ConvNeXt#convnextBase(ConvNeXtBaseWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ConvNeXt convnextBase(ConvNeXtBaseWeights weights) throws IOException { return ConvNeXt.convnextBase(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code convnext_large()}: 1000 classes, randomly initialised; see
     * {@link ConvNeXt#convnextLarge()}}
     */
    public static ConvNeXt convnextLarge() { return ConvNeXt.convnextLarge(); }
    /**
     * {@return torchvision's {@code convnext_large(num_classes=numClasses)}, randomly initialised;
     * see {@link ConvNeXt#convnextLarge(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static ConvNeXt convnextLarge(long numClasses) { return ConvNeXt.convnextLarge(numClasses); }
    /**
     * {@return torchvision's {@code convnext_large(weights=...)} with the weights read from
     * {@code file}; see {@link ConvNeXt#convnextLarge(ConvNeXtLargeWeights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static ConvNeXt convnextLarge(ConvNeXtLargeWeights weights, Path file) throws IOException { return ConvNeXt.convnextLarge(weights, file); }
    /**
     * {@return torchvision's {@code convnext_large(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link ConvNeXt#convnextLarge(ConvNeXtLargeWeights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static ConvNeXt convnextLarge(ConvNeXtLargeWeights weights) throws IOException { return ConvNeXt.convnextLarge(weights, weights.requireCachedFile()); }

    // VisionTransformer
    /**
     * {@return torchvision's {@code vit_b_16()}: 1000 classes, randomly initialised; see
     * {@link VisionTransformer#vitB16()}}
     */
    public static VisionTransformer vitB16() { return VisionTransformer.vitB16(); }
    /**
     * {@return torchvision's {@code vit_b_16(num_classes=numClasses)}, randomly initialised; see
     * {@link VisionTransformer#vitB16(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VisionTransformer vitB16(long numClasses) { return VisionTransformer.vitB16(numClasses); }
    /**
     * {@return torchvision's {@code vit_b_16(num_classes=numClasses, image_size=imageSize)},
     * randomly initialised; see {@link VisionTransformer#vitB16(long, long)}}
     *
     * @param numClasses the number of outputs of the classification head
     * @param imageSize the height and width of the input images, a multiple of the patch size
     */
    public static VisionTransformer vitB16(long numClasses, long imageSize) { return VisionTransformer.vitB16(numClasses, imageSize); }
    /**
     * {@return torchvision's {@code vit_b_16(weights=...)} with the weights read from
     * {@code file}; see {@link VisionTransformer#vitB16(ViTB16Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VisionTransformer vitB16(ViTB16Weights weights, Path file) throws IOException { return VisionTransformer.vitB16(weights, file); }
    /**
     * {@return torchvision's {@code vit_b_16(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link VisionTransformer#vitB16(ViTB16Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VisionTransformer vitB16(ViTB16Weights weights) throws IOException { return VisionTransformer.vitB16(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vit_b_32()}: 1000 classes, randomly initialised; see
     * {@link VisionTransformer#vitB32()}}
     */
    public static VisionTransformer vitB32() { return VisionTransformer.vitB32(); }
    /**
     * {@return torchvision's {@code vit_b_32(num_classes=numClasses)}, randomly initialised; see
     * {@link VisionTransformer#vitB32(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VisionTransformer vitB32(long numClasses) { return VisionTransformer.vitB32(numClasses); }
    /**
     * {@return torchvision's {@code vit_b_32(num_classes=numClasses, image_size=imageSize)},
     * randomly initialised; see {@link VisionTransformer#vitB32(long, long)}}
     *
     * @param numClasses the number of outputs of the classification head
     * @param imageSize the height and width of the input images, a multiple of the patch size
     */
    public static VisionTransformer vitB32(long numClasses, long imageSize) { return VisionTransformer.vitB32(numClasses, imageSize); }
    /**
     * {@return torchvision's {@code vit_b_32(weights=...)} with the weights read from
     * {@code file}; see {@link VisionTransformer#vitB32(ViTB32Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VisionTransformer vitB32(ViTB32Weights weights, Path file) throws IOException { return VisionTransformer.vitB32(weights, file); }
    /**
     * {@return torchvision's {@code vit_b_32(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link VisionTransformer#vitB32(ViTB32Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VisionTransformer vitB32(ViTB32Weights weights) throws IOException { return VisionTransformer.vitB32(weights, weights.requireCachedFile()); }
    /**
     * {@return torchvision's {@code vit_l_16()}: 1000 classes, randomly initialised; see
     * {@link VisionTransformer#vitL16()}}
     */
    public static VisionTransformer vitL16() { return VisionTransformer.vitL16(); }
    /**
     * {@return torchvision's {@code vit_l_16(num_classes=numClasses)}, randomly initialised; see
     * {@link VisionTransformer#vitL16(long)}}
     *
     * @param numClasses the number of outputs of the classification head
     */
    public static VisionTransformer vitL16(long numClasses) { return VisionTransformer.vitL16(numClasses); }
    /**
     * {@return torchvision's {@code vit_l_16(num_classes=numClasses, image_size=imageSize)},
     * randomly initialised; see {@link VisionTransformer#vitL16(long, long)}}
     *
     * @param numClasses the number of outputs of the classification head
     * @param imageSize the height and width of the input images, a multiple of the patch size
     */
    public static VisionTransformer vitL16(long numClasses, long imageSize) { return VisionTransformer.vitL16(numClasses, imageSize); }
    /**
     * {@return torchvision's {@code vit_l_16(weights=...)} with the weights read from
     * {@code file}; see {@link VisionTransformer#vitL16(ViTL16Weights, Path)}}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} or {@code .safetensors}) downloaded from the
     *     weights' URL
     * @throws IOException if the file cannot be read or is not a state dict (keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException})
     */
    public static VisionTransformer vitL16(ViTL16Weights weights, Path file) throws IOException { return VisionTransformer.vitL16(weights, file); }
    /**
     * {@return torchvision's {@code vit_l_16(weights=...)} with the weights read from
     * torchvision's cache; see
     * {@link VisionTransformer#vitL16(ViTL16Weights, java.nio.file.Path)}}
     *
     * @param weights the pretrained weights, looked up in torchvision's cache
     *     ({@link Weights#cachedFile()})
     * @throws IOException if the file is not in the cache (a {@code NoSuchFileException} saying
     *     where to download it) or cannot be read
     */
    public static VisionTransformer vitL16(ViTL16Weights weights) throws IOException { return VisionTransformer.vitL16(weights, weights.requireCachedFile()); }
}
