package io.jtorch.cli;

import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.Dataset;
import io.jtorch.distributed.Backend;
import io.jtorch.distributed.Distributed;
import io.jtorch.distributed.DistributedDataParallel;
import io.jtorch.distributed.DistributedSampler;
import io.jtorch.distributed.ProcessGroup;
import io.jtorch.nn.Module;
import io.jtorch.train.EpochStats;
import java.util.Locale;

/**
 * How a run of {@code jtorch finetune} shares its work: one process alone, or one worker of a
 * data-parallel job. A worker trains on its share of every batch (the {@code --batch-size}
 * images of a step are split evenly over the workers), averages gradients with
 * {@link DistributedDataParallel}, and only rank 0 evaluates, prints and writes files.
 */
final class Distribution implements AutoCloseable {
    private final ProcessGroup group;
    private DistributedSampler sampler;
    private long epochs;
    private DistributedDataParallel replica;

    private Distribution(ProcessGroup group) {
        this.group = group;
    }

    /** A run in this process alone: the plain training loop. */
    static Distribution alone() {
        return new Distribution(null);
    }

    /** Joins the job the launcher described in the environment: NCCL when training on CUDA, Gloo otherwise. */
    static Distribution join(Device device) {
        return new Distribution(Distributed.initProcessGroup(device.isCuda() ? Backend.NCCL : Backend.GLOO));
    }

    /** Whether this process prints, evaluates and writes the outputs: rank 0, or the only process. */
    boolean isMain() {
        return group == null || group.rank() == 0;
    }

    /** The number of processes training together. */
    int worldSize() {
        return group == null ? 1 : group.size();
    }

    /** One line about the job, for the log; empty when alone. */
    String describe(int batchSize) {
        return group == null ? "" : String.format(Locale.ROOT, "distributed: %d processes over %s; each step's %d images split %d per process",
                group.size(), group.backend(), batchSize, batchSize / group.size());
    }

    /** The training loader: shuffled batches of {@code batchSize}, or this rank's share of each. */
    DataLoader trainLoader(Dataset data, int batchSize, long seed) {
        if (group == null) {
            return new DataLoader(data, batchSize, true).seed(seed);
        }
        sampler = new DistributedSampler(data, group.size(), group.rank()).seed(seed);
        return new DataLoader(data, batchSize / group.size()).sampler(sampler);
    }

    /** Starts a pass over the training data: every pass of the run draws a new order, the same on all ranks. */
    void beforeEpoch() {
        if (sampler != null) {
            sampler.setEpoch(epochs++);
        }
    }

    /**
     * The model as a trainer should run it for one phase: itself, or wrapped to average
     * gradients over the parameters that are trainable now. The previous phase's wrapper is
     * closed, as its set of trainable parameters is stale.
     */
    Module replicate(Module model) {
        if (group == null) {
            return model;
        }
        closeReplica();
        replica = new DistributedDataParallel(model);
        return replica;
    }

    private void closeReplica() {
        if (replica != null) {
            replica.close();
            replica = null;
        }
    }

    /** The epoch's statistics over all ranks: loss averaged over every sample of the job, counts summed. */
    EpochStats combine(EpochStats mine) {
        if (group == null) {
            return mine;
        }
        Tensor sums = Torch.tensor(mine.meanLoss() * mine.samples(), (double) mine.samples());
        group.allReduce(sums);
        double[] s = sums.toDoubleArray();
        return new EpochStats(s[0] / s[1], (long) s[1], mine.batches(), mine.seconds(), mine.cached());
    }

    /** Leaves the job. */
    @Override
    public void close() {
        closeReplica();
        if (group != null) {
            Distributed.destroyProcessGroup();
        }
    }
}
