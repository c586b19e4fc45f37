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
    /** The largest epoch a checkpoint may hold: a counter of completed epochs, far below where an {@code int} overflows. */
    public static final long MAX_EPOCH = 1_000_000;

    private final Path path;
    private final Map<String, Object> contents;

    private Checkpoint(Path path, Map<String, Object> contents) {
        this.path = path;
        this.contents = contents;
    }

    /**
     * {@return a checkpoint of {@code model} and {@code optimizer}, to complete with the other
     * setters and {@link Writer#save}}
     *
     * @param model the model whose {@code state_dict} is saved under {@code "model"}
     * @param optimizer the optimizer whose state is saved under {@code "optimizer"}, or {@code
     *     null} to save none
     */
    public static Writer of(Module model, Optimizer optimizer) {
        return new Writer(model, optimizer);
    }

    /**
     * Reads a checkpoint written by {@link Writer#save} (or by Python in the same layout), and
     * checks its fields as data from outside: {@code model} a dict of tensors by name,
     * {@code epoch} an int from 0 to {@link #MAX_EPOCH}, {@code optimizer} and
     * {@code scheduler} dicts, {@code rng_state} and {@code loader_rng_state} uint8 tensors,
     * {@code extra} a dict with string keys; each may be absent but {@code model}.
     *
     * @param path the checkpoint file
     * @return the checkpoint, ready for {@link #restore}
     * @throws IOException when the file is missing or damaged (see {@link TorchSerialization#load})
     * @throws IllegalArgumentException when a field has the wrong type or range, with one line
     *     naming the file and the field
     */
    public static Checkpoint load(Path path) throws IOException {
        Object loaded = TorchSerialization.load(path);
        if (!(loaded instanceof Map) || !((Map<?, ?>) loaded).containsKey("model")) {
            throw new IllegalArgumentException(path + " is not a checkpoint: it has no 'model' entry");
        }
        Map<String, Object> contents = new LinkedHashMap<>();
        ((Map<?, ?>) loaded).forEach((k, v) -> contents.put(String.valueOf(k), v));
        Checkpoint c = new Checkpoint(path, contents);
        c.check();
        return c;
    }

    private void check() {
        Object model = contents.get("model");
        if (!(model instanceof Map)) {
            throw field("model", model, "a dict of tensors by name");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) model).entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Tensor)) {
                throw new IllegalArgumentException(path + ": checkpoint field 'model' holds " + describe(e.getKey()) + " -> "
                        + describe(e.getValue()) + "; expected tensors by name");
            }
        }
        Object epoch = contents.get("epoch");
        if (epoch != null && (!(epoch instanceof Long) || (Long) epoch < 0 || (Long) epoch > MAX_EPOCH)) {
            throw field("epoch", epoch, "an int from 0 to " + MAX_EPOCH);
        }
        for (String key : new String[] {"optimizer", "scheduler", "extra"}) {
            Object v = contents.get(key);
            if (v != null && !(v instanceof Map)) {
                throw field(key, v, "a dict");
            }
        }
        for (Object k : extraMap().keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException(path + ": checkpoint field 'extra' has a key " + describe(k) + "; expected names");
            }
        }
        for (String key : new String[] {"rng_state", "loader_rng_state"}) {
            Object v = contents.get(key);
            if (v != null && (!(v instanceof Tensor) || ((Tensor) v).dtype() != io.jtorch.DType.UINT8 || ((Tensor) v).dim() != 1)) {
                throw field(key, v, "a generator state (a 1-D uint8 tensor)");
            }
        }
    }

    private IllegalArgumentException field(String name, Object value, String expected) {
        return new IllegalArgumentException(path + ": checkpoint field '" + name + "' is " + describe(value) + "; expected " + expected);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "missing (None)";
        } else if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof java.math.BigInteger) {
            String text = String.valueOf(v);
            return (v instanceof Boolean ? "the bool " : v instanceof Double ? "the float " : "the int ")
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
        } else if (v instanceof String) {
            return "a str";
        } else if (v instanceof Tensor) {
            return "a tensor of " + ((Tensor) v).dtype() + " and shape " + io.jtorch.Shapes.format(((Tensor) v).shape());
        } else if (v instanceof Map) {
            return "a dict";
        } else if (v instanceof java.util.List) {
            return "a list";
        }
        return "a " + v.getClass().getSimpleName();
    }

    /**
     * {@return the number of epochs completed when the checkpoint was written (0 when it does
     * not say), from 0 to {@link #MAX_EPOCH}}
     */
    public int epoch() {
        Object e = contents.get("epoch");
        return e instanceof Long ? (int) (long) (Long) e : 0;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> extraMap() {
        Object e = contents.get("extra");
        return e instanceof Map ? (Map<Object, Object>) e : Map.of();
    }

    /** {@return the caller's own values saved with {@link Writer#extra}, by name} */
    @SuppressWarnings("unchecked")
    public Map<String, Object> extra() {
        return (Map<String, Object>) (Map<?, ?>) extraMap();
    }

    /**
     * {@return the extra value {@code name} (saved with {@link Writer#extra}) as an int from
     * {@code min} to {@code max}}
     *
     * @param name the name it was saved under
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @throws IllegalArgumentException naming the file and the field when it is missing, of another type or out of range
     */
    public long extraLong(String name, long min, long max) {
        Object v = extraMap().get(name);
        if (!(v instanceof Long) || (Long) v < min || (Long) v > max) {
            throw field("extra." + name, v, "an int from " + min + " to " + max);
        }
        return (Long) v;
    }

    /**
     * {@return the extra value {@code name} as a string}
     *
     * @param name the name it was saved under
     * @throws IllegalArgumentException naming the file and the field when it is missing or not a string
     */
    public String extraString(String name) {
        Object v = extraMap().get(name);
        if (!(v instanceof String)) {
            throw field("extra." + name, v, "a str");
        }
        return (String) v;
    }

    /**
     * {@return the extra value {@code name} as a state dict: tensors by name}
     *
     * @param name the name it was saved under
     * @throws IllegalArgumentException naming the file and the field when it is missing or holds anything else
     */
    @SuppressWarnings("unchecked")
    public Map<String, Tensor> extraTensors(String name) {
        Object v = extraMap().get(name);
        if (!(v instanceof Map)) {
            throw field("extra." + name, v, "a dict of tensors by name");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof Tensor)) {
                throw new IllegalArgumentException(path + ": checkpoint field 'extra." + name + "' holds " + describe(e.getKey()) + " -> "
                        + describe(e.getValue()) + "; expected tensors by name");
            }
        }
        return (Map<String, Tensor>) v;
    }

    /** {@return the saved model weights (the {@code "model"} entry), by parameter name} */
    @SuppressWarnings("unchecked")
    public Map<String, Tensor> modelState() {
        return (Map<String, Tensor>) contents.get("model");
    }

    /**
     * Puts everything back: the model's weights (strictly), the optimizer's state, the
     * scheduler's, the global generator's and the loader's shuffling generator's. Pass
     * {@code null} for what the run does not have. Returns {@link #epoch()}, the epoch to continue after.
     *
     * @param model the model to load the weights into, with {@code strict=True}
     * @param optimizer the optimizer to load the state into, or {@code null}
     * @param scheduler the learning-rate scheduler to load the state into, or {@code null}
     * @param loader the loader whose shuffling generator is restored when it is seeded, or
     *     {@code null}
     * @return the number of epochs completed, {@link #epoch()}
     * @throws IllegalArgumentException naming the file and the field when a field the run needs
     *     is missing or does not fit the model, optimizer or scheduler (a tampered or foreign file)
     */
    @SuppressWarnings("unchecked")
    public int restore(Module model, Optimizer optimizer, LRScheduler scheduler, DataLoader loader) {
        String field = "model";
        try {
            model.loadStateDict(modelState(), true);
            if (optimizer != null) {
                field = "optimizer";
                optimizer.loadStateDict((Map<String, ?>) require(field));
            }
            if (scheduler != null) {
                field = "scheduler";
                scheduler.loadStateDict((Map<String, ?>) require(field));
            }
            field = "rng_state";
            Generator.defaultGenerator().setState((Tensor) require(field));
            if (loader != null && loader.generator() != null) {
                field = "loader_rng_state";
                loader.generator().setState((Tensor) require(field));
            }
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | ArithmeticException e) {
            // the field passed the checks of load() but its inside does not have the layout the object saves
            throw new IllegalArgumentException(path + ": checkpoint field '" + field + "' does not have the layout "
                    + (field.equals("model") ? "the model" : "a " + field) + " saves (" + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replace('\n', ' ') + ")", e);
        } catch (IllegalArgumentException | IllegalStateException | io.jtorch.TorchException e) {
            String message = String.valueOf(e.getMessage()).replace('\n', ' ');
            throw new IllegalArgumentException(message.startsWith(path.toString()) ? message
                    : path + ": checkpoint field '" + field + "': " + message, e);
        }
        return epoch();
    }

    private Object require(String key) {
        Object v = contents.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path + ": the checkpoint has no '" + key + "' to restore");
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

        /**
         * Also saves the scheduler's state, under {@code "scheduler"}.
         *
         * @param scheduler the learning-rate scheduler, or {@code null} for none
         * @return this, for chaining
         */
        public Writer scheduler(LRScheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * Also saves the shuffling state of a seeded loader, so the resumed run draws the same
         * batches.
         *
         * @param loader the training loader; an unseeded one adds nothing
         * @return this, for chaining
         */
        public Writer loader(DataLoader loader) {
            this.loader = loader;
            return this;
        }

        /**
         * Sets the number of epochs completed, saved under {@code "epoch"} (default 0).
         *
         * @param epoch the epochs completed, 0 to {@link #MAX_EPOCH} for the file to load back
         * @return this, for chaining
         */
        public Writer epoch(int epoch) {
            this.epoch = epoch;
            return this;
        }

        /**
         * Adds a value of the caller's own, saved in the {@code "extra"} dict.
         *
         * @param name the key, read back with {@link Checkpoint#extra()} and its typed getters
         * @param value a number, string, tensor, or map or list of them
         * @return this, for chaining
         */
        public Writer extra(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        /**
         * Writes the checkpoint to {@code path} with {@code torch.save}'s format, replacing any
         * file there atomically. The global generator's state is saved under {@code "rng_state"}.
         *
         * @param path the file to write
         * @throws IOException when the file cannot be written
         */
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
