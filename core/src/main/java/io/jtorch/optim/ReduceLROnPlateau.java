package io.jtorch.optim;

import io.jtorch.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Multiplies the learning rate by {@code factor} when a metric has stopped improving for
 * {@code patience} epochs. Mirrors {@code torch.optim.lr_scheduler.ReduceLROnPlateau} with its
 * defaults (mode min, factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, min_lr 0,
 * eps 1e-8). It steps on the metric, not on its own:
 * <pre>{@code
 * var scheduler = new ReduceLROnPlateau(optimizer).factor(0.5).patience(2);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     train(...);
 *     scheduler.step(validationLoss);
 * }
 * }</pre>
 */
public class ReduceLROnPlateau extends LRScheduler {
    private boolean maximize;
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private boolean absolute;
    private int cooldown;
    private List<Double> minLrs;
    private double eps = 1e-8;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;

    /**
     * Watches a metric to minimise, with PyTorch's defaults; change them with the setters before
     * the first step.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     */
    public ReduceLROnPlateau(Optimizer optimizer) {
        super(optimizer);
        minLrs = List.copyOf(Collections.nCopies(optimizer.paramGroups().size(), 0.0));
        reset();
    }

    /**
     * {@code "min"} (default: the metric should fall, like a loss) or {@code "max"} (like an
     * accuracy); resets the best value.
     *
     * @param mode {@code "min"} or {@code "max"}
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau mode(String mode) {
        if (!"min".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("mode " + mode + " is unknown!");
        }
        maximize = mode.equals("max");
        reset();
        return this;
    }

    /**
     * The factor by which the rate is multiplied (default 0.1); must be below 1.
     *
     * @param factor the factor by which the rate is multiplied, below 1 (default 0.1)
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor < 1.0)) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        this.factor = factor;
        return this;
    }

    /**
     * The number of epochs without improvement after which the rate drops (default 10).
     *
     * @param patience the number of epochs without improvement tolerated (default 10)
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /**
     * How much better than the best a value must be to count as an improvement (default 1e-4).
     *
     * @param threshold the smallest improvement that counts (default 1e-4)
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau threshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got NaN");
        }
        this.threshold = threshold;
        return this;
    }

    /**
     * {@code "rel"} (default: relative to the best) or {@code "abs"}.
     *
     * @param thresholdMode {@code "rel"} or {@code "abs"}
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau thresholdMode(String thresholdMode) {
        if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
            throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
        }
        absolute = thresholdMode.equals("abs");
        return this;
    }

    /**
     * The number of epochs to wait after a reduction before counting bad epochs again (default 0).
     *
     * @param cooldown the epochs to wait after a reduction (default 0)
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau cooldown(int cooldown) {
        if (cooldown < 0) {
            throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
        }
        this.cooldown = cooldown;
        return this;
    }

    /**
     * The lowest rate of every group (default 0).
     *
     * @param minLr the lowest rate of every group (default 0)
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau minLr(double minLr) {
        return minLr(Collections.nCopies(optimizer().paramGroups().size(), minLr));
    }

    /**
     * The lowest rate of each group, in group order.
     *
     * @param minLrs the lowest rate of each group, in group order
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau minLr(List<Double> minLrs) {
        Objects.requireNonNull(minLrs, "minLrs");
        if (minLrs.size() != optimizer().paramGroups().size()) {
            throw new IllegalArgumentException("expected " + optimizer().paramGroups().size() + " min_lrs, got " + minLrs.size());
        }
        for (Double m : minLrs) {
            if (m == null || !(m >= 0)) {
                throw new IllegalArgumentException("min_lr must be >= 0, got " + minLrs);
            }
        }
        this.minLrs = List.copyOf(minLrs);
        return this;
    }

    /**
     * Reductions smaller than this are skipped (default 1e-8).
     *
     * @param eps the smallest change of rate applied (default 1e-8)
     * @return this {@code ReduceLROnPlateau}, for chaining
     */
    public ReduceLROnPlateau eps(double eps) {
        if (Double.isNaN(eps)) {
            throw new IllegalArgumentException("eps must be a number, got NaN");
        }
        this.eps = eps;
        return this;
    }

    /** Not available: this scheduler needs the metric, as in PyTorch. */
    @Override
    public void step() {
        throw new UnsupportedOperationException("ReduceLROnPlateau steps on a metric: call step(metric), e.g. scheduler.step(valLoss)");
    }

    /**
     * Records the epoch's metric and lowers the rates if it has not improved for longer than the
     * patience; mirrors {@code step(metrics)}.
     *
     * @param metric the epoch's value of the monitored quantity, such as the validation loss
     */
    public void step(double metric) {
        setLastEpoch(lastEpoch() + 1);
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0; // bad epochs in cooldown do not count
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        setLastLr(currentLrs());
    }

    /**
     * {@link #step(double)} with a one-element tensor such as a validation loss.
     *
     * @param metric the epoch's value of the monitored quantity, such as the validation loss
     */
    public void step(Tensor metric) {
        step(metric.item());
    }

    /** {@return the best metric so far (infinite before the first step); mirrors {@code best}} */
    public double best() {
        return best;
    }

    /** {@return the epochs in a row without improvement; mirrors {@code num_bad_epochs}} */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer().paramGroups();
        for (int i = 0; i < Math.min(groups.size(), minLrs.size()); i++) {
            double old = groups.get(i).lr();
            double next = Math.max(old * factor, minLrs.get(i));
            if (old - next > eps) {
                groups.get(i).lr(next);
            }
        }
    }

    private boolean isBetter(double a) {
        if (!maximize) {
            return absolute ? a < best - threshold : a < best * (1. - threshold);
        }
        return absolute ? a > best + threshold : a > best * (threshold + 1.);
    }

    private double modeWorse() {
        return maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private void reset() {
        best = modeWorse();
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    /** The options and the plateau's progress, by PyTorch's names. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("factor", factor);
        out.put("min_lrs", new ArrayList<Object>(minLrs));
        out.put("patience", (long) patience);
        out.put("cooldown", (long) cooldown);
        out.put("cooldown_counter", (long) cooldownCounter);
        out.put("mode", maximize ? "max" : "min");
        out.put("threshold", threshold);
        out.put("threshold_mode", absolute ? "abs" : "rel");
        out.put("best", best);
        out.put("num_bad_epochs", (long) numBadEpochs);
        out.put("mode_worse", modeWorse());
        out.put("eps", eps);
        out.put("last_epoch", (long) lastEpoch());
        out.put("_last_lr", new ArrayList<Object>(getLastLr()));
        return out;
    }

    /** Restores what the state holds (options included, as PyTorch does); {@code last_epoch} is required. */
    @Override
    public void loadStateDict(Map<String, ?> state) {
        Objects.requireNonNull(state, "state");
        double epoch = number(state, "last_epoch");
        if (state.containsKey("mode")) {
            mode(String.valueOf(state.get("mode")));
        }
        if (state.containsKey("threshold_mode")) {
            thresholdMode(String.valueOf(state.get("threshold_mode")));
        }
        if (state.containsKey("factor")) {
            factor(number(state, "factor"));
        }
        if (state.containsKey("patience")) {
            patience((int) number(state, "patience"));
        }
        if (state.containsKey("threshold")) {
            threshold(number(state, "threshold"));
        }
        if (state.containsKey("cooldown")) {
            cooldown((int) number(state, "cooldown"));
        }
        if (state.containsKey("eps")) {
            eps(number(state, "eps"));
        }
        if (state.containsKey("min_lrs")) {
            minLr(numbers(state, "min_lrs"));
        }
        best = state.containsKey("best") ? number(state, "best") : modeWorse();
        numBadEpochs = state.containsKey("num_bad_epochs") ? (int) number(state, "num_bad_epochs") : 0;
        cooldownCounter = state.containsKey("cooldown_counter") ? (int) number(state, "cooldown_counter") : 0;
        setLastEpoch((int) epoch);
        setLastLr(state.containsKey("_last_lr") ? numbers(state, "_last_lr") : currentLrs());
    }
}
