package io.jtorch.vision.datasets;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.Example;
import io.jtorch.data.WorkerInfo;
import io.jtorch.vision.transforms.Transform;
import java.util.ArrayList;
import java.util.function.LongUnaryOperator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Images stored one folder per class ({@code root/cat/1.png}, {@code root/dog/a/2.jpg}, ...),
 * decoded when asked for. Mirrors {@code torchvision.datasets.ImageFolder(root, transform)} with
 * the transform {@code [Grayscale(),] [Resize((h, w)),] ToTensor()[, Normalize(mean, std)]}.
 *
 * <ul>
 *   <li>Classes: the subfolders of the root, sorted by name; each image's label is its folder's
 *       index. Subfolders below a class folder belong to that class.</li>
 *   <li>Input: float32 of shape (C, H, W), values in [0, 1] (then normalised if asked), C being
 *       3 (RGB, the default) or 1 (grayscale with PIL's weights), as torchvision computes them.</li>
 *   <li>Label: int64 of shape ().</li>
 * </ul>
 * PNG, JPEG, BMP and TIFF files are read (JPEG and PNG through the system's libjpeg-turbo and
 * libpng where installed, to PIL's pixels; otherwise and for the rest with {@code javax.imageio});
 * other files are skipped and listed in {@link #skipped()}, and names starting with a dot are
 * ignored. Constructing lists names only, without opening or even checking image files; images
 * are decoded in {@link #get} and {@link #getBatch} (a batch's images in parallel). A folder of
 * a million files lists in about a second and keeps about 32 bytes per file (packed names and a
 * label); a folder named like an image ({@code x.png/}) is listed as one and fails when read.
 * So is a named pipe, a device or a socket named like an image, or a link to one: torchvision
 * lists it too (it checks names only), so indices and lengths agree, but where torchvision's
 * loader blocks forever opening a pipe, reading it here throws an
 * {@code IllegalArgumentException} naming the file ("cannot decode root/cat/x.jpg: it is a named
 * pipe (FIFO), not a regular file; ..."), without opening it, also on a {@code DataLoader}'s
 * workers.
 *
 * <p><b>Transforms.</b> As in Python, a {@link Transform} can make each sample's input:
 * {@code new ImageFolder(root, transform)} or {@link #transform(Transform)} hands it each image
 * decoded as uint8 (C, H, W) (the tensor {@code PILToTensor()} makes of the PIL image that
 * torchvision's loader hands its transform: like that tensor, a JPEG's or PNG's is a (C, H, W)
 * view of the decoder's (H, W, C) bytes, not contiguous; start the pipeline with {@code ToTensor}
 * or {@code ConvertImageDtype} where Python has {@code ToTensor()}), and its result is the input.
 * A batch's images are decoded in parallel, then transformed one by one in the batch's order, so
 * random transforms draw in the order Python's loop draws; on a {@code DataLoader} worker they
 * draw from that worker's generator ({@link io.jtorch.data.WorkerInfo}). Each image's transform
 * runs its libtorch ops on one intra-op thread, as an image is transformed on one core in
 * PyTorch's pipelines (PIL, single-threaded workers): on a worker, which has one, or else on a
 * helper thread of the calling thread's own, so that a loop with {@code numWorkers(0)} keeps its
 * intra-op threads for the model.
 * <pre>{@code
 * ImageFolder train = new ImageFolder(Path.of("photos"), new Compose(new RandomResizedCrop(224),
 *         new RandomHorizontalFlip(), new ToTensor(), new Normalize(mean, std)));
 * }</pre>
 *
 * <p>Settings ({@link #channels(int)}, {@link #imageSize}, {@link #resize}, {@link #normalize}) change
 * this dataset and return it; the cutting methods of {@link ClassificationDataset} return new
 * datasets over the same files with the same settings.
 * <pre>{@code
 * ImageFolder train = new ImageFolder(Path.of("photos")).channels(1).resize(28, 28).normalize(0.2860, 0.3530);
 * if (!train.skipped().isEmpty()) System.err.println("skipped " + train.skipped().size() + " files that are not images");
 * }</pre>
 */
public final class ImageFolder extends ClassificationDataset<ImageFolder> {
    private final Path root;
    private final FileNames files;
    private final List<Path> skipped;
    private int channels = 3;
    private int height;
    private int width;
    private boolean resize;
    private double[] mean = {0};
    private double[] std = {1};
    private Transform transform;
    private LongUnaryOperator targetTransform;

    /**
     * Lists the class folders under {@code root} and their image files; mirrors {@code
     * ImageFolder(root)} with {@code transform=ToTensor()}.
     *
     * @param root the folder holding one subfolder per class
     * @throws IllegalArgumentException if {@code root} is not a folder, has fewer than two class
     *     folders, or a class folder holds no image file
     */
    public ImageFolder(Path root) {
        this(root, FolderListing.of(root));
    }

    /**
     * Lists the classes and images under {@code root}, each sample's input being
     * {@code transform} of its decoded uint8 (C, H, W) image; mirrors
     * {@code ImageFolder(root, transform=transform)}.
     *
     * @param root the folder holding one subfolder per class
     * @param transform makes each sample's input from its decoded uint8 (C, H, W) image, or null
     *     for the float [0, 1] image
     * @throws IllegalArgumentException if {@code root} is not a folder, has fewer than two class
     *     folders, or a class folder holds no image file
     */
    public ImageFolder(Path root, Transform transform) {
        this(root);
        transform(transform);
    }

    private ImageFolder(Path root, FolderListing listing) {
        this(root, listing.files(), listing.labels(), listing.classes(), listing.skipped());
    }

    private ImageFolder(Path root, FileNames files, long[] labels, List<String> classes, List<Path> skipped) {
        super(labels, classes);
        this.root = root;
        this.files = files;
        this.skipped = skipped;
    }

    /**
     * Decodes images to 1 channel (grayscale, like {@code transforms.Grayscale()}) or 3 (RGB, the
     * default). Returns this.
     *
     * @param channels 1 or 3
     * @return this, for chaining
     * @throws IllegalArgumentException when {@code channels} is neither 1 nor 3, or does not match
     *     the number of means set with {@link #normalize(double[], double[])}
     */
    public ImageFolder channels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("ImageFolder reads images as 1 (grayscale) or 3 (RGB) channels, not " + channels);
        }
        checkNormalization(mean, channels);
        this.channels = channels;
        return this;
    }

    /**
     * Expects every image to be {@code height x width}; one of another size fails with an error
     * naming the file and both sizes. Without {@code imageSize} or {@link #resize}, images keep their
     * own sizes, and a batch of images of different sizes fails. Returns this.
     *
     * @param height the images' height in pixels, at least 1
     * @param width the images' width in pixels, at least 1
     * @return this, for chaining
     * @throws IllegalArgumentException when a size is below 1
     */
    public ImageFolder imageSize(int height, int width) {
        return sizeAndResize(height, width, false);
    }

    /**
     * Resizes every image to {@code height x width} (bilinear, as PIL does); mirrors {@code
     * transforms.Resize((height, width))}. Returns this.
     *
     * @param height the height in pixels to resize to, at least 1
     * @param width the width in pixels to resize to, at least 1
     * @return this, for chaining
     * @throws IllegalArgumentException when a size is below 1
     */
    public ImageFolder resize(int height, int width) {
        return sizeAndResize(height, width, true);
    }

    private ImageFolder sizeAndResize(int height, int width, boolean resize) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.resize = resize;
        return this;
    }

    /**
     * Makes each input {@code transform} of the decoded uint8 (C, H, W) image (after
     * {@link #channels}, and {@link #resize} or {@link #imageSize} if set), instead of the
     * float [0, 1] image; null returns to that. Mirrors the {@code transform} argument. Returns this.
     *
     * @param transform the transform of each decoded image, or null
     * @return this, for chaining
     * @throws IllegalArgumentException if {@link #normalize} was set: normalise in the transform
     */
    public ImageFolder transform(Transform transform) {
        if (transform != null && (mean.length != 1 || mean[0] != 0 || std[0] != 1)) {
            throw new IllegalArgumentException("ImageFolder: normalize(...) and a transform cannot be combined; add a Normalize to the transform");
        }
        this.transform = transform;
        return this;
    }

    /** {@return the transform of the inputs, or null when inputs are the float [0, 1] images} */
    public Transform transform() {
        return transform;
    }

    /**
     * Maps each label before it is returned; mirrors the {@code target_transform} argument.
     * Returns this.
     *
     * @param targetTransform maps a sample's label to the label returned, or null for none
     * @return this, for chaining
     */
    public ImageFolder targetTransform(LongUnaryOperator targetTransform) {
        this.targetTransform = targetTransform;
        return this;
    }

    /**
     * Normalises every channel to {@code (x - mean) / std}; mirrors {@code
     * transforms.Normalize((mean,), (std,))}. Returns this.
     *
     * @param mean the mean to subtract from every channel
     * @param std the standard deviation to divide every channel by, above 0
     * @return this, for chaining
     * @throws IllegalArgumentException when {@code std} is not above 0, or a transform is set
     */
    public ImageFolder normalize(double mean, double std) {
        return normalize(new double[] {mean}, new double[] {std});
    }

    /**
     * Normalises channel {@code c} to {@code (x - mean[c]) / std[c]}; mirrors {@code
     * transforms.Normalize(mean, std)}. Returns this.
     *
     * @param mean the mean of each channel, one value for all or one per channel; copied
     * @param std the standard deviation of each channel, as many as {@code mean}, each above 0
     * @return this, for chaining
     * @throws IllegalArgumentException when the lengths differ or do not fit the channels, a
     *     {@code std} is not above 0, or a transform is set
     */
    public ImageFolder normalize(double[] mean, double[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("normalize needs as many means as stds, got " + mean.length + " and " + std.length);
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalize needs every std > 0, got " + Arrays.toString(std));
            }
        }
        checkNormalization(mean, channels);
        if (transform != null) {
            throw new IllegalArgumentException("ImageFolder: normalize(...) and a transform cannot be combined; add a Normalize to the transform");
        }
        this.mean = mean.clone();
        this.std = std.clone();
        return this;
    }

    private static void checkNormalization(double[] mean, int channels) {
        if (mean.length != 1 && mean.length != channels) {
            throw new IllegalArgumentException("normalize has " + mean.length + " means but images have " + channels + " channels");
        }
    }

    /** {@return the number of channels of each decoded image, 1 or 3} */
    public int channels() {
        return channels;
    }

    /** {@return the folder the classes are read from} */
    public Path root() {
        return root;
    }

    /**
     * {@return the image file of sample {@code index}; mirrors {@code dataset.samples[index][0]}}
     *
     * @param index the sample's 0-based index
     * @throws IndexOutOfBoundsException when {@code index} is out of range
     */
    public Path path(long index) {
        checkIndex(index);
        return root.resolve(files.get((int) index));
    }

    /** {@return the files that were skipped because they are not images with a supported extension, for a warning} */
    public List<Path> skipped() {
        return skipped;
    }

    @Override
    public Example get(long index) {
        Pixels p = load(index);
        if (transform != null) {
            return new Example(transformed(p, index), Torch.tensor(new long[] {target(index)}, new long[0]));
        }
        float[] values = new float[p.values().length];
        toInputs(p, values, 0);
        return new Example(Torch.tensor(values, p.channels(), p.height(), p.width()), Torch.tensor(new long[] {target(index)}, new long[0]));
    }

    @Override
    public Batch getBatch(long[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        for (long i : indices) {
            checkIndex(i);
        }
        Pixels[] images = loadAll(indices);
        if (transform != null) {
            return transformedBatch(images, indices);
        }
        Pixels first = images[0];
        int n = first.values().length;
        float[] values = new float[Math.multiplyExact(n, indices.length)];
        long[] labels = new long[indices.length];
        for (int i = 0; i < images.length; i++) {
            if (images[i].height() != first.height() || images[i].width() != first.width()) {
                throw new IllegalArgumentException("ImageFolder: cannot batch " + path(indices[0]) + " (" + first.size() + ") with "
                        + path(indices[i]) + " (" + images[i].size() + "): images differ in size (HxW); call imageSize(h, w) to check"
                        + " every image or resize(h, w) to resize them");
            }
            toInputs(images[i], values, i * n);
            labels[i] = target(indices[i]);
        }
        return new Batch(Torch.tensor(values, indices.length, channels, first.height(), first.width()), Torch.tensor(labels));
    }

    /**
     * Transforms the decoded images one by one in batch order and stacks the results; off a
     * loader's workers, on a helper thread with one intra-op thread ({@link TransformThread}).
     */
    private Batch transformedBatch(Pixels[] images, long[] indices) {
        long[] labels = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = target(indices[i]);
        }
        Supplier<Tensor> transformAll = () -> {
            List<Tensor> inputs = new ArrayList<>(images.length);
            for (int i = 0; i < images.length; i++) {
                inputs.add(transformed(images[i], indices[i]));
            }
            checkSameShapes(inputs, indices);
            return Torch.stack(inputs, 0);
        };
        Tensor inputs = WorkerInfo.get() != null || Torch.getNumThreads() == 1 ? transformAll.get() : TransformThread.run(transformAll);
        return new Batch(inputs, Torch.tensor(labels));
    }

    private void checkSameShapes(List<Tensor> inputs, long[] indices) {
        long[] shape = inputs.get(0).shape();
        for (int i = 1; i < inputs.size(); i++) {
            if (!Arrays.equals(shape, inputs.get(i).shape())) {
                throw new IllegalArgumentException("ImageFolder: cannot batch " + path(indices[0]) + " (transformed to "
                        + Arrays.toString(shape) + ") with " + path(indices[i]) + " (transformed to " + Arrays.toString(inputs.get(i).shape())
                        + "); end the transform with a fixed size (Resize((h, w)), CenterCrop, RandomResizedCrop)");
            }
        }
    }

    private Tensor transformed(Pixels p, long index) {
        Tensor out;
        try {
            out = transform.apply(Images.toTensor(p));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ImageFolder: the transform failed on " + path(index) + ": " + e.getMessage(), e);
        }
        if (out == null) {
            throw new IllegalStateException("ImageFolder: the transform returned null for " + path(index));
        }
        return out;
    }

    private long target(long index) {
        long label = label(index);
        return targetTransform == null ? label : targetTransform.applyAsLong(label);
    }

    /** True when a transform is set: it may be random, so samples may differ between calls. */
    @Override
    public boolean isRandom() {
        return transform != null;
    }

    /**
     * The samples' pixels, decoded in parallel on the loop's thread and the common pool; on a
     * DataLoader worker, one after the other on the worker's own thread, as each of PyTorch's
     * worker processes decodes: there the workers are what runs in parallel, and workers that
     * also shared the common pool waited for each other's images (two workers delivered their
     * batches in lockstep) and spent 10-20% more CPU on an epoch. A failure is rethrown as it was
     * thrown (a parallel stream would wrap it, turning its message into
     * "java.lang.IllegalArgumentException: ...").
     */
    private Pixels[] loadAll(long[] indices) {
        if (WorkerInfo.get() != null) {
            Pixels[] out = new Pixels[indices.length];
            for (int i = 0; i < indices.length; i++) {
                out[i] = load(indices[i]);
            }
            return out;
        }
        Object[] results = IntStream.range(0, indices.length).parallel().mapToObj(i -> {
            try {
                return load(indices[i]);
            } catch (RuntimeException e) {
                return e;
            }
        }).toArray();
        Pixels[] out = new Pixels[results.length];
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof RuntimeException e) {
                throw e;
            }
            out[i] = (Pixels) results[i];
        }
        return out;
    }

    /** Sample {@code index}'s pixels, resized or checked against the expected size. */
    private Pixels load(long index) {
        Path file = path(index);
        Pixels p = Pixels.read(file, channels);
        if (transform == null) {
            p = p.planar(); // the inputs are made in Java, from channel-major bytes
        }
        if (height > 0 && (p.height() != height || p.width() != width)) {
            if (!resize) {
                throw new IllegalArgumentException("ImageFolder: " + file + " is " + p.size() + " (HxW), expected " + height + "x"
                        + width + "; resize the images or call resize(" + height + ", " + width + ")");
            }
            p = Resampling.resize(p, height, width);
        }
        return p;
    }

    private void toInputs(Pixels p, float[] out, int offset) {
        p.toInputs(mean, std, out, offset);
    }

    @Override
    protected ImageFolder select(long[] indices, long[] newLabels, List<String> newClasses) {
        ImageFolder out = new ImageFolder(root, files.select(indices), newLabels, newClasses, skipped);
        out.channels = channels;
        out.height = height;
        out.width = width;
        out.resize = resize;
        out.mean = mean;
        out.std = std;
        out.transform = transform;
        out.targetTransform = targetTransform;
        return out;
    }

    @Override
    public String toString() {
        return "ImageFolder(" + root + ", " + size() + " images, classes " + classes() + ", " + channels + " channel"
                + (channels == 1 ? "" : "s") + (height == 0 ? "" : (resize ? ", resized to " : ", size ") + height + "x" + width)
                + (transform == null ? "" : ", transform " + transform) + ")";
    }
}
