package io.jtorch.data;

import io.jtorch.Generator;

/**
 * Which {@link DataLoader} worker thread the caller runs on, and that worker's random generator.
 * Mirrors {@code torch.utils.data.get_worker_info()}: {@link #get()} is {@code null} outside
 * workers.
 *
 * <p><b>Seeding.</b> Each pass of a loader draws a base seed from its generator (or the global
 * one), as PyTorch's iterator does; with {@link DataLoader#persistentWorkers(boolean)} only the
 * first pass does, and the workers' generators carry on from pass to pass, as PyTorch's
 * persistent worker processes do. Worker {@code i} gets a generator seeded with
 * {@code baseSeed + i}, and batch {@code k} of the pass is assembled by worker
 * {@code k % numWorkers}, in order; random transforms draw from {@link #currentGenerator()}.
 * So a seeded loader gives the same augmentations on every run, and the same ones as PyTorch's
 * {@code DataLoader(num_workers=n)} when its dataset draws the same numbers. The difference:
 * PyTorch's workers are processes, each of which reseeds its own global generator
 * ({@code torch.manual_seed(base_seed + i)}), so code in a worker that calls {@code torch.rand}
 * draws from the worker's stream. Java's workers are threads of one process sharing one global
 * generator: code that wants the worker's stream must draw from {@link #currentGenerator()} (the
 * transforms of {@code io.jtorch.vision.transforms} do); {@code Torch.rand} on a worker draws
 * from the shared global generator, in no reproducible order.
 */
public final class WorkerInfo {
    private static final ThreadLocal<WorkerInfo> CURRENT = new ThreadLocal<>();

    private final int id;
    private final int numWorkers;
    private final long seed;
    private final Generator generator;

    WorkerInfo(int id, int numWorkers, long seed) {
        this.id = id;
        this.numWorkers = numWorkers;
        this.seed = seed;
        this.generator = new Generator().manualSeed(seed);
    }

    /**
     * {@return the worker the calling thread is, or {@code null} outside a loader's workers;
     * mirrors {@code get_worker_info()}}
     */
    public static WorkerInfo get() {
        return CURRENT.get();
    }

    /**
     * {@return the generator random augmentation should draw from: the worker's own on a worker
     * thread, the global generator ({@link Generator#defaultGenerator()}, seeded by {@code
     * Torch.manualSeed}) elsewhere}
     */
    public static Generator currentGenerator() {
        WorkerInfo info = CURRENT.get();
        return info != null ? info.generator : Generator.defaultGenerator();
    }

    /** Makes the calling thread this worker until {@link #leave()}. */
    void enter() {
        CURRENT.set(this);
    }

    static void leave() {
        CURRENT.remove();
    }

    /** {@return the worker's index, 0 to {@code numWorkers - 1}; mirrors {@code .id}} */
    public int id() {
        return id;
    }

    /** {@return the number of workers of the loader; mirrors {@code .num_workers}} */
    public int numWorkers() {
        return numWorkers;
    }

    /** {@return the seed of this worker's generator, {@code baseSeed + id}; mirrors {@code .seed}} */
    public long seed() {
        return seed;
    }

    /** {@return this worker's generator, seeded with {@link #seed()}} */
    public Generator generator() {
        return generator;
    }

    @Override
    public String toString() {
        return "WorkerInfo(id=" + id + ", num_workers=" + numWorkers + ", seed=" + seed + ")";
    }
}
