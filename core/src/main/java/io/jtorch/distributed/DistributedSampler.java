package io.jtorch.distributed;

import io.jtorch.Generator;
import io.jtorch.data.Dataset;
import io.jtorch.data.Sampler;

/**
 * Gives each process of a data-parallel job its own share of the dataset. Mirrors
 * {@code torch.utils.data.distributed.DistributedSampler(dataset, num_replicas, rank, shuffle,
 * seed, drop_last)}, and draws the same indices as PyTorch's for the same arguments.
 *
 * <p>Every pass, all ranks draw the same permutation (from {@code seed + epoch}), pad it by
 * repeating its first indices until it divides evenly (or, with {@code dropLast}, cut its tail),
 * and rank {@code r} takes positions {@code r, r + numReplicas, r + 2 numReplicas, ...}. So
 * every rank runs the same number of batches, and with a per-rank batch size {@code b}, the
 * ranks' k-th batches together are the k-th batch of {@code numReplicas * b} of the permutation.
 * Call {@link #setEpoch} before each epoch, or every epoch visits the data in the same order.
 * <pre>{@code
 * DistributedSampler sampler = new DistributedSampler(dataset);
 * DataLoader loader = new DataLoader(dataset, 32).sampler(sampler);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     sampler.setEpoch(epoch);
 *     for (Batch batch : loader) { ... }
 * }
 * }</pre>
 */
public final class DistributedSampler implements Sampler {
    private final Dataset dataset;
    private final int numReplicas;
    private final int rank;
    private boolean shuffle = true;
    private long seed;
    private boolean dropLast;
    private long epoch;

    /**
     * A sampler for this process of the default process group: its rank among {@code
     * getWorldSize()} replicas.
     *
     * @param dataset the dataset whose indices are split
     */
    public DistributedSampler(Dataset dataset) {
        this(dataset, Distributed.getWorldSize(), Distributed.getRank());
    }

    /**
     * A sampler for rank {@code rank} of {@code numReplicas} processes.
     *
     * @param dataset the dataset whose indices are split
     * @param numReplicas the number of ranks sharing the dataset
     * @param rank the rank whose share this sampler yields
     */
    public DistributedSampler(Dataset dataset, int numReplicas, int rank) {
        if (numReplicas < 1) {
            throw new IllegalArgumentException("num_replicas must be at least 1, got " + numReplicas);
        }
        if (rank < 0 || rank >= numReplicas) {
            throw new IllegalArgumentException("Invalid rank " + rank + ", rank should be in the interval [0, " + (numReplicas - 1) + "]");
        }
        this.dataset = dataset;
        this.numReplicas = numReplicas;
        this.rank = rank;
    }

    /**
     * Whether each epoch draws a new permutation (the default) or keeps the dataset order. Returns
     * this.
     *
     * @param shuffle whether indices are shuffled each epoch (default true)
     * @return this, for chaining
     */
    public DistributedSampler shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * The seed shared by all ranks (default 0); each epoch's permutation is drawn from {@code seed
     * + epoch}. Returns this.
     *
     * @param seed the seed of the random generator
     * @return this, for chaining
     */
    public DistributedSampler seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Drops the tail that does not divide evenly instead of padding with repeated indices. Returns
     * this.
     *
     * @param dropLast whether the tail is dropped so that every rank gets the same number of
     *     samples (default false: indices are repeated to pad)
     * @return this, for chaining
     */
    public DistributedSampler dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /**
     * Chooses the epoch whose permutation the next pass uses; mirrors {@code set_epoch(epoch)}.
     *
     * @param epoch the epoch number, which seeds this epoch's shuffle (identical on all ranks)
     */
    public void setEpoch(long epoch) {
        this.epoch = epoch;
    }

    /** {@return the epoch set last} */
    public long epoch() {
        return epoch;
    }

    /** {@return the number of processes sharing the dataset} */
    public int numReplicas() {
        return numReplicas;
    }

    /** {@return this process's rank} */
    public int rank() {
        return rank;
    }

    /** Indices per rank and pass; mirrors {@code len(sampler)}. */
    @Override
    public long size() {
        long n = dataset.size();
        if (dropLast && n % numReplicas != 0) {
            // PyTorch: math.ceil((len - num_replicas) / num_replicas), which is floor((len - 1) / num_replicas) here.
            return (n - 1) / numReplicas;
        }
        return (n + numReplicas - 1) / numReplicas;
    }

    /** This rank's indices for the current epoch. */
    @Override
    public long[] indices() {
        long n = dataset.size();
        long perRank = size();
        long[] all;
        if (shuffle) {
            all = new Generator().manualSeed(seed + epoch).randperm(n).toLongArray();
        } else {
            all = new long[Math.toIntExact(n)];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
        }
        long[] mine = new long[Math.toIntExact(perRank)];
        for (int i = 0; i < mine.length; i++) {
            // Position rank + i * numReplicas of the padded list, whose entry j is all[j % n].
            long j = rank + (long) i * numReplicas;
            mine[i] = all[(int) (j % n)];
        }
        return mine;
    }

    @Override
    public String toString() {
        return "DistributedSampler(rank " + rank + " of " + numReplicas + ", shuffle=" + shuffle + ", seed=" + seed + ", epoch=" + epoch
                + (dropLast ? ", drop_last" : "") + ")";
    }
}
