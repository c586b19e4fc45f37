package io.jtorch.vision.datasets;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The MNIST handwritten digits, or any images in its IDX format. Mirrors
 * {@code torchvision.datasets.MNIST(root, train, transform=ToTensor())}, and with
 * {@link #normalize} {@code transform=Compose([ToTensor(), Normalize((mean,), (std,))])}.
 *
 * <ul>
 *   <li>Input: float32 of shape (1, H, W), (1, 28, 28) for MNIST: pixel values divided by 255,
 *       so in [0, 1], then normalised if asked.</li>
 *   <li>Label: int64 of shape (), an index into {@link #classes()}.</li>
 * </ul>
 * All images are held in one uint8 tensor ({@link #data()}); {@link #getBatch} gathers a batch
 * with one {@code index_select} and converts only that batch to float.
 *
 * <p>Files are read from a folder ({@code train-images-idx3-ubyte} and
 * {@code train-labels-idx1-ubyte}, or {@code t10k-...} for the test split, each optionally
 * {@code .gz}), from streams or from classpath resources. {@link #normalize} changes this dataset
 * and returns it; the cutting methods of {@link ClassificationDataset} return new datasets.
 */
public class MNIST extends ClassificationDataset<MNIST> {
    /** MNIST's classes, named as torchvision names them. */
    public static final List<String> CLASSES = List.of("0 - zero", "1 - one", "2 - two", "3 - three", "4 - four",
            "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine");

    private final Tensor data;
    private final Tensor targets;
    private double mean = 0;
    private double std = 1;

    /**
     * Reads the training split ({@code train-*}) or the test split ({@code t10k-*}) from the IDX
     * files in {@code root}; mirrors {@code MNIST(root, train=train)} with the files directly in
     * {@code root}.
     *
     * @param root the folder holding the IDX files, each optionally {@code .gz}
     * @param train whether to read the training split ({@code train-*}, 60,000 images in the
     *     published files) rather than the test split ({@code t10k-*}, 10,000)
     * @throws IllegalArgumentException when a file is missing, truncated or not in IDX format,
     *     or the counts of images and labels differ
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public MNIST(Path root, boolean train) {
        this(Idx.read(root, train ? "train" : "t10k"), CLASSES);
    }

    MNIST(Idx.Data idx, List<String> classes) {
        this(idx.images(), idx.labels(), classes);
    }

    private MNIST(Tensor data, long[] labels, List<String> classes) {
        super(labels, classes);
        this.data = data.retain();
        this.targets = Torch.tensor(labels).retain();
    }

    /**
     * {@return the dataset of IDX images and labels (gzipped or not), read to their end, both
     * streams closed; MNIST's class names}
     *
     * @param images an IDX file of uint8 images, shape (N, H, W)
     * @param labels an IDX file of N uint8 labels
     * @throws IllegalArgumentException when the data is truncated or not in IDX format, or the
     *     counts of images and labels differ
     * @throws java.io.UncheckedIOException when a stream cannot be read
     */
    public static MNIST fromStreams(InputStream images, InputStream labels) {
        return fromStreams(images, labels, CLASSES);
    }

    /**
     * {@return the dataset of IDX images and labels (gzipped or not), read to their end, both
     * streams closed; labels index {@code classes}}
     *
     * @param images an IDX file of uint8 images, shape (N, H, W)
     * @param labels an IDX file of N uint8 labels, each below {@code classes.size()}
     * @param classes the class names, by label
     * @throws IllegalArgumentException when the data is truncated or not in IDX format, or the
     *     counts of images and labels differ
     * @throws java.io.UncheckedIOException when a stream cannot be read
     */
    public static MNIST fromStreams(InputStream images, InputStream labels, List<String> classes) {
        return new MNIST(Idx.read(images, "images stream", labels, "labels stream"), classes);
    }

    /**
     * {@return the dataset of IDX images and labels read from classpath resources; MNIST's class
     * names}
     *
     * @param images the images' resource name
     * @param labels the labels' resource name
     * @throws IllegalArgumentException when a resource does not exist, is truncated or not in
     *     IDX format, or the counts of images and labels differ
     * @throws java.io.UncheckedIOException when a resource cannot be read
     */
    public static MNIST fromResources(String images, String labels) {
        return fromResources(images, labels, CLASSES);
    }

    /**
     * Reads IDX images and labels from classpath resources such as
     * {@code "io/jtorch/cli/default/newtask-train-images-idx3-ubyte.gz"}; labels index {@code classes}.
     *
     * @param images the images' resource name
     * @param labels the labels' resource name
     * @param classes the class names, by label
     * @return the dataset
     * @throws IllegalArgumentException when a resource does not exist, is truncated or not in
     *     IDX format, or the counts of images and labels differ
     * @throws java.io.UncheckedIOException when a resource cannot be read
     */
    public static MNIST fromResources(String images, String labels, List<String> classes) {
        return new MNIST(readResources(images, labels), classes);
    }

    /** Reads the resources' IDX data, naming the resources in errors. */
    static Idx.Data readResources(String images, String labels) {
        try (InputStream i = resource(images); InputStream l = resource(labels)) {
            return Idx.read(i, images, l, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + images + " or " + labels + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(path);
        if (in == null) {
            in = MNIST.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalArgumentException("no classpath resource " + path);
        }
        return in;
    }

    /**
     * Normalises inputs to {@code (x - mean) / std} after scaling to [0, 1]; mirrors
     * {@code transforms.Normalize((mean,), (std,))}. Returns this.
     *
     * @param mean the mean to subtract, e.g. 0.1307 for MNIST
     * @param std the standard deviation to divide by, above 0, e.g. 0.3081 for MNIST
     * @return this, for chaining
     * @throws IllegalArgumentException when {@code std} is not above 0
     */
    public MNIST normalize(double mean, double std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("normalize needs std > 0, got " + std);
        }
        this.mean = mean;
        this.std = std;
        return this;
    }

    /** {@return all images as uint8 of shape (N, H, W), unscaled; mirrors torchvision's {@code .data}} */
    public Tensor data() {
        return data;
    }

    @Override
    public Tensor targets() {
        return targets;
    }

    @Override
    public Example get(long index) {
        checkIndex(index);
        return new Example(toInputs(data.get(index).unsqueeze(0)), targets.get(index));
    }

    @Override
    public Batch getBatch(long[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        for (long i : indices) {
            checkIndex(i);
        }
        Tensor idx = Torch.tensor(indices);
        return new Batch(toInputs(data.indexSelect(0, idx).unsqueeze(1)), targets.indexSelect(0, idx));
    }

    /** uint8 pixels to float32 in [0, 1], then normalised: ToTensor() and Normalize. */
    private Tensor toInputs(Tensor pixels) {
        Tensor x = pixels.to(DType.FLOAT32).div(255.0);
        return mean == 0 && std == 1 ? x : x.sub(mean).div(std);
    }

    @Override
    protected MNIST select(long[] indices, long[] newLabels, List<String> newClasses) {
        MNIST out = new MNIST(data.indexSelect(0, Torch.tensor(indices)), newLabels, newClasses);
        return out.normalize(mean, std);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + size() + " images of " + data.size(1) + "x" + data.size(2) + ", classes "
                + classes() + (mean == 0 && std == 1 ? "" : ", normalized with mean " + mean + ", std " + std) + ")";
    }
}
