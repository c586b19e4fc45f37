package io.jtorch.bench;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import io.jtorch.vision.datasets.ImageFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training epoch of a small CNN over a folder of PNG files (512 grayscale images of 96x96,
 * resized to 28x28 as they are read, batches of 16), with the batches assembled on the training
 * thread (workers=0) or on a background thread while the step runs (workers=1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoaderBench {
    @Param({"0", "1"})
    public int workers;

    private Path dir;
    private DataLoader loader;
    private Sequential model;
    private SGD optimizer;
    private final CrossEntropyLoss criterion = new CrossEntropyLoss();

    @Setup
    public void setUp() throws IOException {
        Threads.apply("default");
        Torch.manualSeed(0);
        dir = Files.createTempDirectory("jtorch-loader-bench");
        Random random = new Random(0);
        for (int c = 0; c < 4; c++) {
            Path classDir = Files.createDirectories(dir.resolve("class" + c));
            for (int i = 0; i < 128; i++) {
                ImageIO.write(image(random, c), "png", classDir.resolve(i + ".png").toFile());
            }
        }
        ImageFolder data = new ImageFolder(dir).channels(1).resize(28, 28);
        loader = new DataLoader(data, 16, true).seed(0).numWorkers(workers);
        model = new Sequential(new Conv2d(1, 16, 3), new ReLU(), new MaxPool2d(2), new Conv2d(16, 32, 3), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(800, 64), new ReLU(), new Linear(64, 4));
        optimizer = new SGD(model.parameters(), 0.01);
    }

    /** A blurred-noise picture whose brightness depends on the class, so that PNG has something to compress. */
    private static BufferedImage image(Random random, int c) {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                int v = 40 * c + (int) (60 * Math.sin((x + y * (c + 1)) / 9.0)) + random.nextInt(40);
                img.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, 60 + v)));
            }
        }
        return img;
    }

    @Benchmark
    public double trainEpoch() {
        double total = 0;
        for (Batch batch : loader) {
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(model.forward(batch.inputs()), batch.labels());
            loss.backward();
            optimizer.step();
            total += loss.item();
        }
        return total;
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
