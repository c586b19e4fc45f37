package io.jtorch.bench;

import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.Adam;
import io.jtorch.train.Trainer;
import io.jtorch.vision.datasets.FashionMNIST;
import io.jtorch.vision.datasets.MNIST;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One head-only epoch of the CLI's default job (the built-in CNN, frozen and in eval mode, with
 * a new Linear head for the four new classes; 50 images per class, batches of 16), with and
 * without the frozen-prefix feature cache. The first epoch, which fills the cache, falls in the
 * warm-up; the measured epochs are the ones after it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FinetuneEpochBench {
    @Param({"true", "false"})
    public boolean cache;

    private Trainer trainer;
    private DataLoader trainLoader;

    @Setup
    public void setUp() throws IOException {
        Threads.apply("default");
        Torch.manualSeed(0);
        ScriptModule backbone = ScriptModule.load(DefaultJob.backbone());
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layers.add(backbone.get(i));
        }
        layers.add(new Linear(64, 4));
        Sequential model = new Sequential(layers);
        for (Parameter p : model.parameters()) {
            p.requiresGrad(false);
        }
        model.get(-1).requiresGrad(true);
        model.slice(0, -1).eval();
        MNIST train = DefaultJob.trainPool().samplesPerClass(50, 0);
        trainLoader = new DataLoader(train, 16, true).seed(0);
        trainer = new Trainer(model, new Adam(model.parameters(), 0.01), new CrossEntropyLoss()).featureCache(cache);
    }

    @Benchmark
    public double headOnlyEpoch() {
        return trainer.trainEpoch(trainLoader).meanLoss();
    }

    /** The CLI's built-in assets, read from its jar. */
    static final class DefaultJob {
        private static final String DIR = "/io/jtorch/cli/default/";

        private DefaultJob() {}

        static Path backbone() throws IOException {
            Path file = Files.createTempFile("backbone", ".pt");
            file.toFile().deleteOnExit();
            try (InputStream in = DefaultJob.class.getResourceAsStream(DIR + "backbone.pt")) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        }

        static MNIST trainPool() {
            return FashionMNIST.fromResources(DIR + "newtask-train-images-idx3-ubyte.gz", DIR + "newtask-train-labels-idx1-ubyte.gz")
                    .keepClasses(2, 4, 6, 9).normalize(0.2860, 0.3530);
        }
    }
}
