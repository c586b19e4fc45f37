package io.jtorch.cli;

import io.jtorch.data.Dataset;
import io.jtorch.vision.datasets.ClassificationDataset;
import io.jtorch.vision.datasets.FashionMNIST;
import io.jtorch.vision.datasets.ImageFolder;
import io.jtorch.vision.datasets.MNIST;
import io.jtorch.vision.datasets.Split;
import io.jtorch.vision.transforms.Transform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The new task's data: a small labelled training set drawn from a pool, and a held-out
 * validation set, with the class names. From the built-in Fashion-MNIST subset, a folder of
 * MNIST-format IDX files, or an image folder with one subfolder per class.
 *
 * @param classes the class names, label i naming classes.get(i)
 * @param train the labelled training images
 * @param val the validation images
 * @param source where the data came from, for the log
 * @param skippedFiles files of an image folder that were not images
 */
record TaskData(List<String> classes, Dataset train, Dataset val, String source, int skippedFiles) {
    /**
     * What to read and how.
     *
     * @param preset the weights' preprocessing that every image of a folder goes through (RGB,
     *     then resize, center crop, normalise), replacing size, resize, mean and std; or null
     */
    record Request(Path dir, List<String> classes, int perClass, long seed, int channels, int[] size, int[] resize, double[] mean,
                   double[] std, Transform preset) {}

    /**
     * Images of a folder through a deterministic preset: the same inputs every epoch, so the
     * frozen layers' features may be cached ({@link ImageFolder#isRandom()} says true for any
     * transform, as it cannot know).
     */
    record PresetImages(ImageFolder images) implements Dataset {
        @Override
        public long size() {
            return images.size();
        }

        @Override
        public io.jtorch.data.Example get(long index) {
            return images.get(index);
        }

        @Override
        public io.jtorch.data.Batch getBatch(long[] indices) {
            return images.getBatch(indices);
        }
    }

    private static final String DEFAULT = "/io/jtorch/cli/default/";
    private static final double VAL_FRACTION = 0.2;

    static TaskData load(Request r) throws IOException {
        if (r.preset() != null && r.dir() == null) {
            throw new UserError("--arch needs --data: a folder with one subfolder of images per class");
        }
        if (r.dir() == null) {
            FashionMNIST pool = FashionMNIST.fromResources(DEFAULT + "newtask-train-images-idx3-ubyte.gz",
                    DEFAULT + "newtask-train-labels-idx1-ubyte.gz");
            FashionMNIST val = FashionMNIST.fromResources(DEFAULT + "newtask-val-images-idx3-ubyte.gz",
                    DEFAULT + "newtask-val-labels-idx1-ubyte.gz");
            List<String> defaults = List.of("Pullover", "Coat", "Shirt", "Ankle boot");
            List<String> wanted = r.classes() == null ? defaults : r.classes();
            return idx(r, pool, val, wanted, "built-in Fashion-MNIST subset");
        }
        Path dir = r.dir();
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + " is not a folder (expected IDX files or one subfolder per class)");
        }
        if (hasIdx(dir, "train") && hasIdx(dir, "t10k")) {
            if (r.preset() != null) {
                throw new UserError("--arch needs an image folder (one subfolder of images per class), not IDX files: " + dir);
            }
            boolean fashion = dir.toString().toLowerCase(Locale.ROOT).contains("fashion");
            MNIST pool = fashion ? new FashionMNIST(dir, true) : new MNIST(dir, true);
            MNIST val = fashion ? new FashionMNIST(dir, false) : new MNIST(dir, false);
            return idx(r, pool, val, r.classes() == null ? pool.classes() : r.classes(), (fashion ? "Fashion-MNIST" : "MNIST")
                    + " IDX files in " + dir);
        }
        return folder(r, dir);
    }

    private static boolean hasIdx(Path dir, String split) {
        return Files.exists(dir.resolve(split + "-images-idx3-ubyte")) || Files.exists(dir.resolve(split + "-images-idx3-ubyte.gz"));
    }

    private static TaskData idx(Request r, MNIST pool, MNIST val, List<String> wanted, String source) {
        if (r.channels() != 1) {
            throw new UserError("the model expects " + r.channels() + " input channels, but " + source + " are grayscale (1 channel)");
        }
        if (r.resize() != null && (r.resize()[0] != 28 || r.resize()[1] != 28)) {
            throw new UserError("--resize is not supported for IDX data, whose images are 28x28");
        }
        MNIST trainPool = keep(pool, wanted);
        MNIST valSet = keep(val, wanted);
        if (r.mean() != null) {
            trainPool = trainPool.normalize(r.mean()[0], r.std()[0]);
            valSet = valSet.normalize(r.mean()[0], r.std()[0]);
        }
        return new TaskData(trainPool.classes(), draw(trainPool, r), valSet, source, 0);
    }

    private static TaskData folder(Request r, Path dir) {
        boolean splitFolders = Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("val"));
        ImageFolder all = configure(new ImageFolder(splitFolders ? dir.resolve("train") : dir), r);
        ImageFolder pool;
        ImageFolder val;
        if (splitFolders) {
            pool = keep(all, r.classes() == null ? all.classes() : r.classes());
            val = keep(configure(new ImageFolder(dir.resolve("val")), r), pool.classes());
        } else {
            ImageFolder kept = keep(all, r.classes() == null ? all.classes() : r.classes());
            Split<ImageFolder> parts = kept.split(VAL_FRACTION, r.seed());
            pool = parts.train();
            val = parts.heldOut();
        }
        int skipped = all.skipped().size();
        ImageFolder train = draw(pool, r);
        checkSizes(train, r);
        checkSizes(val, r);
        if (r.preset() != null) {
            return new TaskData(pool.classes(), new PresetImages(train), new PresetImages(val), "image folder " + dir, skipped);
        }
        return new TaskData(pool.classes(), train, val, "image folder " + dir, skipped);
    }

    /** Decodes every image once, so that a wrong size is reported now, as a command-line problem. */
    private static void checkSizes(ImageFolder images, Request r) {
        for (long i = 0; i < images.size(); i++) {
            try {
                images.get(i);
            } catch (IllegalArgumentException e) {
                String hint = r.size() != null ? "; pass --resize " + r.size()[0] + "x" + r.size()[1] + " to resize the images" : "";
                throw new UserError(e.getMessage().replaceFirst("; resize the images or call resize\\(.*\\)$", "") + hint, e);
            }
        }
    }

    private static ImageFolder configure(ImageFolder f, Request r) {
        if (r.preset() != null) {
            return f.channels(3).transform(r.preset());
        }
        f.channels(r.channels());
        if (r.resize() != null) {
            f.resize(r.resize()[0], r.resize()[1]);
        } else if (r.size() != null) {
            f.imageSize(r.size()[0], r.size()[1]);
        }
        if (r.mean() != null) {
            f.normalize(r.mean(), r.std());
        }
        return f;
    }

    private static <D extends ClassificationDataset<D>> D keep(D data, List<String> wanted) {
        List<String> missing = new ArrayList<>();
        for (String c : wanted) {
            if (!data.classes().contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError("unknown class(es) " + missing + "; the data has " + data.classes());
        }
        if (wanted.size() < 2) {
            throw new UserError("--classes needs at least 2 classes, got " + wanted);
        }
        return data.keepClasses(wanted.toArray(new String[0]));
    }

    private static <D extends ClassificationDataset<D>> D draw(D pool, Request r) {
        long[] counts = pool.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < r.perClass()) {
                throw new UserError("--per-class " + r.perClass() + " is more than the " + counts[c] + " training images of class '"
                        + pool.classes().get(c) + "'");
            }
        }
        return pool.samplesPerClass(r.perClass(), r.seed());
    }
}
