package io.jtorch.cli;

import io.jtorch.Tensor;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.vision.models.Models;
import io.jtorch.vision.models.VisionModel;
import io.jtorch.vision.models.Weights;
import io.jtorch.vision.transforms.ImageClassification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A torchvision architecture built in Java for {@code jtorch finetune --arch NAME [--weights FILE]}:
 * the model ({@code torchvision.models.get_model(name)}) with the weights file loaded strictly,
 * scripted so that the TorchScript flow (head replacement, feature cache, saving) applies, and
 * the preprocessing of those weights ({@code weights.transforms()}).
 *
 * <p>The preset follows the file: a file named as one of torchvision's downloads (e.g.
 * {@code resnet50-11ad3fa6.pth}) selects that weights entry; any other name falls back to the
 * architecture's {@code DEFAULT} weights.
 */
final class ArchModel {
    private final String arch;
    private final Path weights;
    private final Weights entry;
    private final boolean entryFromFileName;

    private ArchModel(String arch, Path weights, Weights entry, boolean entryFromFileName) {
        this.arch = arch;
        this.weights = weights;
        this.entry = entry;
        this.entryFromFileName = entryFromFileName;
    }

    /**
     * The architecture {@code arch} (torchvision's name) with the weights at {@code weights}, or
     * with random weights when that is null.
     *
     * @throws UserError for an unknown architecture or a missing file
     */
    static ArchModel of(String arch, Path weights) throws IOException {
        if (!Models.listModels().contains(arch)) {
            throw new UserError("--arch " + arch + " is not a known architecture; known: " + String.join(", ", Models.listModels()));
        }
        if (weights != null && !Files.isRegularFile(weights)) {
            throw new NoSuchFileException(weights.toString());
        }
        Weights[] entries = entries(arch);
        String fileName = weights == null ? null : weights.getFileName().toString();
        for (Weights w : entries) {
            if (w.fileName().equals(fileName)) {
                return new ArchModel(arch, weights, w, true);
            }
        }
        return new ArchModel(arch, weights, defaultEntry(arch, entries), false);
    }

    /** The architecture's name, e.g. {@code resnet50}. */
    String arch() {
        return arch;
    }

    /** The weights file, or null for random weights. */
    Path weights() {
        return weights;
    }

    /** The preprocessing of the weights, e.g. resize 256, crop 224, ImageNet's mean and std. */
    ImageClassification preset() {
        return entry.transforms();
    }

    /** Where the preset comes from, for the log: {@code ResNet50Weights.IMAGENET1K_V2 (from the file name)}. */
    String presetSource() {
        return entry.getClass().getSimpleName() + "." + entry.name() + (entryFromFileName ? " (from the file's name)"
                : " (the architecture's DEFAULT; the file's name is not one of torchvision's)");
    }

    /**
     * The model as TorchScript: with the weights file loaded strictly when {@code withWeights}
     * and a file was given, otherwise randomly initialised as torchvision initialises it. The
     * model has as many classes as the file's head (1000 without a file).
     *
     * @throws UserError when the file does not fit the architecture, naming the keys
     */
    ScriptModule build(boolean withWeights) throws IOException {
        VisionModel<?> model = Models.getModel(arch, 1000);
        if (withWeights && weights != null) {
            Map<String, Tensor> state;
            try {
                state = VisionModel.readStateDict(weights);
            } catch (RuntimeException e) {
                throw new UserError("--weights " + weights + " is not a state dict: " + e.getMessage(), e);
            }
            Tensor head = state.get(model.headPath() + ".weight");
            if (head != null && head.dim() == 2 && head.size(0) != 1000) {
                model = Models.getModel(arch, head.size(0));
            }
            try {
                model.loadStateDict(state, true);
            } catch (IllegalArgumentException e) {
                throw new UserError("--weights " + weights + " does not fit --arch " + arch + ": " + e.getMessage().replace('\n', ' '), e);
            }
        }
        model.eval();
        return Jit.script(model);
    }

    private static Weights[] entries(String arch) {
        return Models.getModelWeights(arch).toArray(new Weights[0]);
    }

    private static Weights defaultEntry(String arch, Weights[] entries) {
        try {
            return (Weights) entries[0].getClass().getField("DEFAULT").get(null);
        } catch (ReflectiveOperationException e) {
            return entries[0];
        }
    }
}
