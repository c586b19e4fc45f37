package io.jtorch.vision.datasets;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Zalando's Fashion-MNIST: 28x28 grayscale images of ten kinds of clothing, in MNIST's IDX
 * format. Mirrors {@code torchvision.datasets.FashionMNIST(root, train, transform=ToTensor())};
 * everything else is as in {@link MNIST}.
 * <pre>{@code
 * FashionMNIST train = new FashionMNIST(Path.of("fashion-mnist"), true);
 * MNIST garments = train.normalize(0.2860, 0.3530).keepClasses("T-shirt/top", "Pullover", "Coat", "Shirt");
 * }</pre>
 */
public class FashionMNIST extends MNIST {
    /** Fashion-MNIST's classes, by label, named as torchvision names them. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * Reads the training split ({@code train-*}) or the test split ({@code t10k-*}) from the IDX
     * files in {@code root}; mirrors {@code FashionMNIST(root, train=train)} with the files
     * directly in {@code root}.
     */
    public FashionMNIST(Path root, boolean train) {
        super(Idx.read(root, train ? "train" : "t10k"), CLASSES);
    }

    private FashionMNIST(Idx.Data idx) {
        super(idx, CLASSES);
    }

    /** Reads IDX images and labels (gzipped or not) to their end, closing both streams. */
    public static FashionMNIST fromStreams(InputStream images, InputStream labels) {
        return new FashionMNIST(Idx.read(images, "images stream", labels, "labels stream"));
    }

    /** Reads IDX images and labels from classpath resources, e.g. {@code "io/jtorch/cli/default/newtask-val-images-idx3-ubyte.gz"}. */
    public static FashionMNIST fromResources(String images, String labels) {
        return new FashionMNIST(readResources(images, labels));
    }

    @Override
    public FashionMNIST normalize(double mean, double std) {
        super.normalize(mean, std);
        return this;
    }
}
