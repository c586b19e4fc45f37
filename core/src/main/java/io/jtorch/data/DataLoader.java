package io.jtorch.data;

import io.jtorch.Generator;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.internal.IntraOpThreads;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Iterates over a {@link Dataset} in batches, optionally shuffled. Mirrors
 * {@code torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last, generator)}.
 * <pre>{@code
 * DataLoader trainLoader = new DataLoader(dataset, 64, true).seed(42);
 * for (Batch batch : trainLoader) { ... }
 * }</pre>
 *
 * <p><b>Memory.</b> Each batch is a {@link Scope}: the batch's tensors and every tensor created
 * on this thread while it is current are released when the loop asks for the next batch (or
 * ends), so a training loop written the plain way runs in constant native memory. Keep a tensor
 * longer with {@link io.jtorch.Tensor#retain()}. If a loop is left early ({@code break}), the
 * last batch's tensors are handed to the garbage collector when the next loop starts on that
 * thread. A loop over another loader inside the loop (validation every so many steps) or two
 * loaders stepped together go on as in Python; the outer loop's batch of the moment is then
 * left to the garbage collector instead of being released at its next {@code next()}.
 *
 * <p><b>Order.</b> Without shuffling, batches follow the dataset's order. With shuffling, each
 * pass draws a new permutation as PyTorch's {@code RandomSampler} does: from a generator seeded
 * with {@link #seed(long)} (like {@code generator=torch.Generator().manual_seed(seed)}), or else
 * from a seed drawn from the global generator, so {@code Torch.manualSeed} makes it
 * reproducible. The orders equal PyTorch's for the same seed. With a {@link Sampler}, the
 * sampler chooses the indices of every pass instead (a {@code DistributedSampler} gives each
 * process of a data-parallel job its share).
 *
 * <p><b>Workers.</b> With {@link #numWorkers(int)} above zero, batches are assembled on that many
 * background threads, up to {@code numWorkers * prefetchFactor} batches ahead of the loop, and
 * handed over in order; mirrors {@code num_workers} and {@code prefetch_factor}. This pays off
 * when {@link Dataset#getBatch} does real work (decoding images from disk); for tensors already in
 * memory the hand-over costs more than it saves, which is why the default is zero. With more
 * than one worker, {@link Dataset#getBatch} is called from several threads at once, which the
 * datasets of this library allow; a dataset of your own must too. A failure
 * in a worker is thrown from the loop's {@code next()}. Batch {@code k} of a pass is assembled by
 * worker {@code k % numWorkers}, and each worker has a generator seeded with
 * {@code baseSeed + id} ({@link WorkerInfo}), the base seed drawn at the start of each pass from
 * the loader's generator as PyTorch draws it: random transforms, which draw from
 * {@link WorkerInfo#currentGenerator()}, give the same augmentations on every run of a seeded
 * loader (see {@link WorkerInfo} for how this differs from PyTorch's worker processes). As
 * PyTorch's workers do ({@code torch.set_num_threads(1)} in each), every worker runs its libtorch
 * ops on one intra-op thread, so that the workers, not the ops, share the cores; the loop's
 * thread and threads started later keep the count set with {@code Torch.setNumThreads}. Workers
 * start anew each pass, with new generators, unless {@link #persistentWorkers(boolean)} keeps
 * them, as {@code persistent_workers=True} does. Either way the loader keeps its idle worker
 * threads for a few seconds after a pass and gives the next pass's workers to them: a new thread
 * pays again for memory the old one had already had from the kernel (a fresh malloc arena), which
 * made the first batches of each image epoch several times slower. Idle threads end by
 * themselves, after 5 idle seconds (a minute with persistent workers).
 */
public final class DataLoader implements Iterable<Batch> {
    /** The passes, of any loader, whose batch scope is open on this thread. */
    private static final ThreadLocal<java.util.List<BatchIterator>> OPEN = ThreadLocal.withInitial(java.util.ArrayList::new);
    /** How long an idle worker thread waits for the next pass before it ends. */
    static final int IDLE_SECONDS = 5;
    /** How long an idle worker thread of persistent workers waits for the next pass. */
    private static final int PERSISTENT_IDLE_SECONDS = 60;

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private boolean dropLast;
    private Generator generator;
    private Sampler sampler;
    private int numWorkers;
    private int prefetchFactor = 2;
    private boolean persistentWorkers;
    /** The worker threads, one single-thread executor per worker, kept from pass to pass; null until a pass starts them. */
    private ThreadPoolExecutor[] workerThreads;
    /** With persistentWorkers: the workers (ids and generators) the first pass made, kept for the next passes; null until then. */
    private WorkerInfo[] keptWorkers;
    /** The base seed of keptWorkers' generators, drawn once, as PyTorch draws it once for persistent workers. */
    private long keptBaseSeed;
    /** The last pass started; a new pass on the same thread replaces it. */
    private BatchIterator current;

    /**
     * Batches of {@code batchSize} in dataset order; mirrors {@code DataLoader(dataset,
     * batch_size)}.
     *
     * @param dataset the dataset to load from
     * @param batchSize PyTorch's {@code batch_size}: samples per batch, at least 1 (the last batch
     *     may be smaller unless {@link #dropLast(boolean)})
     * @throws NullPointerException when {@code dataset} is null
     * @throws IllegalArgumentException when {@code batchSize} is below 1
     */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, batchSize, false);
    }

    /**
     * Batches of {@code batchSize}, reshuffled every pass when {@code shuffle}; mirrors {@code
     * DataLoader(dataset, batch_size, shuffle)}.
     *
     * @param dataset the dataset to load from
     * @param batchSize PyTorch's {@code batch_size}: samples per batch, at least 1
     * @param shuffle whether each pass draws a new random order (default false in PyTorch)
     * @throws NullPointerException when {@code dataset} is null
     * @throws IllegalArgumentException when {@code batchSize} is below 1
     */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle) {
        if (dataset == null) {
            throw new NullPointerException("dataset");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
    }

    /**
     * Draws shuffling orders, and the workers' base seeds, from a generator seeded with {@code
     * seed}; mirrors {@code generator=torch.Generator().manual_seed(seed)}. Returns this.
     *
     * @param seed the seed of the loader's own generator
     * @return this, for chaining
     */
    public DataLoader seed(long seed) {
        this.generator = new Generator().manualSeed(seed);
        return this;
    }

    /**
     * Takes each pass's indices from {@code sampler} instead of the dataset order or a shuffle;
     * mirrors {@code DataLoader(..., sampler=sampler)}. Returns this.
     *
     * @param sampler the sampler choosing each pass's indices, or {@code null} for the loader's
     *     own order
     * @return this, for chaining
     * @throws IllegalArgumentException when this loader shuffles, as PyTorch refuses both
     */
    public DataLoader sampler(Sampler sampler) {
        if (shuffle && sampler != null) {
            throw new IllegalArgumentException("sampler option is mutually exclusive with shuffle: create the loader with shuffle=false "
                    + "and let the sampler shuffle");
        }
        this.sampler = sampler;
        return this;
    }

    /** {@return the sampler, or {@code null} when the loader orders samples itself} */
    public Sampler sampler() {
        return sampler;
    }

    /**
     * Drops the last batch when it is smaller than the batch size; mirrors {@code drop_last}.
     * Returns this.
     *
     * @param dropLast PyTorch's {@code drop_last}: whether to drop an incomplete last batch
     *     (default false)
     * @return this, for chaining
     */
    public DataLoader dropLast(boolean dropLast) {
        this.dropLast = dropLast;
        return this;
    }

    /**
     * Assembles batches on {@code numWorkers} background threads; 0 (the default) assembles them
     * on the loop's thread. Mirrors {@code num_workers}. Returns this.
     *
     * @param numWorkers PyTorch's {@code num_workers}: the number of background threads, 0 or more
     * @return this, for chaining
     * @throws IllegalArgumentException when {@code numWorkers} is negative
     */
    public DataLoader numWorkers(int numWorkers) {
        if (numWorkers < 0) {
            throw new IllegalArgumentException("num_workers option should be non-negative; use num_workers=0 to disable "
                    + "multiprocessing, but got " + numWorkers);
        }
        this.numWorkers = numWorkers;
        return this;
    }

    /** {@return the number of background threads that assemble batches, 0 for none} */
    public int numWorkers() {
        return numWorkers;
    }

    /**
     * How many batches each worker prepares ahead of the loop (default 2); mirrors
     * {@code prefetch_factor}. Returns this.
     *
     * @param prefetchFactor PyTorch's {@code prefetch_factor}: batches prepared ahead per worker,
     *     at least 1
     * @return this, for chaining
     * @throws IllegalArgumentException when {@code prefetchFactor} is below 1
     */
    public DataLoader prefetchFactor(int prefetchFactor) {
        if (prefetchFactor < 1) {
            throw new IllegalArgumentException("prefetch_factor should be a positive integer, but got " + prefetchFactor);
        }
        this.prefetchFactor = prefetchFactor;
        return this;
    }

    /**
     * Keeps the workers, with each one's random generator, from one pass to the next instead of
     * starting them anew each pass; mirrors {@code persistent_workers}. As in PyTorch,
     * the workers' base seed is then drawn once, by the first pass, so later passes draw only
     * their shuffling order from the loader's generator, and random transforms carry on from
     * where each worker's generator left off. Idle worker threads still end after a minute; the
     * next pass then starts threads that carry the same generators on. Returns this.
     *
     * @param persistentWorkers PyTorch's {@code persistent_workers}; needs {@link #numWorkers(int)}
     *     above zero when a pass starts
     * @return this, for chaining
     */
    public DataLoader persistentWorkers(boolean persistentWorkers) {
        this.persistentWorkers = persistentWorkers;
        if (!persistentWorkers && keptWorkers != null) {
            keptWorkers = null;
            stopWorkerThreads();
        }
        return this;
    }

    /** {@return whether workers are kept from one pass to the next ({@code persistent_workers})} */
    public boolean persistentWorkers() {
        return persistentWorkers;
    }

    /** Stops the worker threads, cancelling the batches they had not started. */
    private void stopWorkerThreads() {
        if (workerThreads != null) {
            stop(workerThreads);
            workerThreads = null;
        }
    }

    private static void stop(ExecutorService[] threads) {
        for (ExecutorService w : threads) {
            for (Runnable never : w.shutdownNow()) {
                // a loop still waiting for one of these hears that the workers were stopped
                if (never instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
        }
    }

    /** The kept workers when they can serve this pass (same count), else null. */
    private WorkerInfo[] keptWorkersFor(int count) {
        if (keptWorkers != null && keptWorkers.length != count) {
            keptWorkers = null;
        }
        return keptWorkers;
    }

    /** {@code count} worker threads: the idle ones of the last pass where there are as many, else new ones. */
    private ThreadPoolExecutor[] workerThreadsFor(int count, boolean persistent) {
        if (workerThreads != null && workerThreads.length != count) {
            stopWorkerThreads();
        }
        if (workerThreads == null) {
            workerThreads = new ThreadPoolExecutor[count];
            for (int w = 0; w < count; w++) {
                String name = "jtorch-loader-worker-" + w;
                ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(() -> {
                        // PyTorch's workers call torch.set_num_threads(1): several workers running
                        // small per-sample ops each on every core only fight for the cores
                        IntraOpThreads.setForCurrentThread(1);
                        task.run();
                    }, name);
                    t.setDaemon(true);
                    return t;
                });
                // a loop left with break never finishes its pass: idle threads end by themselves
                pool.allowCoreThreadTimeOut(true);
                workerThreads[w] = pool;
            }
        }
        for (ThreadPoolExecutor pool : workerThreads) {
            pool.setKeepAliveTime(persistent ? PERSISTENT_IDLE_SECONDS : IDLE_SECONDS, TimeUnit.SECONDS);
        }
        return workerThreads;
    }

    /**
     * A loader over {@code other}, a dataset of the same size, that batches and orders it exactly
     * as this loader would: same batch size, shuffling and {@code dropLast}, and the same random
     * generator, so a pass over either draws the same order. Used to iterate precomputed
     * features in the order of the data they were computed from. Workers are not carried over:
     * the other dataset is usually in memory already.
     *
     * @param other the dataset to load instead, with as many samples as this loader's
     * @return a new loader over {@code other}
     * @throws IllegalArgumentException when {@code other} differs in size
     */
    public DataLoader withDataset(Dataset other) {
        if (other.size() != dataset.size()) {
            throw new IllegalArgumentException("withDataset needs a dataset of the same size: " + other.size() + " vs " + dataset.size());
        }
        DataLoader copy = new DataLoader(other, batchSize, shuffle);
        copy.dropLast = dropLast;
        copy.generator = generator;
        copy.sampler = sampler;
        return copy;
    }

    /**
     * {@return the generator that shuffles this loader when it was seeded with {@link
     * #seed(long)}, else {@code null}}
     */
    public Generator generator() {
        return generator;
    }

    /** {@return the dataset this loader reads} */
    public Dataset dataset() {
        return dataset;
    }

    /** {@return the batch size; mirrors {@code .batch_size}} */
    public int batchSize() {
        return batchSize;
    }

    /** {@return whether each pass is shuffled} */
    public boolean shuffle() {
        return shuffle;
    }

    /** {@return the number of batches per pass; mirrors {@code len(loader)}} */
    public long size() {
        long n = sampler != null ? sampler.size() : dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** Starts a pass over the dataset. */
    @Override
    public Iterator<Batch> iterator() {
        if (persistentWorkers && numWorkers == 0) {
            throw new IllegalArgumentException("persistent_workers option needs num_workers > 0");
        }
        // A new pass of this loader replaces the last one (left with break). A pass of another
        // loader may go on after this one (a validation loop inside the training loop, or two
        // loaders zipped): it only loses its batch's scope, which is left to the garbage
        // collector, so that a loop left with break does not keep its scope open.
        if (current != null && current.owner == Thread.currentThread()) {
            current.abandon(false);
        }
        java.util.List<BatchIterator> open = OPEN.get();
        for (BatchIterator previous : java.util.List.copyOf(open)) {
            previous.abandon(true);
        }
        open.clear();
        BatchIterator it = new BatchIterator();
        current = it;
        return it;
    }

    private long[] order() {
        if (sampler != null) {
            return sampler.indices();
        }
        long n = dataset.size();
        if (!shuffle) {
            long[] order = new long[(int) n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        Generator g = generator;
        if (g == null) {
            g = new Generator().manualSeed(Generator.defaultGenerator().randomLong());
        }
        return g.randperm(n).toLongArray();
    }

    private final class BatchIterator implements Iterator<Batch> {
        private long[] order;
        private int position;
        private Scope scope;
        private boolean finished;
        /** Batches being assembled by workers, in the loop's order; null without workers. */
        private ArrayDeque<Future<Batch>> pending;
        /** One single-thread executor per worker: batch k of the pass goes to worker k % numWorkers, as in PyTorch. */
        private ExecutorService[] workers;
        /** Each worker's id and generator, which its tasks run as. */
        private WorkerInfo[] infos;
        /** Where the next batch to hand to a worker starts. */
        private int submitted;
        /** How many batches were handed to workers. */
        private long submittedBatches;
        /** The seed of worker 0's generator; worker i's is baseSeed + i. */
        private final long baseSeed;
        /** Whether this pass uses, or starts, the loader's kept workers. */
        private final boolean persistent;
        /** The thread that started this pass. */
        private final Thread owner = Thread.currentThread();
        /** The kept workers this pass reuses, or null when it makes its own. */
        private final WorkerInfo[] reused;

        BatchIterator() {
            // PyTorch's iterator draws a base seed for its workers from the loader's generator
            // (or the global one) before the sampler draws its order; drawing it too keeps the
            // orders and the workers' seeds equal.
            // Persistent workers keep the seed the first pass drew, and PyTorch draws none again.
            persistent = persistentWorkers && numWorkers > 0;
            reused = persistent ? keptWorkersFor(numWorkers) : null;
            if (reused != null) {
                baseSeed = keptBaseSeed;
            } else {
                baseSeed = (generator != null ? generator : Generator.defaultGenerator()).randomLong();
            }
        }

        @Override
        public boolean hasNext() {
            if (order == null) {
                order = order();
                if (numWorkers > 0) {
                    startWorkers();
                }
            }
            int remaining = order.length - position;
            boolean more = remaining > 0 && (!dropLast || remaining >= batchSize);
            if (!more && !finished) {
                finished = true;
                // PyTorch's RandomSampler draws one more (unused) permutation when it runs out;
                // with a generator of its own, later passes depend on that draw.
                if (shuffle && generator != null) {
                    generator.randperm(order.length);
                }
                finish();
            }
            return more;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the data loader has no more batches in this pass");
            }
            closeScope();
            int n = Math.min(batchSize, order.length - position);
            if (pending == null) {
                long[] indices = indices(position, n);
                position += n;
                scope = Scope.open();
                listed();
                return dataset.getBatch(indices);
            }
            Future<Batch> next = pending.poll();
            position += n;
            submitMore();
            Batch batch = await(next);
            scope = Scope.open();
            listed();
            scope.adopt(batch.inputs());
            if (batch.labels() != batch.inputs()) {
                scope.adopt(batch.labels());
            }
            return batch;
        }

        private long[] indices(int from, int n) {
            long[] indices = new long[n];
            System.arraycopy(order, from, indices, 0, n);
            return indices;
        }

        private void startWorkers() {
            workers = workerThreadsFor(numWorkers, persistent);
            if (reused != null) {
                infos = reused;
            } else {
                infos = new WorkerInfo[numWorkers];
                for (int w = 0; w < numWorkers; w++) {
                    infos[w] = new WorkerInfo(w, numWorkers, baseSeed + w);
                }
                if (persistent) {
                    keptWorkers = infos;
                    keptBaseSeed = baseSeed;
                }
            }
            pending = new ArrayDeque<>();
            submitted = position;
            submitMore();
        }

        /** Keeps {@code numWorkers * prefetchFactor} batches on their way. */
        private void submitMore() {
            while (pending.size() < numWorkers * prefetchFactor) {
                int n = Math.min(batchSize, order.length - submitted);
                if (n <= 0 || (dropLast && n < batchSize)) {
                    return;
                }
                long[] indices = indices(submitted, n);
                submitted += n;
                int w = (int) (submittedBatches++ % numWorkers);
                WorkerInfo info = infos[w];
                pending.add(workers[w].submit(() -> assemble(info, indices)));
            }
        }

        /** Runs on a worker thread, as {@code info}: builds the batch in a scope of its own and keeps only its two tensors. */
        private Batch assemble(WorkerInfo info, long[] indices) {
            info.enter();
            try (Scope own = Scope.open()) {
                Batch batch = dataset.getBatch(indices);
                if (batch == null || batch.inputs() == null || batch.labels() == null) {
                    throw new IllegalStateException(dataset.getClass().getName() + ".getBatch returned a batch without tensors");
                }
                Tensor inputs = batch.inputs().retain();
                Tensor labels = batch.labels() == batch.inputs() ? inputs : batch.labels().retain();
                return new Batch(inputs, labels);
            } finally {
                WorkerInfo.leave();
            }
        }

        private Batch await(Future<Batch> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopWorkers();
                throw new IllegalStateException("interrupted while waiting for a data loader worker", e);
            } catch (ExecutionException e) {
                stopWorkers();
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("a data loader worker failed: " + cause, cause);
            } catch (CancellationException e) {
                throw new IllegalStateException("the data loader's workers were stopped", e);
            }
        }

        /**
         * Stops the workers (kept workers too, after a failure); batches they made and nobody took
         * are left to the garbage collector.
         */
        private void stopWorkers() {
            if (persistent && infos != null && infos == keptWorkers) {
                keptWorkers = null;
            }
            releaseWorkers(true);
        }

        /**
         * Lets go of the workers: stops their threads, or, unless {@code stop}, leaves the threads
         * to the next pass, cancelling the batches of this pass they have not started.
         */
        private void releaseWorkers(boolean stop) {
            if (workers != null) {
                if (stop) {
                    stop(workers);
                    if (workers == workerThreads) {
                        workerThreads = null;
                    }
                } else {
                    for (Future<Batch> f : pending) {
                        f.cancel(false);
                    }
                }
                workers = null;
                pending.clear();
                finished = true;
                position = order.length;
            }
        }

        private void closeScope() {
            if (scope != null) {
                scope.close();
                scope = null;
            }
        }

        private void finish() {
            closeScope();
            releaseWorkers(false);
            OPEN.get().remove(this);
        }

        /**
         * Takes this pass's batch scope off the thread's stack, leaving its tensors to the garbage
         * collector; unless {@code goOn}, also ends the pass and lets go of its workers.
         */
        void abandon(boolean goOn) {
            if (!goOn) {
                releaseWorkers(false);
            }
            if (scope != null) {
                scope.abandon();
                scope = null;
            }
        }

        DataLoader loader() {
            return DataLoader.this;
        }

        /** Lists this pass among those whose scope is open on the calling thread. */
        private void listed() {
            java.util.List<BatchIterator> open = OPEN.get();
            if (!open.contains(this)) {
                open.add(this);
            }
        }
    }
}
