package io.jtorch.vision.models;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A set of pretrained weights for one architecture: implemented by the {@code *Weights} enums
 * ({@link ResNet50Weights#IMAGENET1K_V2}, ...). Mirrors torchvision's {@code WeightsEnum}
 * members; the files themselves are not downloaded by jtorch: fetch {@link #url()} once (or
 * reuse the copy Python's torchvision cached in {@link #cachedFile()}).
 */
public interface Weights {
    /** {@return the enum constant's name, e.g. {@code IMAGENET1K_V2}} */
    String name();

    /** {@return what torchvision records about these weights} */
    WeightsMeta meta();

    /** {@return the file's name, e.g. {@code resnet50-11ad3fa6.pth}} */
    default String fileName() {
        return meta().fileName();
    }

    /** {@return where torchvision downloads the file from; mirrors {@code weights.url}} */
    default String url() {
        return "https://download.pytorch.org/models/" + fileName();
    }

    /**
     * {@return the number of classes the file's classifier has; mirrors {@code
     * len(weights.meta["categories"])}}
     */
    default int numClasses() {
        return meta().numClasses();
    }

    /**
     * {@return the preprocessing these weights expect (resize, center crop, normalize); mirrors
     * {@code weights.transforms()}, e.g. {@code ResNet50_Weights.IMAGENET1K_V2.transforms()}}
     */
    default io.jtorch.vision.transforms.ImageClassification transforms() {
        return meta().transforms();
    }

    /**
     * {@return where Python's torchvision keeps this file once downloaded:
     * {@code $TORCH_HOME/hub/checkpoints/<fileName>}, with {@code TORCH_HOME} defaulting to
     * {@code $XDG_CACHE_HOME/torch} or {@code ~/.cache/torch}, as {@code torch.hub.get_dir()} does}
     */
    default Path cachedFile() {
        String torchHome = System.getenv("TORCH_HOME");
        Path home;
        if (torchHome != null && !torchHome.isEmpty()) {
            home = Path.of(torchHome);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            home = (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("torch");
        }
        return home.resolve("hub").resolve("checkpoints").resolve(fileName());
    }

    /**
     * {@link #cachedFile()}, checked to exist.
     *
     * @return the weights file in torchvision's cache
     * @throws NoSuchFileException saying where to download the file from and where to put it
     */
    default Path requireCachedFile() throws NoSuchFileException {
        Path file = cachedFile();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "weights " + getClass().getSimpleName() + "." + name()
                    + " are not in torchvision's cache: download " + url() + " there, or pass the file's path to the builder");
        }
        return file;
    }
}
