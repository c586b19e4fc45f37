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
     *
     * @param root the folder holding the IDX files, each optionally {@code .gz}
     * @param train whether to read the training split ({@code train-*}, 60,000 images in the
     *     published files) rather than the test split ({@code t10k-*}, 10,000)
     * @throws IllegalArgumentException when a file is missing, truncated or not in IDX format,
     *     or the counts of images and labels differ
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public FashionMNIST(Path root, boolean train) {
        super(Idx.read(root, train ? "train" : "t10k"), CLASSES);
    }

    private FashionMNIST(Idx.Data idx) {
        super(idx, CLASSES);
    }

    /**
     * {@return the dataset of IDX images and labels (gzipped or not), read to their end, both
     * streams closed; Fashion-MNIST's class names}
     *
     * @param images an IDX file of uint8 images, shape (N, H, W)
     * @param labels an IDX file of N uint8 labels
     * @throws IllegalArgumentException when the data is truncated or not in IDX format, or the
     *     counts of images and labels differ
     * @throws java.io.UncheckedIOException when a stream cannot be read
     */
    public static FashionMNIST fromStreams(InputStream images, InputStream labels) {
        return new FashionMNIST(Idx.read(images, "images stream", labels, "labels stream"));
    }

    /**
     * {@return the dataset of IDX images and labels read from classpath resources;
     * Fashion-MNIST's class names}
     *
     * @param images the images' resource name, e.g. {@code
     *     "io/jtorch/cli/default/newtask-val-images-idx3-ubyte.gz"}
     * @param labels the labels' resource name
     * @throws IllegalArgumentException when a resource does not exist, is truncated or not in
     *     IDX format, or the counts of images and labels differ
     * @throws java.io.UncheckedIOException when a resource cannot be read
     */
    public static FashionMNIST fromResources(String images, String labels) {
        return new FashionMNIST(readResources(images, labels));
    }

    @Override
    public FashionMNIST normalize(double mean, double std) {
        super.normalize(mean, std);
        return this;
    }
}
