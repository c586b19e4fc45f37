package io.jtorch.distributed;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.LoggerOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Trains one replica of a module in each process of a job and keeps the replicas equal by
 * averaging gradients. Mirrors {@code torch.nn.parallel.DistributedDataParallel}, and runs on the
 * same engine: libtorch's C++ {@code Reducer}.
 *
 * <p>At construction the parameters and buffers of rank 0 are copied to every rank. The
 * parameters that require grad at that moment are reduced in flat buckets: all in one for the
 * first iteration, then, as PyTorch does, regrouped once in the order their gradients arrived
 * into buckets of {@link Options#bucketCapMb} (the first of 1 MiB). During
 * {@code loss.backward()}, hooks on the parameters copy each gradient into its bucket as soon as
 * autograd produces it, and a full bucket is summed over the ranks (one all_reduce per bucket,
 * not per parameter) while backward goes on with earlier layers. Before {@code backward()}
 * returns, every parameter's {@code grad} holds the mean of the ranks' gradients, so each rank's
 * optimizer takes the same step. With a mean-reduced loss and equal shares per rank, that is the
 * step one process would take on the whole batch.
 * <pre>{@code
 * DistributedDataParallel ddp = new DistributedDataParallel(model);   // model already on its device
 * SGD optimizer = new SGD(model.parameters(), 0.01);
 * for (Batch batch : loader) {                                        // loader with a DistributedSampler
 *     optimizer.zeroGrad();
 *     Tensor loss = criterion.forward(ddp.forward(batch.inputs()), batch.labels());
 *     loss.backward();                                                // gradients averaged here
 *     optimizer.step();
 * }
 * ddp.close();
 * }</pre>
 *
 * <p>Rules, as in PyTorch: every rank runs the same number of forward/backward steps; every
 * parameter that required grad at construction gets a gradient in every step (or set
 * {@link Options#findUnusedParameters}); the set of trainable parameters does not change (wrap
 * the module anew after freezing or unfreezing layers). Buffers (batch-norm statistics) are copied
 * from rank 0 before each forward that records gradients. Forwards without gradients
 * ({@link Torch#noGrad()}, evaluation) run no collective, so one rank may evaluate alone.
 *
 * <p>{@link #close()} removes the hooks and frees the buckets; a replica that is not closed keeps
 * them until the JVM exits.
 */
public final class DistributedDataParallel extends Module implements AutoCloseable {
    /** PyTorch's broadcast_bucket_size for the start-up copy of parameters and buffers: 250 MB. */
    private static final long BROADCAST_BUCKET_BYTES = 250L << 20;

    private final Module module;
    private final ProcessGroup group;
    private final Options options;
    private final List<Parameter> reduced;
    private final List<Tensor> buffers;
    private final GradientReducer reducer;
    private boolean requireBackwardGradSync = true;
    private boolean closed;

    /** Keyword arguments of {@code DistributedDataParallel(...)}, with PyTorch's defaults. */
    public static final class Options {
        static final double DEFAULT_BUCKET_CAP_MB = 25;

        private ProcessGroup processGroup;
        private double bucketCapMb = DEFAULT_BUCKET_CAP_MB;
        private boolean findUnusedParameters;
        private boolean broadcastBuffers = true;

        /**
         * The group to average over (default: the default group); mirrors {@code process_group=}.
         * Returns this.
         *
         * @param group the process group to synchronise in (default: the default group)
         * @return these options, for chaining
         */
        public Options processGroup(ProcessGroup group) {
            this.processGroup = group;
            return this;
        }

        /**
         * The size of a gradient bucket in MiB (default 25); mirrors {@code bucket_cap_mb=}.
         * Returns this.
         *
         * @param mb the size of a gradient bucket in MiB (PyTorch's default 25)
         * @return these options, for chaining
         */
        public Options bucketCapMb(double mb) {
            if (!(mb > 0)) {
                throw new IllegalArgumentException("bucket_cap_mb must be positive, got " + mb);
            }
            this.bucketCapMb = mb;
            return this;
        }

        /**
         * Whether some parameters may get no gradient in a step (default false); the reducer then
         * walks the autograd graph after each forward to find them. Mirrors {@code find_unused_parameters=}.
         * Returns this.
         *
         * @param find whether parameters that get no gradient in a step are allowed (PyTorch's
         *     {@code find_unused_parameters})
         * @return these options, for chaining
         */
        public Options findUnusedParameters(boolean find) {
            this.findUnusedParameters = find;
            return this;
        }

        /**
         * Whether buffers are copied from rank 0 before each training forward (default true);
         * mirrors {@code broadcast_buffers=}. Returns this.
         *
         * @param broadcast whether rank 0's buffers (batch norm statistics) are copied to all ranks
         *     before each forward (PyTorch's default: true)
         * @return these options, for chaining
         */
        public Options broadcastBuffers(boolean broadcast) {
            this.broadcastBuffers = broadcast;
            return this;
        }

        /** {@return the bucket size in MiB} */
        public double bucketCapMb() {
            return bucketCapMb;
        }

        /** {@return whether unused parameters are looked for} */
        public boolean findUnusedParameters() {
            return findUnusedParameters;
        }

        /** {@return whether buffers are broadcast before each training forward} */
        public boolean broadcastBuffers() {
            return broadcastBuffers;
        }
    }

    /**
     * Wraps {@code module}, averaging over the default process group.
     *
     * @param module the model to replicate; its parameters are broadcast from rank 0
     */
    public DistributedDataParallel(Module module) {
        this(module, new Options());
    }

    /**
     * Wraps {@code module} with {@code options}. Blocks until every rank has constructed its
     * replica: parameters are checked for equal shapes across ranks, then copied from rank 0.
     *
     * @param module the model to replicate; its parameters are broadcast from rank 0
     * @param options the bucket size, buffer broadcasting, unused-parameter and process group
     *     choices
     * @throws IllegalArgumentException when no parameter requires grad
     * @throws io.jtorch.TorchException when the ranks' parameters differ in shape, or another rank fails
     */
    public DistributedDataParallel(Module module, Options options) {
        this.module = module;
        this.options = options;
        this.group = options.processGroup != null ? options.processGroup : Distributed.defaultGroup();
        registerModule("module", module);
        Map<String, Parameter> named = module.namedParameters();
        this.reduced = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Parameter> p : named.entrySet()) {
            if (p.getValue().requiresGrad()) {
                reduced.add(p.getValue());
                names.add(p.getKey());
            }
        }
        if (reduced.isEmpty()) {
            throw new IllegalArgumentException("DistributedDataParallel is not needed when a module doesn't have any parameter that "
                    + "requires a gradient (" + module.getClass().getSimpleName() + ")");
        }
        try {
            torch.verify_params_across_processes(group.raw(), GradientReducer.vector(reduced), new LoggerOptional());
        } catch (RuntimeException e) {
            throw group.failure("DistributedDataParallel: comparing parameter shapes across ranks", e);
        }
        this.buffers = new ArrayList<>();
        for (Tensor b : module.namedBuffers().values()) {
            buffers.add(b.retain());
        }
        List<Tensor> states = new ArrayList<>(named.values());
        states.addAll(buffers);
        broadcastCoalesced(states, "copying parameters and buffers from rank 0");
        this.reducer = new GradientReducer(group, reduced, names, options.bucketCapMb, options.findUnusedParameters);
    }

    private void broadcastCoalesced(List<? extends Tensor> tensors, String what) {
        if (tensors.isEmpty() || group.size() == 1) {
            return;
        }
        try (NoGrad g = Torch.noGrad()) {
            torch.broadcast_coalesced(group.raw(), GradientReducer.vector(tensors), BROADCAST_BUCKET_BYTES, 0);
        } catch (RuntimeException e) {
            throw group.failure("DistributedDataParallel: " + what, e);
        }
    }

    /** {@return the wrapped module; mirrors {@code ddp.module}} */
    public Module module() {
        return module;
    }

    /** {@return the group gradients are averaged over} */
    public ProcessGroup processGroup() {
        return group;
    }

    /**
     * {@return the parameters whose gradients are averaged: those that required grad at
     * construction, in order}
     */
    public List<Parameter> reducedParameters() {
        return Collections.unmodifiableList(reduced);
    }

    /**
     * Runs the wrapped module; when gradients are recorded, the next {@code backward()} averages
     * them over the ranks. Mirrors {@code ddp(input)}.
     */
    @Override
    public Tensor forward(Tensor input) {
        return run(module, input);
    }

    /**
     * {@return a module that runs {@code part}, a piece of the wrapped module that holds every parameter
     * this replica averages, with the same synchronisation as {@link #forward}} Used when the
     * layers before {@code part} are frozen and their outputs were computed once (the trainer's
     * feature cache): {@code ddp.around(model.slice(k)).forward(features)} trains like
     * {@code ddp.forward(images)}.
     *
     * @param part the part of the wrapped model to run
     * @throws IllegalArgumentException naming a reduced parameter that {@code part} does not hold
     */
    public Module around(Module part) {
        Set<Parameter> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(part.parameters());
        Map<String, Parameter> named = module.namedParameters();
        for (Map.Entry<String, Parameter> p : named.entrySet()) {
            if (reduced.contains(p.getValue()) && !held.contains(p.getValue())) {
                throw new IllegalArgumentException("DistributedDataParallel.around: the part does not hold the trainable parameter '"
                        + p.getKey() + "'; every parameter that is averaged must get a gradient in each step");
            }
        }
        return new Part(part);
    }

    /** A piece of the wrapped module run with this replica's synchronisation. */
    private final class Part extends Module {
        private final Module part;

        Part(Module part) {
            this.part = registerModule("part", part);
        }

        @Override
        public Tensor forward(Tensor input) {
            return run(part, input);
        }
    }

    /**
     * Turns gradient averaging off until the returned guard is closed: gradients of the steps
     * inside accumulate locally, and the first backward after it averages the sum. Mirrors
     * {@code with ddp.no_sync():}.
     *
     * @return a handle to close (in try-with-resources) to synchronise again
     */
    public NoSync noSync() {
        return new NoSync();
    }

    /** The guard of {@link #noSync()}. */
    public final class NoSync implements AutoCloseable {
        private final boolean previous = requireBackwardGradSync;

        private NoSync() {
            requireBackwardGradSync = false;
        }

        @Override
        public void close() {
            requireBackwardGradSync = previous;
        }
    }

    private Tensor run(Module net, Tensor input) {
        if (!Torch.isGradEnabled()) {
            return net.forward(input);
        }
        if (closed) {
            throw new IllegalStateException("this DistributedDataParallel was closed; wrap the module anew to train it");
        }
        boolean sync = requireBackwardGradSync;
        reducer.beforeForward(sync);
        if (sync && options.broadcastBuffers) {
            broadcastCoalesced(buffers, "copying buffers from rank 0");
        }
        Tensor out = net.forward(input);
        if (sync) {
            reducer.afterForward(out);
        }
        return out;
    }

    /** Removes the gradient hooks and frees the buckets. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            reducer.close();
        }
    }

    @Override
    public String toString() {
        return "DistributedDataParallel(\n  (module): " + module.toString().replace("\n", "\n  ") + "\n)";
    }
}
