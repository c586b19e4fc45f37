package io.jtorch.distributed;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;
import java.time.Duration;
import java.util.function.Supplier;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.AllreduceOptions;
import org.bytedeco.pytorch.BackendOptional;
import org.bytedeco.pytorch.BarrierOptions;
import org.bytedeco.pytorch.BroadcastOptions;
import org.bytedeco.pytorch.PrefixStore;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.Work;
import org.bytedeco.pytorch.global.torch.DeviceType;

/**
 * A set of processes (ranks {@code 0..size-1}) that run collectives together, on libtorch's own
 * c10d engine: Gloo for CPU tensors, NCCL for CUDA tensors. Mirrors
 * {@code torch.distributed.ProcessGroup}; {@link Distributed#initProcessGroup} creates the default one.
 *
 * <p>Every collective blocks until it is complete and must be called by all ranks in the same
 * order, as in PyTorch. When another rank has exited or does not join within the group's
 * timeout, the collective throws {@link io.jtorch.TorchException} instead of hanging.
 */
public final class ProcessGroup {
    private final Backend backend;
    private final int rank;
    private final int size;
    private final Duration timeout;
    private final String description;
    private org.bytedeco.pytorch.ProcessGroup raw;
    private ProcessGroupGloo gloo;
    private org.bytedeco.pytorch.Backend nccl;

    private ProcessGroup(Backend backend, int rank, int size, Duration timeout, String description) {
        this.backend = backend;
        this.rank = rank;
        this.size = size;
        this.timeout = timeout;
        this.description = description;
    }

    /**
     * Joins the group of {@code worldSize} processes that meet in {@code store}: blocks until all
     * of them have arrived, or throws after the longer of the store's timeout and {@code timeout}.
     * Collectives then wait up to {@code timeout}.
     */
    /**
     * System property: {@code false} leaves Gloo's {@code [Gloo] Rank N is connected ...} line on
     * standard output; by default it is filtered out while the group connects.
     */
    static final String QUIET_GLOO = "jtorch.quietGloo";

    static ProcessGroup create(Backend backend, Store store, int worldSize, int rank, Duration timeout) {
        if (worldSize < 1) {
            throw new IllegalArgumentException("world size must be at least 1, got " + worldSize);
        }
        if (rank < 0 || rank >= worldSize) {
            throw new IllegalArgumentException("rank must be in 0.." + (worldSize - 1) + " for a world size of " + worldSize + ", got " + rank);
        }
        ProcessGroup g = new ProcessGroup(backend, rank, worldSize, timeout, backend + " group via " + store);
        try {
            Milliseconds ms = new Milliseconds(timeout.toMillis());
            Duration join = store.timeout().compareTo(timeout) > 0 ? store.timeout() : timeout;
            ProcessGroupGloo.Options options = new ProcessGroupGloo.Options(new Milliseconds(join.toMillis()));
            GlooDevices.add(options.devices(), store);
            // Each backend meets under a key prefix of its own, as torch.distributed does.
            var glooStore = Store.adopt(new PrefixStore("gloo/", store.raw()));
            // Gloo prints "[Gloo] Rank N is connected to ..." on std::cout when the ranks connect (DISTRIBUTED.md).
            g.gloo = "false".equals(System.getProperty(QUIET_GLOO)) ? new ProcessGroupGloo(glooStore, rank, worldSize, options)
                    : io.jtorch.internal.NativeStdout.withoutLines("[Gloo] Rank ", () -> new ProcessGroupGloo(glooStore, rank, worldSize, options));
            g.gloo.retainReference();
            g.gloo.setTimeout(ms);
            g.raw = new org.bytedeco.pytorch.ProcessGroup(store.raw(), rank, worldSize);
            g.raw.retainReference();
            g.raw.setBackend(DeviceType.CPU, org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO, new BackendOptional(g.gloo));
            if (backend == Backend.NCCL) {
                g.nccl = Nccl.create(Store.adopt(new PrefixStore("nccl/", store.raw())), rank, worldSize, ms);
                g.raw.setBackend(DeviceType.CUDA, org.bytedeco.pytorch.ProcessGroup.BackendType.NCCL, new BackendOptional(g.nccl));
                g.raw.setDefaultBackend(org.bytedeco.pytorch.ProcessGroup.BackendType.NCCL);
            } else {
                g.raw.setDefaultBackend(org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO);
            }
        } catch (RuntimeException e) {
            g.release();
            RuntimeException t = Errors.translate(e);
            throw new io.jtorch.TorchException("rank " + rank + " of " + worldSize + " could not join the " + g.description + ": "
                    + t.getMessage(), e);
        }
        return g;
    }

    /**
     * {@return this process's rank in the group; mirrors {@code group.rank()} and {@code
     * dist.get_rank()}}
     */
    public int rank() {
        return rank;
    }

    /**
     * {@return the number of processes; mirrors {@code group.size()} and {@code
     * dist.get_world_size()}}
     */
    public int size() {
        return size;
    }

    /** {@return the backend for tensors on the device the job trains on} */
    public Backend backend() {
        return backend;
    }

    /** {@return how long a collective waits for the other ranks before failing} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return whether {@link #destroy()} has been called} */
    public boolean isDestroyed() {
        return raw == null;
    }

    /**
     * Replaces {@code tensor} by the element-wise sum over all ranks, in place; mirrors {@code
     * dist.all_reduce(tensor)}.
     *
     * @param tensor the tensor, of the same shape and dtype on every rank; overwritten with the
     *     result
     */
    public void allReduce(Tensor tensor) {
        allReduce(tensor, ReduceOp.SUM);
    }

    /**
     * Replaces {@code tensor} by {@code op} over all ranks, in place; mirrors {@code
     * dist.all_reduce(tensor, op)}.
     *
     * @param tensor the tensor, of the same shape and dtype on every rank; overwritten with the
     *     result
     * @param op the reduction: sum, product, minimum, maximum, ...
     */
    public void allReduce(Tensor tensor, ReduceOp op) {
        run("all_reduce", () -> raw().allreduce(new TensorVector(tensor.raw()), new AllreduceOptions().reduceOp(op.toNative())));
    }

    /**
     * Copies {@code tensor} from rank {@code src} to every rank, in place; mirrors {@code
     * dist.broadcast(tensor, src)}.
     *
     * @param tensor the tensor, of the same shape and dtype on every rank; overwritten with the
     *     result
     * @param src the rank whose tensor is sent to all others
     */
    public void broadcast(Tensor tensor, int src) {
        checkRank(src, "broadcast source");
        run("broadcast", () -> raw().broadcast(new TensorVector(tensor.raw()), new BroadcastOptions().rootRank(src)));
    }

    /** Waits until every rank has reached this call; mirrors {@code dist.barrier()}. */
    public void barrier() {
        run("barrier", () -> raw().barrier(new BarrierOptions()));
    }

    /**
     * Leaves the group and closes its connections; the other ranks' next collective then fails.
     * Mirrors {@code dist.destroy_process_group(group)}. Destroying twice does nothing.
     */
    public void destroy() {
        release();
    }

    /** {@return the presets' process group, for the rest of c10d} */
    public org.bytedeco.pytorch.ProcessGroup raw() {
        if (raw == null) {
            throw new IllegalStateException("the process group was destroyed (destroyProcessGroup)");
        }
        return raw;
    }

    private void release() {
        if (raw != null) {
            raw.deallocate();
            raw = null;
        }
        if (nccl != null) {
            nccl.deallocate();
            nccl = null;
        }
        if (gloo != null) {
            gloo.deallocate();
            gloo = null;
        }
    }

    private void checkRank(int r, String what) {
        if (r < 0 || r >= size) {
            throw new IllegalArgumentException(what + " must be a rank in 0.." + (size - 1) + ", got " + r);
        }
    }

    /** Starts a collective and waits for it; collectives write into tensors in place, which autograd allows only without grad. */
    private void run(String op, Supplier<Work> start) {
        try (NoGrad g = Torch.noGrad()) {
            start.get()._wait();
        } catch (RuntimeException e) {
            throw failure(op, e);
        }
    }

    /** A one-line error naming the collective and this rank, with the native report as the cause. */
    RuntimeException failure(String op, RuntimeException e) {
        if (!Errors.isNative(e)) {
            return e;
        }
        RuntimeException t = Errors.translate(e);
        String message = op + " failed on rank " + rank + " of " + size + ": " + t.getMessage();
        return t instanceof IllegalArgumentException ? new IllegalArgumentException(message, e) : new io.jtorch.TorchException(message, e);
    }

    @Override
    public String toString() {
        return "ProcessGroup(" + backend + ", rank " + rank + " of " + size + ")";
    }
}
