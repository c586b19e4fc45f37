package io.jtorch.bench;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seed loop, one training step = zero_grad, forward, cross-entropy, backward, step, for a
 * 784-256-10 MLP on batches of 64: through io.jtorch as a user writes it (DataLoader, no scopes),
 * and through the raw presets as tightly as they allow (native modules and optimizer, views for
 * batches, a PointerScope per step). Time per step; one invocation is a pass of 100 batches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(SeedLoopBench.STEPS)
public class SeedLoopBench {
    static final int STEPS = 100;
    static final int BATCH = 64;

    /** "default" leaves libtorch's thread count as jtorch sets it; a number sets it. */
    @Param({"default", "1"})
    public String threads;

    private Sequential model;
    private DataLoader trainLoader;
    private SGD optimizer;
    private CrossEntropyLoss criterion;

    private LinearImpl fc1;
    private LinearImpl fc2;
    private org.bytedeco.pytorch.SGD rawOptimizer;
    private org.bytedeco.pytorch.Tensor rawInputs;
    private org.bytedeco.pytorch.Tensor rawLabels;

    @Setup
    public void setUp() {
        Threads.apply(threads);
        Torch.manualSeed(0);
        Tensor inputs = Torch.randn(STEPS * BATCH, 784).retain();
        Tensor labels = Torch.randint(0, 10, STEPS * BATCH).retain();

        model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        trainLoader = new DataLoader(new TensorDataset(inputs, labels), BATCH);
        optimizer = new SGD(model.parameters(), 0.01);
        criterion = new CrossEntropyLoss();

        fc1 = new LinearImpl(784, 256);
        fc2 = new LinearImpl(256, 10);
        rawOptimizer = new org.bytedeco.pytorch.SGD(new TensorVector(fc1.weight(), fc1.bias(), fc2.weight(), fc2.bias()),
                new SGDOptions(0.01));
        rawInputs = torch.randn(STEPS * BATCH, 784);
        rawLabels = torch.randint(0, 10, new long[] {STEPS * BATCH}, new TensorOptions(torch.ScalarType.Long));
    }

    /** The seed loop through io.jtorch, written the plain way. */
    @Benchmark
    public void jtorch() {
        for (Batch batch : trainLoader) {
            optimizer.zeroGrad();
            Tensor outputs = model.forward(batch.inputs());
            Tensor loss = criterion.forward(outputs, batch.labels());
            loss.backward();
            optimizer.step();
        }
    }

    /**
     * The raw loop, copying each batch out of the data as {@code index_select}, as a DataLoader
     * over a TensorDataset does (and PyTorch's, which stacks samples): the same work as
     * {@link #jtorch()}, so the difference is what the wrapper costs.
     */
    @Benchmark
    public void rawPresetsCopyingBatches() {
        for (int i = 0; i < STEPS; i++) {
            try (PointerScope scope = new PointerScope()) {
                org.bytedeco.pytorch.Tensor idx = torch.arange(new org.bytedeco.pytorch.Scalar((long) i * BATCH),
                        new org.bytedeco.pytorch.Scalar((long) (i + 1) * BATCH), new TensorOptions(torch.ScalarType.Long));
                org.bytedeco.pytorch.Tensor x = rawInputs.index_select(0, idx);
                org.bytedeco.pytorch.Tensor y = rawLabels.index_select(0, idx);
                rawOptimizer.zero_grad();
                org.bytedeco.pytorch.Tensor out = fc2.forward(torch.relu(fc1.forward(x)));
                org.bytedeco.pytorch.Tensor loss = torch.cross_entropy_loss(out, y);
                loss.backward();
                rawOptimizer.step();
            }
        }
    }

    /** The same loop on the raw presets, batches as views of the data (no copy). */
    @Benchmark
    public void rawPresets() {
        for (int i = 0; i < STEPS; i++) {
            try (PointerScope scope = new PointerScope()) {
                org.bytedeco.pytorch.Tensor x = rawInputs.narrow(0, (long) i * BATCH, BATCH);
                org.bytedeco.pytorch.Tensor y = rawLabels.narrow(0, (long) i * BATCH, BATCH);
                rawOptimizer.zero_grad();
                org.bytedeco.pytorch.Tensor out = fc2.forward(torch.relu(fc1.forward(x)));
                org.bytedeco.pytorch.Tensor loss = torch.cross_entropy_loss(out, y);
                loss.backward();
                rawOptimizer.step();
            }
        }
    }
}
