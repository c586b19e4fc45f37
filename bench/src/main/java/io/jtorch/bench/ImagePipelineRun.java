package io.jtorch.bench;

import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.vision.datasets.ImageFolder;
import io.jtorch.vision.transforms.CenterCrop;
import io.jtorch.vision.transforms.Compose;
import io.jtorch.vision.transforms.Normalize;
import io.jtorch.vision.transforms.RandomHorizontalFlip;
import io.jtorch.vision.transforms.RandomResizedCrop;
import io.jtorch.vision.transforms.Resize;
import io.jtorch.vision.transforms.ToTensor;
import io.jtorch.vision.transforms.Transform;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One ImageFolder epoch through jtorch's transforms and DataLoader, the Java side of
 * {@code bench/images} (the Python side is {@code bench/python/image_pipeline.py}, with the same
 * rows, transforms, batch size and workers).
 *
 * <pre>java -cp ... io.jtorch.bench.ImagePipelineRun ROOT [REPEATS] [BATCH]</pre>
 *
 * Prints one line per row: its name, then the seconds of each timed epoch after one warm-up
 * epoch. Rows: {@code train} (RandomResizedCrop(224), RandomHorizontalFlip, ToTensor, Normalize,
 * shuffled) and {@code eval} (Resize(256), CenterCrop(224), ToTensor, Normalize), each with
 * {@code numWorkers} 0 and 2.
 */
public final class ImagePipelineRun {
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};

    private ImagePipelineRun() {}

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Torch.manualSeed(0);
        Transform train = new Compose(new RandomResizedCrop(224), new RandomHorizontalFlip(), new ToTensor(), new Normalize(MEAN, STD));
        Transform eval = new Compose(new Resize(256), new CenterCrop(224), new ToTensor(), new Normalize(MEAN, STD));
        row("train", new ImageFolder(root, train), true, repeats, batch);
        row("eval", new ImageFolder(root, eval), false, repeats, batch);
    }

    private static void row(String name, ImageFolder dataset, boolean shuffle, int repeats, int batch) {
        for (int workers : new int[] {0, 2}) {
            DataLoader loader = new DataLoader(dataset, batch, shuffle).numWorkers(workers);
            epoch(loader, dataset.size());
            StringBuilder line = new StringBuilder(name + "-w" + workers);
            for (int r = 0; r < repeats; r++) {
                line.append(String.format(Locale.ROOT, " %.4f", epoch(loader, dataset.size())));
            }
            System.out.println(line);
        }
    }

    /** The seconds of one pass, checking that it saw every image. */
    private static double epoch(DataLoader loader, long expected) {
        long start = System.nanoTime();
        long n = 0;
        for (Batch b : loader) {
            n += b.inputs().size(0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (n != expected) {
            throw new IllegalStateException("the epoch saw " + n + " images, expected " + expected);
        }
        return seconds;
    }
}
