package io.jtorch.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes an optimizer's learning rates as epochs pass. Mirrors
 * {@code torch.optim.lr_scheduler.LRScheduler}: create it after the optimizer, call
 * {@link #step()} once per epoch (or per batch, for {@link OneCycleLR}) after the optimizer's
 * steps.
 *
 * <p>As in PyTorch, the constructor already applies the schedule's value for epoch 0 (PyTorch's
 * {@code _initial_step}): a {@link LinearLR} with start factor 1/3 trains its first epoch at a
 * third of the rate, without any call to {@code step()}. A subclass gives its schedule as a
 * {@link Rule} to the constructor, so the base class can apply it there:
 * <pre>{@code
 * class Warmup extends LRScheduler {
 *     Warmup(Optimizer optimizer, int epochs) {
 *         super(optimizer, (group, lr, baseLr, epoch) -> baseLr * Math.min(1, (epoch + 1) / (double) epochs));
 *     }
 * }
 * }</pre>
 * Rules compute the next rate from the current one where PyTorch does (its chainable form), so
 * the rates match PyTorch's to the last bit.
 */
public abstract class LRScheduler {
    /** A schedule for one parameter group; mirrors a scheduler's {@code get_lr()} for one group. */
    @FunctionalInterface
    public interface Rule {
        /**
         * {@return the rate of group {@code group} at epoch {@code epoch} (0 in the constructor), given its
         * current rate {@code lr} and its base rate ({@code initial_lr})}
         *
         * @param group the index of the parameter group
         * @param lr the group's current rate
         * @param baseLr the group's base rate ({@code initial_lr})
         * @param epoch the epoch, 0 in the constructor
         */
        double lr(int group, double lr, double baseLr, int epoch);

        /**
         * {@return the rate at {@code epoch} computed from the base rate alone, used when a scheduler is
         * restarted at a given epoch (by {@link SequentialLR}); mirrors
         * {@code _get_closed_form_lr()}} Defaults to {@link #lr}.
         *
         * @param group the index of the parameter group
         * @param lr the group's current rate
         * @param baseLr the group's base rate ({@code initial_lr})
         * @param epoch the epoch, 0 in the constructor
         */
        default double closedFormLr(int group, double lr, double baseLr, int epoch) {
            return lr(group, lr, baseLr, epoch);
        }
    }

    private final Optimizer optimizer;
    private final Rule rule;
    private final List<Double> baseLrs = new ArrayList<>();
    private int lastEpoch;
    private int stepCount;
    private List<Double> lastLr;

    /**
     * Records each group's current rate as its base rate ({@code initial_lr}, unless a group
     * already has one) and applies {@code rule} for epoch 0 to every group.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param rule the rate of each group at each epoch
     */
    protected LRScheduler(Optimizer optimizer, Rule rule) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.rule = Objects.requireNonNull(rule, "rule");
        for (ParamGroup g : optimizer.paramGroups()) {
            if (!g.has("initial_lr")) {
                g.set("initial_lr", g.lr());
            }
            baseLrs.add(g.get("initial_lr"));
        }
        lastEpoch = -1;
        advance(); // PyTorch's _initial_step; not the overridable step(), which may need subclass fields
    }

    /** For schedulers that drive others or step on a metric: no rule, base rates are the current rates. */
    LRScheduler(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.rule = null;
        for (ParamGroup g : optimizer.paramGroups()) {
            baseLrs.add(g.lr());
        }
        lastEpoch = 0;
        lastLr = currentLrs();
    }

    /** {@return the optimizer whose rates this scheduler sets} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * {@return the number of {@link #step()} calls so far (0 right after construction); mirrors
     * {@code last_epoch}}
     */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@return each group's rate when the scheduler was created; mirrors {@code base_lrs}} */
    public List<Double> baseLrs() {
        return List.copyOf(baseLrs);
    }

    /** Advances one epoch and sets each group's rate; mirrors {@code scheduler.step()}. */
    public void step() {
        advance();
    }

    private void advance() {
        lastEpoch++;
        try {
            apply(false);
        } catch (RuntimeException e) {
            lastEpoch--;
            throw e;
        }
        stepCount++;
    }

    /** Sets every group's rate from the rule at {@link #lastEpoch()}, all or none. */
    void apply(boolean closedForm) {
        List<ParamGroup> groups = optimizer.paramGroups();
        // Groups added after the scheduler was made keep their rate, as PyTorch's zip leaves them.
        double[] next = new double[Math.min(groups.size(), baseLrs.size())];
        for (int i = 0; i < next.length; i++) {
            double lr = groups.get(i).lr();
            next[i] = closedForm ? rule.closedFormLr(i, lr, baseLrs.get(i), lastEpoch) : rule.lr(i, lr, baseLrs.get(i), lastEpoch);
        }
        for (int i = 0; i < next.length; i++) {
            groups.get(i).scheduledLr(next[i]);
        }
        lastLr = currentLrs();
    }

    /** Restarts at {@code epoch} from the closed form; PyTorch's {@code step(epoch)}, as SequentialLR calls it. */
    void stepAt(int epoch) {
        lastEpoch = epoch;
        stepCount++;
        apply(true);
    }

    /** PyTorch's {@code _initial_step()} on an existing scheduler, as SequentialLR calls it. */
    void initialStep() {
        stepCount = 0;
        step();
    }

    /** Undoes the epoch count of the constructor's step, as SequentialLR does to its schedulers. */
    void undoStep() {
        lastEpoch--;
    }

    void setLastEpoch(int epoch) {
        lastEpoch = epoch;
    }

    void setLastLr(List<Double> lrs) {
        lastLr = List.copyOf(lrs);
    }

    /** The optimizer's current rates, one per group. */
    List<Double> currentLrs() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            out.add(g.lr());
        }
        return List.copyOf(out);
    }

    /** {@return the rate of each group that the last step set; mirrors {@code get_last_lr()}} */
    public List<Double> getLastLr() {
        return lastLr;
    }

    /**
     * {@return the scheduler's state; mirrors {@code scheduler.state_dict()}: {@code last_epoch},
     * {@code base_lrs}, {@code _step_count} and {@code _last_lr}, plus what a subclass's schedule
     * keeps, by PyTorch's names} Hyperparameters are not saved: they are the constructor's.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base_lrs", new ArrayList<Object>(baseLrs));
        out.put("last_epoch", (long) lastEpoch);
        out.put("_step_count", (long) stepCount);
        out.put("_last_lr", new ArrayList<Object>(lastLr));
        return out;
    }

    /**
     * Restores a state from {@link #stateDict()} (or from PyTorch's {@code state_dict()} of the
     * same scheduler); mirrors {@code scheduler.load_state_dict(state_dict)}. The rates themselves
     * are in the optimizer's state: restore both.
     *
     * @param state a map as {@link #stateDict()} returns it
     * @throws IllegalArgumentException when the state lacks {@code last_epoch} or has a different number of groups
     */
    public void loadStateDict(Map<String, ?> state) {
        Objects.requireNonNull(state, "state");
        Object epoch = state.get("last_epoch");
        List<Double> bases = state.containsKey("base_lrs") ? numbers(state, "base_lrs") : List.copyOf(baseLrs);
        if (!(epoch instanceof Number) || bases.size() != baseLrs.size()) {
            throw new IllegalArgumentException("not a state dict of this " + getClass().getSimpleName() + ": it needs last_epoch and "
                    + baseLrs.size() + " base_lrs (has " + state.keySet() + ")");
        }
        lastEpoch = ((Number) epoch).intValue();
        for (int i = 0; i < baseLrs.size(); i++) {
            baseLrs.set(i, bases.get(i));
        }
        if (state.get("_step_count") instanceof Number) {
            stepCount = ((Number) state.get("_step_count")).intValue();
        }
        lastLr = state.containsKey("_last_lr") ? numbers(state, "_last_lr") : currentLrs();
    }

    /** The list of numbers stored under {@code key}, or an IllegalArgumentException naming it. */
    static List<Double> numbers(Map<String, ?> state, String key) {
        Object v = state.get(key);
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("scheduler state '" + key + "' must be a list of numbers, got " + v);
        }
        List<Double> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof Number)) {
                throw new IllegalArgumentException("scheduler state '" + key + "' must be a list of numbers, got " + v);
            }
            out.add(((Number) o).doubleValue());
        }
        return List.copyOf(out);
    }

    /** The number stored under {@code key}, or an IllegalArgumentException naming it. */
    static double number(Map<String, ?> state, String key) {
        Object v = state.get(key);
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("scheduler state '" + key + "' must be a number, got " + v);
        }
        return ((Number) v).doubleValue();
    }
}
