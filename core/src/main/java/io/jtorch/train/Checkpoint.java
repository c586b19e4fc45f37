package io.jtorch.train;

import io.jtorch.Generator;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.nn.Module;
import io.jtorch.optim.LRScheduler;
import io.jtorch.optim.Optimizer;
import io.jtorch.serialization.TorchSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to continue a training run exactly where it stopped: model weights,
 * optimizer state (momentum buffers, Adam moments, per-group learning rates), scheduler state,
 * the epoch, the random generators' states, and anything else the caller adds.
 *
 * <p>Written in PyTorch's usual checkpoint layout with {@code torch.save}'s format
 * ({@code {"model": state_dict, "optimizer": ..., "epoch": ...}}), atomically: a run killed while
 * writing leaves the previous checkpoint intact. A run resumed from the checkpoint of epoch k ends
 * with the same weights, bit for bit on the CPU, as a run that was never interrupted.
 * <pre>{@code
 * Checkpoint.of(model, optimizer).scheduler(scheduler).loader(trainLoader).epoch(epoch).save(path);
 * ...
 * int done = Checkpoint.load(path).restore(model, optimizer, scheduler, trainLoader);
 * }</pre>
 */
public final class Checkpoint {
    private final Map<String, Object> contents;

    private Checkpoint(Map<String, Object> contents) {
        this.contents = contents;
    }

    /** A checkpoint of {@code model} and {@code optimizer}, to complete with the other setters and {@link Writer#save}. */
    public static Writer of(Module model, Optimizer optimizer) {
        return new Writer(model, optimizer);
    }

    /**
     * Reads a checkpoint written by {@link Writer#save} (or by Python in the same layout).
     *
     * @throws IOException when the file is missing or damaged (see {@link TorchSerialization#load})
     */
    public static Checkpoint load(Path path) throws IOException {
        Object loaded = TorchSerialization.load(path);
        if (!(loaded instanceof Map) || !((Map<?, ?>) loaded).containsKey("model")) {
            throw new IllegalArgumentException(path + " is not a checkpoint: it has no 'model' entry");
        }
        Map<String, Object> contents = new LinkedHashMap<>();
        ((Map<?, ?>) loaded).forEach((k, v) -> contents.put(String.valueOf(k), v));
        return new Checkpoint(contents);
    }

    /** The number of epochs completed when the checkpoint was written. */
    public int epoch() {
        Object e = contents.get("epoch");
        return e instanceof Number ? ((Number) e).intValue() : 0;
    }

    /** The caller's own values saved with {@link Writer#extra}, by name. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> extra() {
        Object e = contents.get("extra");
        return e instanceof Map ? (Map<String, Object>) e : Map.of();
    }

    /** The saved model weights, by parameter name. */
    @SuppressWarnings("unchecked")
    public Map<String, Tensor> modelState() {
        return (Map<String, Tensor>) contents.get("model");
    }

    /**
     * Puts everything back: the model's weights (strictly), the optimizer's state, the
     * scheduler's, the global generator's and the loader's shuffling generator's. Pass
     * {@code null} for what the run does not have. Returns {@link #epoch()}, the epoch to continue after.
     */
    @SuppressWarnings("unchecked")
    public int restore(Module model, Optimizer optimizer, LRScheduler scheduler, DataLoader loader) {
        model.loadStateDict(modelState(), true);
        if (optimizer != null) {
            optimizer.loadStateDict((Map<String, ?>) require("optimizer"));
        }
        if (scheduler != null) {
            scheduler.loadStateDict((Map<String, ?>) require("scheduler"));
        }
        Generator.defaultGenerator().setState((Tensor) require("rng_state"));
        if (loader != null && loader.generator() != null) {
            loader.generator().setState((Tensor) require("loader_rng_state"));
        }
        return epoch();
    }

    private Object require(String key) {
        Object v = contents.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the checkpoint has no '" + key + "' to restore");
        }
        return v;
    }

    /** Collects what a checkpoint holds, then writes it. */
    public static final class Writer {
        private final Module model;
        private final Optimizer optimizer;
        private LRScheduler scheduler;
        private DataLoader loader;
        private int epoch;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Writer(Module model, Optimizer optimizer) {
            this.model = model;
            this.optimizer = optimizer;
        }

        /** Also saves the scheduler's state. */
        public Writer scheduler(LRScheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Also saves the shuffling state of a seeded loader, so the resumed run draws the same batches. */
        public Writer loader(DataLoader loader) {
            this.loader = loader;
            return this;
        }

        /** The number of epochs completed. */
        public Writer epoch(int epoch) {
            this.epoch = epoch;
            return this;
        }

        /** A value of the caller's own: a number, string, tensor, or map or list of them. */
        public Writer extra(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /** Writes the checkpoint to {@code path}, replacing any file there atomically. */
        public void save(Path path) throws IOException {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.stateDict());
            if (optimizer != null) {
                out.put("optimizer", optimizer.stateDict());
            }
            if (scheduler != null) {
                out.put("scheduler", scheduler.stateDict());
            }
            out.put("epoch", (long) epoch);
            out.put("rng_state", Generator.defaultGenerator().getState());
            if (loader != null && loader.generator() != null) {
                out.put("loader_rng_state", loader.generator().getState());
            }
            out.put("extra", extra);
            Torch.save(out, path);
        }
    }
}
