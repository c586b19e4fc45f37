package io.jtorch.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs schedulers one after another, switching at the milestones: the usual warm-up followed by
 * a decay. Mirrors {@code torch.optim.lr_scheduler.SequentialLR}: each scheduler after the first
 * starts from its epoch 0 (computed from the base rate) at its milestone.
 * <pre>{@code
 * var warmup = new LinearLR(optimizer, 0.1, 1.0, 5);
 * var decay = new CosineAnnealingLR(optimizer, 95);
 * var scheduler = new SequentialLR(optimizer, List.of(warmup, decay), List.of(5));
 * }</pre>
 */
public class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final List<Integer> milestones;

    /**
     * Runs {@code schedulers.get(i)} from {@code milestones.get(i - 1)} on; one milestone fewer
     * than schedulers.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param schedulers the schedulers, all over {@code optimizer}, in the order they run
     * @param milestones the epochs at which the next scheduler takes over, increasing, one fewer
     *     than the schedulers
     */
    public SequentialLR(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones) {
        super(checked(optimizer, schedulers, milestones));
        this.schedulers = List.copyOf(schedulers);
        this.milestones = MultiStepLR.increasing("SequentialLR", milestones, true);
        for (ParamGroup g : optimizer.paramGroups()) {
            g.lr(g.get("initial_lr")); // undo what the schedulers' constructors did
        }
        for (LRScheduler s : this.schedulers) {
            s.undoStep();
        }
        this.schedulers.get(0).initialStep();
        setLastLr(this.schedulers.get(0).getLastLr());
    }

    private static Optimizer checked(Optimizer optimizer, List<? extends LRScheduler> schedulers, List<Integer> milestones) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedulers, "schedulers");
        Objects.requireNonNull(milestones, "milestones");
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("SequentialLR expects at least one scheduler, got []");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = Objects.requireNonNull(schedulers.get(i), "schedulers[" + i + "]");
            if (s.optimizer() != optimizer) {
                throw new IllegalArgumentException("Sequential Schedulers expects all schedulers to belong to the same optimizer, but got "
                        + "schedulers at index " + i + " to be different than the optimizer passed in.");
            }
            if (s instanceof ReduceLROnPlateau || s instanceof SequentialLR || s instanceof ChainedScheduler) {
                throw new IllegalArgumentException("SequentialLR cannot run a " + s.getClass().getSimpleName() + " (at index " + i
                        + "): it needs schedulers that can restart at epoch 0");
            }
        }
        if (milestones.size() != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one more than the "
                    + "number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.size());
        }
        return optimizer;
    }

    /** Advances one epoch with the scheduler whose turn it is; mirrors {@code step()}. */
    @Override
    public void step() {
        int epoch = lastEpoch() + 1;
        int idx = 0;
        while (idx < milestones.size() && milestones.get(idx) <= epoch) {
            idx++; // bisect_right
        }
        LRScheduler s = schedulers.get(idx);
        if (idx > 0 && milestones.get(idx - 1) == epoch) {
            s.stepAt(0);
        } else {
            s.step();
        }
        setLastEpoch(epoch);
        setLastLr(s.getLastLr());
    }

    /** {@return the schedulers it runs, in order} */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    /** {@code last_epoch}, {@code _milestones}, {@code _last_lr} and each scheduler's state under {@code _schedulers}. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_milestones", new ArrayList<Object>(milestones));
        out.put("last_epoch", (long) lastEpoch());
        out.put("_last_lr", new ArrayList<Object>(getLastLr()));
        List<Object> children = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            children.add(s.stateDict());
        }
        out.put("_schedulers", children);
        return out;
    }

    @Override
    public void loadStateDict(Map<String, ?> state) {
        loadChildren(this, schedulers, state);
        setLastEpoch((int) number(state, "last_epoch"));
    }

    /** Loads {@code _schedulers} into {@code schedulers} and {@code _last_lr}; shared with {@link ChainedScheduler}. */
    @SuppressWarnings("unchecked")
    static void loadChildren(LRScheduler owner, List<LRScheduler> schedulers, Map<String, ?> state) {
        Objects.requireNonNull(state, "state");
        Object children = state.get("_schedulers");
        if (!(children instanceof List) || ((List<?>) children).size() != schedulers.size()) {
            throw new IllegalArgumentException("not a state dict of this " + owner.getClass().getSimpleName() + ": it needs _schedulers with "
                    + schedulers.size() + " states (has " + state.keySet() + ")");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            Object child = ((List<?>) children).get(i);
            if (!(child instanceof Map)) {
                throw new IllegalArgumentException("_schedulers[" + i + "] must be a scheduler state dict, got " + child);
            }
            schedulers.get(i).loadStateDict((Map<String, ?>) child);
        }
        owner.setLastLr(state.containsKey("_last_lr") ? numbers(state, "_last_lr") : owner.currentLrs());
    }
}
