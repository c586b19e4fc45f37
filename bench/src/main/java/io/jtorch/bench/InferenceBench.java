package io.jtorch.bench;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Inference with a loaded TorchScript model (the built-in CNN), eval mode, no grad: calls per second at batch 1 and 64. */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InferenceBench {
    @Param({"1", "64"})
    public int batch;

    private ScriptModule model;
    private Tensor images;

    @Setup
    public void setUp() throws IOException {
        Threads.apply("default");
        model = ScriptModule.load(FinetuneEpochBench.DefaultJob.backbone());
        model.eval();
        images = Torch.randn(batch, 1, 28, 28).retain();
    }

    @Benchmark
    public double forward() {
        try (Scope scope = Scope.open(); NoGrad g = Torch.noGrad()) {
            return model.forward(images).numel();
        }
    }
}
