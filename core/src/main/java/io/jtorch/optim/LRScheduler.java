package io.jtorch.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes an optimizer's learning rates as epochs pass. Mirrors
 * {@code torch.optim.lr_scheduler.LRScheduler}: create it after the optimizer, call
 * {@link #step()} once per epoch after the epoch's optimizer steps.
 *
 * <p>Subclasses compute the next rates from the current ones, the way PyTorch's schedulers do,
 * so the sequence of rates matches PyTorch's to the last bit.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private final List<Double> baseLrs = new ArrayList<>();
    private int lastEpoch;

    /** Records each group's current rate as its base rate ({@code initial_lr}). */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        for (ParamGroup g : optimizer.paramGroups()) {
            if (!g.has("initial_lr")) {
                g.set("initial_lr", g.lr());
            }
            baseLrs.add(g.get("initial_lr"));
        }
        lastEpoch = 0;
    }

    /** The optimizer whose rates this scheduler sets. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The number of {@link #step()} calls so far; mirrors {@code last_epoch}. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** Each group's rate when the scheduler was created; mirrors {@code base_lrs}. */
    public List<Double> baseLrs() {
        return List.copyOf(baseLrs);
    }

    /** Advances one epoch and sets each group's rate; mirrors {@code scheduler.step()}. */
    public void step() {
        lastEpoch++;
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).lr(nextLr(groups.get(i).lr(), baseLrs.get(i), lastEpoch));
        }
    }

    /** The rate of each group after the last step; mirrors {@code get_last_lr()}. */
    public List<Double> getLastLr() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            out.add(g.lr());
        }
        return out;
    }

    /** The scheduler's state; mirrors {@code scheduler.state_dict()} ({@code last_epoch}, {@code base_lrs}). */
    public java.util.Map<String, Object> stateDict() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("last_epoch", (long) lastEpoch);
        out.put("base_lrs", new ArrayList<Object>(baseLrs));
        return out;
    }

    /** Restores a state from {@link #stateDict()}; the optimizer's own state holds the current rates. */
    public void loadStateDict(java.util.Map<String, ?> state) {
        Object epoch = state.get("last_epoch");
        Object bases = state.get("base_lrs");
        if (!(epoch instanceof Number) || !(bases instanceof List) || ((List<?>) bases).size() != baseLrs.size()) {
            throw new IllegalArgumentException("not a state dict of this scheduler: it needs last_epoch and " + baseLrs.size()
                    + " base_lrs");
        }
        lastEpoch = ((Number) epoch).intValue();
        for (int i = 0; i < baseLrs.size(); i++) {
            baseLrs.set(i, ((Number) ((List<?>) bases).get(i)).doubleValue());
        }
    }

    /**
     * The rate for epoch {@code epoch} given the current rate {@code lr} and the group's base rate;
     * mirrors {@code get_lr()} for one group.
     */
    protected abstract double nextLr(double lr, double baseLr, int epoch);
}
