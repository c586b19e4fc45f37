package io.jtorch.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Steps several schedulers of one optimizer together, each multiplying in its own change.
 * Mirrors {@code torch.optim.lr_scheduler.ChainedScheduler}.
 * <pre>{@code
 * var scheduler = new ChainedScheduler(List.of(new LinearLR(optimizer, 0.5, 1.0, 4), new ExponentialLR(optimizer, 0.9)));
 * }</pre>
 */
public class ChainedScheduler extends LRScheduler {
    private final List<LRScheduler> schedulers;

    /**
     * Steps {@code schedulers} in order at each {@link #step()}; they must share one optimizer.
     *
     * @param schedulers the schedulers to step together, all over the same optimizer
     */
    public ChainedScheduler(List<? extends LRScheduler> schedulers) {
        super(checked(schedulers));
        this.schedulers = List.copyOf(schedulers);
    }

    private static Optimizer checked(List<? extends LRScheduler> schedulers) {
        Objects.requireNonNull(schedulers, "schedulers");
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("ChainedScheduler expects at least one scheduler, got []");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = Objects.requireNonNull(schedulers.get(i), "schedulers[" + i + "]");
            if (s instanceof ReduceLROnPlateau) {
                throw new IllegalArgumentException("ChainedScheduler cannot step a ReduceLROnPlateau (at index " + i
                        + "): it steps on a metric");
            }
            if (s.optimizer() != schedulers.get(0).optimizer()) {
                throw new IllegalArgumentException("ChainedScheduler expects all schedulers to belong to the same optimizer, but got "
                        + "schedulers at index 0 and " + i + " to be different");
            }
        }
        return schedulers.get(0).optimizer();
    }

    /** Steps every scheduler once, in order; mirrors {@code step()}. */
    @Override
    public void step() {
        for (LRScheduler s : schedulers) {
            s.step();
        }
        setLastEpoch(lastEpoch() + 1);
        setLastLr(currentLrs());
    }

    /** {@return the schedulers it steps, in order} */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    /** {@code _last_lr} and each scheduler's state under {@code _schedulers}. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
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
        SequentialLR.loadChildren(this, schedulers, state);
        if (state.get("last_epoch") instanceof Number) {
            setLastEpoch(((Number) state.get("last_epoch")).intValue());
        }
    }
}
