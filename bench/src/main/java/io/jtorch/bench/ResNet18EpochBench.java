package io.jtorch.bench;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Parameter;
import io.jtorch.optim.Adam;
import io.jtorch.train.Trainer;
import io.jtorch.vision.models.Models;
import java.io.IOException;
import java.nio.file.Path;
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
 * One training epoch of the ResNet-18 fine-tuning job through {@link Trainer}, with and without
 * the frozen-prefix feature cache, for the two phases of the recipe:
 * <ul>
 *   <li>{@code phase=head}: every layer frozen and in eval mode, the new 4-class {@code fc}
 *       trained (the cache holds the 512 features before it);</li>
 *   <li>{@code phase=layer4}: {@code layer4} and {@code fc} trainable, {@code layer4} in
 *       training mode (the cache holds {@code layer3}'s output, 256x14x14 per image).</li>
 * </ul>
 * The network is a TorchScript torchvision-shaped ResNet-18: the file named by
 * {@code -Djtorch.bench.resnet18=PATH} (bench/make_resnet18.py writes torchvision's own), or else
 * jtorch's {@code Models.resnet18()} scripted, which has torchvision's module names and forward.
 * The data are 64 random 3x224x224 images of 4 classes (16 per class), batches of 16, shuffled.
 * The first epoch, which fills the cache, falls in the warm-up; the measured epochs are the
 * ones after it. Without the cache every epoch runs the whole backbone forward.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResNet18EpochBench {
    @Param({"true", "false"})
    public boolean cache;

    @Param({"head", "layer4"})
    public String phase;

    private Trainer trainer;
    private DataLoader loader;

    @Setup
    public void setUp() throws IOException {
        Threads.apply("default");
        Torch.manualSeed(0);
        String file = System.getProperty("jtorch.bench.resnet18");
        ScriptModule model = file != null ? ScriptModule.load(Path.of(file)) : Jit.script(Models.resnet18());
        model.replaceHead(4);
        model.requiresGrad(false);
        model.eval();
        model.get("fc").requiresGrad(true);
        if (phase.equals("layer4")) {
            model.get("layer4").requiresGrad(true);
            model.get("layer4").train();
        }
        List<Parameter> trainable = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.requiresGrad()) {
                trainable.add(p);
            }
        }
        int n = 64;
        Tensor images = Torch.randn(n, 3, 224, 224).retain();
        Tensor labels = Torch.arange(n).remainder(4).retain();
        loader = new DataLoader(new TensorDataset(images, labels), 16, true).seed(0);
        trainer = new Trainer(model, new Adam(trainable, 1e-3), new CrossEntropyLoss()).featureCache(cache);
        System.err.println("ResNet18EpochBench phase=" + phase + " cache=" + cache + ": feature cache " + trainer.featureCacheStatus(loader));
    }

    @Benchmark
    public double epoch() {
        return trainer.trainEpoch(loader).meanLoss();
    }
}
