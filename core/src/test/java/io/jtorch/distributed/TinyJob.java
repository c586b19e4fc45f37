package io.jtorch.distributed;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;

/**
 * The small training job the distributed tests run: 48 samples, global batches of 12 split
 * evenly over the ranks, two epochs of SGD with momentum on a two-layer network.
 */
final class TinyJob {
    static final int GLOBAL_BATCH = 12;
    static final int EPOCHS = 2;
    static final long SAMPLER_SEED = 7;

    /** Called after each optimizer step with the 1-based step number. */
    interface StepHook {
        void afterStep(int step) throws Exception;
    }

    private TinyJob() {}

    /** The same data in every process. */
    static TensorDataset data() {
        Torch.manualSeed(123);
        Tensor x = Torch.randn(48, 8).retain();
        Tensor y = Torch.randint(0, 3, 48).retain();
        return new TensorDataset(x, y);
    }

    /** The network, initialised from {@code seed}. */
    static Sequential model(long seed) {
        Torch.manualSeed(seed);
        return new Sequential(new Linear(8, 16), new ReLU(), new Linear(16, 3));
    }

    /**
     * Trains {@code model} through {@code net} (the model itself, or a DistributedDataParallel
     * around it) on rank {@code rank}'s share; returns the mean seconds per step.
     */
    static double train(Module net, Module model, int worldSize, int rank, StepHook hook) throws Exception {
        TensorDataset data = data();
        DistributedSampler sampler = new DistributedSampler(data, worldSize, rank).seed(SAMPLER_SEED);
        DataLoader loader = new DataLoader(data, GLOBAL_BATCH / worldSize).sampler(sampler);
        SGD optimizer = new SGD(model.parameters(), 0.1).momentum(0.9);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        int step = 0;
        long start = System.nanoTime();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            sampler.setEpoch(epoch);
            for (Batch b : loader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(net.forward(b.inputs()), b.labels());
                loss.backward();
                optimizer.step();
                hook.afterStep(++step);
            }
        }
        return (System.nanoTime() - start) / 1e9 / step;
    }
}
