package io.jtorch.optim;

import java.util.Map;

/**
 * Cosine annealing from the base rate to {@code etaMin} over {@code T_0} epochs, then a restart
 * at the base rate, each cycle {@code T_mult} times longer than the one before (SGDR). Mirrors
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts}, including stepping with
 * fractional epochs within a batch loop:
 * <pre>{@code
 * var scheduler = new CosineAnnealingWarmRestarts(optimizer, 10, 2, 1e-5);
 * for (int epoch = 0; epoch < 70; epoch++) {
 *     for (int i = 0; i < iters; i++) {
 *         ...
 *         scheduler.step(epoch + i / (double) iters);
 *     }
 * }
 * }</pre>
 */
public class CosineAnnealingWarmRestarts extends LRScheduler {
    /** The cycle's hyperparameters and position; the rule reads it, so it exists before the base constructor runs. */
    private static final class Cycle implements Rule {
        final int t0;
        final int tMult;
        final double etaMin;
        long tI;
        double tCur;

        Cycle(int t0, int tMult, double etaMin) {
            if (t0 <= 0) {
                throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
            }
            if (tMult < 1) {
                throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
            }
            this.t0 = t0;
            this.tMult = tMult;
            this.etaMin = etaMin;
            this.tI = t0;
            this.tCur = 0;
        }

        @Override
        public double lr(int group, double lr, double baseLr, int epoch) {
            return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
    }

    private final Cycle cycle;

    /**
     * Restarts after {@code t0} epochs, then after {@code t0·tMult}, ..., annealing to {@code
     * etaMin}.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param t0 the number of epochs until the first restart (PyTorch's {@code T_0})
     * @param tMult the factor by which the period grows after each restart (PyTorch's
     *     {@code T_mult}, default 1)
     * @param etaMin the lowest learning rate (PyTorch's {@code eta_min}, default 0)
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin) {
        this(optimizer, new Cycle(t0, tMult, etaMin));
    }

    /**
     * Restarts every {@code t0} epochs, annealing to 0 (PyTorch's defaults T_mult 1, eta_min 0).
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param t0 the number of epochs until the first restart (PyTorch's {@code T_0})
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0.0);
    }

    private CosineAnnealingWarmRestarts(Optimizer optimizer, Cycle cycle) {
        super(optimizer, cycle);
        this.cycle = cycle;
    }

    /** Advances one epoch (restarting when the cycle ends); mirrors {@code step()}. */
    @Override
    public void step() {
        if (lastEpoch() < 0) {
            step(0.0);
            return;
        }
        cycle.tCur += 1;
        if (cycle.tCur >= cycle.tI) {
            cycle.tCur -= cycle.tI;
            cycle.tI *= cycle.tMult;
        }
        setLastEpoch(lastEpoch() + 1);
        apply(false);
    }

    /**
     * Moves to {@code epoch}, which may be fractional ({@code epoch + i / iters} within an epoch);
     * mirrors {@code step(epoch)}.
     *
     * @param epoch the epoch, fractional within a restart period as in PyTorch's
     *     {@code step(epoch + i / iters)}
     * @throws IllegalArgumentException if {@code epoch} is negative or not a number
     */
    public void step(double epoch) {
        if (!(epoch >= 0) || Double.isInfinite(epoch)) {
            throw new IllegalArgumentException("Expected non-negative epoch, but got " + epoch);
        }
        if (epoch >= cycle.t0) {
            if (cycle.tMult == 1) {
                cycle.tCur = epoch % cycle.t0;
            } else {
                int n = (int) (Math.log(epoch / cycle.t0 * (cycle.tMult - 1) + 1) / Math.log(cycle.tMult));
                long power = (long) Math.pow(cycle.tMult, n);
                cycle.tCur = epoch - cycle.t0 * (power - 1) / (double) (cycle.tMult - 1);
                cycle.tI = cycle.t0 * power;
            }
        } else {
            cycle.tI = cycle.t0;
            cycle.tCur = epoch;
        }
        setLastEpoch((int) Math.floor(epoch));
        apply(false);
    }

    @Override
    void stepAt(int epoch) {
        step((double) epoch);
    }

    /** {@return the epochs since the last restart; mirrors {@code T_cur}} */
    public double tCur() {
        return cycle.tCur;
    }

    /** {@return the length of the current cycle; mirrors {@code T_i}} */
    public long tI() {
        return cycle.tI;
    }

    /** Adds the cycle's position ({@code T_cur}, {@code T_i}) to the base state. */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = super.stateDict();
        out.put("T_i", cycle.tI);
        out.put("T_cur", cycle.tCur == Math.rint(cycle.tCur) ? (Object) (long) cycle.tCur : (Object) cycle.tCur);
        return out;
    }

    @Override
    public void loadStateDict(Map<String, ?> state) {
        double tI = number(state, "T_i");
        double tCur = number(state, "T_cur");
        super.loadStateDict(state);
        cycle.tI = (long) tI;
        cycle.tCur = tCur;
    }
}
