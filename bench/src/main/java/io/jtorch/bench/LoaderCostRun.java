package io.jtorch.bench;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an ImageFolder epoch costs the process besides its wall time: bench/images' train and
 * eval rows with {@code WORKERS} DataLoader workers, six timed epochs after one warm-up, and per
 * epoch the process's user and kernel CPU seconds and minor page faults (Linux, from
 * {@code /proc/self/stat}). Compare runs with and without {@code MALLOC_ARENA_MAX=2} in the
 * environment (BENCHMARKS.md, "Native decoders, workers that decode on their own thread, and
 * malloc arenas").
 *
 * <pre>java -cp ... io.jtorch.bench.LoaderCostRun ROOT WORKERS [persistent]</pre>
 *
 * With {@code persistent}, the loader keeps its workers between epochs ({@code persistentWorkers}).
 */
public final class LoaderCostRun {
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};

    private LoaderCostRun() {}

    /** User and kernel time in clock ticks (1/100 s) and minor faults of this process. */
    private static long[] usage() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[7])};
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int workers = Integer.parseInt(args[1]);
        boolean persistent = args.length > 2 && args[2].equals("persistent");
        Transform train = new Compose(new RandomResizedCrop(224), new RandomHorizontalFlip(), new ToTensor(), new Normalize(MEAN, STD));
        Transform eval = new Compose(new Resize(256), new CenterCrop(224), new ToTensor(), new Normalize(MEAN, STD));
        for (Transform transform : new Transform[] {train, eval}) {
            DataLoader loader = new DataLoader(new ImageFolder(root, transform), 32, transform == train).numWorkers(workers)
                    .persistentWorkers(persistent);
            for (Batch b : loader) {
                b.inputs();
            }
            int epochs = 6;
            double[] wall = new double[epochs];
            long[] before = usage();
            for (int r = 0; r < epochs; r++) {
                long t = System.nanoTime();
                for (Batch b : loader) {
                    b.inputs();
                }
                wall[r] = (System.nanoTime() - t) / 1e9;
            }
            long[] after = usage();
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "%s-w%d%s: median %.3f s [%.3f-%.3f] per epoch; user %.2f s, kernel %.2f s, %d page faults%n",
                    transform == train ? "train" : "eval", workers, persistent ? " persistent" : "", wall[epochs / 2], wall[0], wall[epochs - 1],
                    (after[0] - before[0]) / 100.0 / epochs, (after[1] - before[1]) / 100.0 / epochs, (after[2] - before[2]) / epochs);
        }
    }
}
