package io.jtorch.distributed;

import io.jtorch.Tensor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Data-parallel jobs over several processes, on one machine or many. Mirrors
 * {@code torch.distributed}: {@code dist.init_process_group("gloo")} is
 * {@code Distributed.initProcessGroup(Backend.GLOO)}, {@code dist.get_rank()} is
 * {@code Distributed.getRank()}, {@code dist.all_reduce(t)} is {@code Distributed.allReduce(t)}.
 * <pre>{@code
 * Distributed.initProcessGroup(Backend.GLOO);              // RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT from the environment
 * DistributedDataParallel ddp = new DistributedDataParallel(model);
 * DataLoader loader = new DataLoader(dataset, 32).sampler(new DistributedSampler(dataset));
 * ...
 * Distributed.destroyProcessGroup();
 * }</pre>
 *
 * <p>The default group is one per JVM, as in PyTorch; the collectives here run on it.
 */
public final class Distributed {
    /** How long collectives and the rendezvous wait for the other ranks unless told otherwise: 30 minutes, PyTorch's default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** Environment variable naming the rendezvous ({@code file:///path} or {@code tcp://host:port}) for the env:// default. */
    public static final String INIT_METHOD_ENV = "JTORCH_INIT_METHOD";

    private static ProcessGroup defaultGroup;

    private Distributed() {}

    /**
     * Joins the job described by the environment, as {@code torchrun} and {@code jtorch --nproc}
     * set it: {@code RANK}, {@code WORLD_SIZE}, and either {@code JTORCH_INIT_METHOD} or
     * {@code MASTER_ADDR} and {@code MASTER_PORT}; mirrors {@code dist.init_process_group(backend)}
     * with the default {@code env://} init method.
     *
     * @param backend {@link Backend#GLOO} (CPU tensors) or {@link Backend#NCCL} (CUDA tensors)
     * @return the new default process group
     */
    public static synchronized ProcessGroup initProcessGroup(Backend backend) {
        return initProcessGroup(backend, "env://", -1, -1, DEFAULT_TIMEOUT);
    }

    /**
     * Joins a job of {@code worldSize} processes as {@code rank}, meeting through
     * {@code initMethod}: {@code file:///path} (a {@link FileStore}), {@code tcp://host:port}
     * (a {@link TCPStore} served by rank 0) or {@code env://}; mirrors
     * {@code dist.init_process_group(backend, init_method, world_size=, rank=, timeout=)}. A rank
     * or world size of -1 is read from {@code RANK} or {@code WORLD_SIZE}.
     *
     * @param backend {@link Backend#GLOO} (CPU tensors) or {@link Backend#NCCL} (CUDA tensors)
     * @param initMethod {@code file:///path}, {@code tcp://host:port} or {@code env://}
     * @param worldSize the number of processes in the group
     * @param rank the rank of this process, from 0 to {@code worldSize - 1}
     * @param timeout how long collectives wait for the other ranks ({@link #DEFAULT_TIMEOUT} by
     *     default)
     * @return the new default process group
     */
    public static synchronized ProcessGroup initProcessGroup(Backend backend, String initMethod, int worldSize, int rank,
                                                             Duration timeout) {
        int world = worldSize >= 0 ? worldSize : envInt("WORLD_SIZE");
        int r = rank >= 0 ? rank : envInt("RANK");
        return initProcessGroup(backend, store(initMethod, world, r, timeout), world, r, timeout);
    }

    /**
     * Joins a job of {@code worldSize} processes as {@code rank}, meeting in {@code store}; mirrors
     * {@code dist.init_process_group(backend, store=, world_size=, rank=, timeout=)}. Waits for the
     * other ranks to join up to the longer of the store's timeout and {@code timeout}; collectives
     * then fail when the other ranks do not answer within {@code timeout}.
     *
     * @param backend {@link Backend#GLOO} (CPU tensors) or {@link Backend#NCCL} (CUDA tensors)
     * @param store the key-value store all ranks meet in
     * @param worldSize the number of processes in the group
     * @param rank the rank of this process, from 0 to {@code worldSize - 1}
     * @param timeout how long collectives wait for the other ranks ({@link #DEFAULT_TIMEOUT} by
     *     default)
     * @return the new default process group
     */
    public static synchronized ProcessGroup initProcessGroup(Backend backend, Store store, int worldSize, int rank, Duration timeout) {
        if (defaultGroup != null) {
            throw new IllegalStateException("the default process group is already initialized (" + defaultGroup
                    + "); call destroyProcessGroup() first");
        }
        defaultGroup = ProcessGroup.create(backend, store, worldSize, rank, timeout);
        return defaultGroup;
    }

    /** {@return whether the default process group exists; mirrors {@code dist.is_initialized()}} */
    public static synchronized boolean isInitialized() {
        return defaultGroup != null;
    }

    /** {@return the default process group; mirrors {@code dist.group.WORLD}} */
    public static synchronized ProcessGroup defaultGroup() {
        if (defaultGroup == null) {
            throw new IllegalStateException("the default process group has not been initialized: call Distributed.initProcessGroup first");
        }
        return defaultGroup;
    }

    /** {@return this process's rank; mirrors {@code dist.get_rank()}} */
    public static int getRank() {
        return defaultGroup().rank();
    }

    /** {@return the number of processes; mirrors {@code dist.get_world_size()}} */
    public static int getWorldSize() {
        return defaultGroup().size();
    }

    /**
     * Sums {@code tensor} over all ranks, in place; mirrors {@code dist.all_reduce(tensor)}.
     *
     * @param tensor the tensor, of the same shape and dtype on every rank; overwritten with the
     *     result
     */
    public static void allReduce(Tensor tensor) {
        defaultGroup().allReduce(tensor);
    }

    /**
     * Combines {@code tensor} over all ranks with {@code op}, in place; mirrors {@code
     * dist.all_reduce(tensor, op)}.
     *
     * @param tensor the tensor, of the same shape and dtype on every rank; overwritten with the
     *     result
     * @param op the reduction: sum, product, minimum, maximum, ...
     */
    public static void allReduce(Tensor tensor, ReduceOp op) {
        defaultGroup().allReduce(tensor, op);
    }

    /**
     * Copies {@code tensor} from rank {@code src} to all ranks, in place; mirrors {@code
     * dist.broadcast(tensor, src)}.
     *
     * @param tensor the tensor, of the same shape and dtype on every rank; overwritten with the
     *     result
     * @param src the rank whose tensor is sent to all others
     */
    public static void broadcast(Tensor tensor, int src) {
        defaultGroup().broadcast(tensor, src);
    }

    /** Waits for every rank; mirrors {@code dist.barrier()}. */
    public static void barrier() {
        defaultGroup().barrier();
    }

    /** Leaves the job and forgets the default group; mirrors {@code dist.destroy_process_group()}. Does nothing when there is none. */
    public static synchronized void destroyProcessGroup() {
        if (defaultGroup != null) {
            defaultGroup.destroy();
            defaultGroup = null;
        }
    }

    /** The store an init method names. */
    static Store store(String initMethod, int worldSize, int rank, Duration timeout) {
        String method = initMethod;
        if (method.equals("env://")) {
            String named = System.getenv(INIT_METHOD_ENV);
            method = named != null && !named.isBlank() ? named : "tcp://" + env("MASTER_ADDR") + ":" + envInt("MASTER_PORT");
        }
        URI uri;
        try {
            uri = new URI(method);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("init method '" + method + "' is not a URI: expected file:///path, tcp://host:port or env://", e);
        }
        if ("file".equals(uri.getScheme())) {
            return new FileStore(Path.of(uri), worldSize, timeout);
        }
        if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
            return new TCPStore(uri.getHost(), uri.getPort(), worldSize, rank == 0, timeout);
        }
        throw new IllegalArgumentException("unsupported init method '" + method + "': expected file:///path, tcp://host:port or env://");
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; it is needed to join a distributed job "
                    + "(jtorch --nproc and torchrun set it)");
        }
        return v.trim();
    }

    private static int envInt(String name) {
        String v = env(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be an integer, got '" + v + "'", e);
        }
    }
}
