package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import io.jtorch.nn.StateDicts;
import io.jtorch.serialization.SafeTensors;
import io.jtorch.serialization.TorchSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A torchvision classification model: a {@link Module} whose state dict keys are torchvision's,
 * with loading from weights files and a replaceable classification head.
 *
 * <p>Weights files are state dicts as {@code torch.save(model.state_dict(), path)} writes them
 * (torchvision's downloads, {@code .pth} / {@code .pt}), read by the weights-only loader without
 * running code, or {@code .safetensors} files; the kind is told from the file's first bytes.
 * <pre>{@code
 * ResNet model = Models.resnet50().loadWeights(Path.of("resnet50-11ad3fa6.pth"));   // strict
 * ResNet tuned = Models.resnet50().loadWeights(path).replaceHead(10);  // model.fc = nn.Linear(model.fc.in_features, 10)
 * }</pre>
 *
 * @param <M> the model's own class, returned by the chaining methods
 */
public abstract class VisionModel<M extends VisionModel<M>> extends Module {
    /**
     * {@return the dotted path of the final classification layer, as torchvision names it: {@code "fc"}
     * (ResNet), {@code "classifier.6"} (VGG), {@code "classifier"} (DenseNet)}
     */
    public abstract String headPath();

    /** {@return the final classification layer (the module at {@link #headPath()})} */
    public Module head() {
        return getSubmodule(headPath());
    }

    /**
     * {@return the input features of the head: {@code in_features} of the first {@link Linear} at or below
     * {@link #headPath()}; mirrors {@code model.fc.in_features}}
     *
     * @throws IllegalStateException when the head holds no Linear
     */
    public long headInFeatures() {
        for (Module m : head().modules()) {
            if (m instanceof Linear) {
                return ((Linear) m).inFeatures();
            }
        }
        throw new IllegalStateException(getClass().getSimpleName() + "'s head '" + headPath() + "' holds no Linear");
    }

    /** {@return this model, typed as its class} */
    @SuppressWarnings("unchecked")
    protected final M self() {
        return (M) this;
    }

    /**
     * Replaces the head by a fresh {@code Linear(inFeatures, numClasses)} with PyTorch's default
     * init; mirrors {@code model.fc = nn.Linear(model.fc.in_features, num_classes)}. Returns this.
     *
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     * @return this object, for chaining
     * @throws IllegalStateException when the current head is not a {@link Linear}
     */
    public M replaceHead(long numClasses) {
        Module old = head();
        if (!(old instanceof Linear)) {
            throw new IllegalStateException(getClass().getSimpleName() + "'s head '" + headPath() + "' is a "
                    + old.getClass().getSimpleName() + ", not a Linear: replace it with setHead(module)");
        }
        return setHead(new Linear(((Linear) old).inFeatures(), numClasses));
    }

    /**
     * Puts {@code module} at {@link #headPath()}, in place of the head; returns this.
     *
     * @param module the new head
     * @return this object, for chaining
     */
    public M setHead(Module module) {
        String path = headPath();
        int dot = path.lastIndexOf('.');
        Module parent = dot < 0 ? this : getSubmodule(path.substring(0, dot));
        String name = path.substring(dot + 1);
        if (parent instanceof Sequential) {
            ((Sequential) parent).set(Integer.parseInt(name), module);
        } else {
            parent.registerModule(name, module);
        }
        return self();
    }

    /**
     * Loads a weights file with {@code strict=true}: every key of the model must be in the file
     * with the same shape, and nothing else; mirrors
     * {@code model.load_state_dict(torch.load(path, weights_only=True))}. Returns this.
     *
     * @param path the weights file
     * @return this object, for chaining
     * @throws IllegalArgumentException listing missing, unexpected and mismatched keys
     * @throws IOException when the file cannot be read; a file that is not a state dict is a
     *     {@link io.jtorch.serialization.SerializationException} saying what it is
     */
    public M loadWeights(Path path) throws IOException {
        try {
            loadStateDict(readStateDict(path), true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " does not fit " + getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return self();
    }

    /** Loads a state dict; keys of older torchvision files are renamed first (see {@link #upgradeStateDict}). */
    @Override
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict) {
        return super.loadStateDict(upgradeStateDict(stateDict), strict);
    }

    @Override
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict,
                                                     boolean skipMismatchedShapes) {
        return super.loadStateDict(upgradeStateDict(stateDict), strict, skipMismatchedShapes);
    }

    /**
     * {@return the state dict as today's PyTorch and torchvision would read it: files saved before PyTorch
     * 0.4.1 (several of torchvision's downloads) have no {@code num_batches_tracked} in their
     * batch norms, which PyTorch's versioned loading fills with 0, and subclasses rename keys of
     * older torchvision versions} A batch norm is recognised by its {@code running_mean}.
     *
     * @param stateDict the state dict as read from a file
     */
    protected Map<String, ? extends Tensor> upgradeStateDict(Map<String, ? extends Tensor> stateDict) {
        Map<String, Tensor> targets = null;
        Map<String, Tensor> out = null;
        for (String key : stateDict.keySet()) {
            if (!key.endsWith("running_mean")) {
                continue;
            }
            String tracked = key.substring(0, key.length() - "running_mean".length()) + "num_batches_tracked";
            if (stateDict.containsKey(tracked)) {
                continue;
            }
            if (targets == null) {
                targets = stateDict();
                out = new java.util.LinkedHashMap<>(stateDict);
            }
            if (targets.containsKey(tracked)) {
                out.put(tracked, io.jtorch.Torch.zeros(io.jtorch.DType.INT64));
            }
        }
        return out == null ? stateDict : out;
    }

    /**
     * {@return the tensors of a weights file by name: a {@code torch.save} state dict ({@code .pth},
     * {@code .pt}, {@code .bin}) or a safetensors file, told apart by their first bytes}
     *
     * @param path the weights file
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static Map<String, Tensor> readStateDict(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(9);
        }
        boolean safetensors = head.length == 9 && head[8] == '{' && head[6] == 0 && head[7] == 0;
        return safetensors ? SafeTensors.load(path) : TorchSerialization.loadStateDict(path);
    }

    /**
     * Writes the state dict in {@code torch.save}'s format, which torchvision's model loads
     * strictly.
     *
     * @param path the file to write
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public void saveWeights(Path path) throws IOException {
        TorchSerialization.save(stateDict(), path);
    }

    /**
     * Writes the state dict as a safetensors file.
     *
     * @param path the file to write
     * @throws IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public void saveSafeTensors(Path path) throws IOException {
        SafeTensors.save(stateDict(), path);
    }
}
