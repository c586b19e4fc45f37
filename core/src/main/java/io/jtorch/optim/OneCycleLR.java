package io.jtorch.optim;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The 1cycle policy: the learning rate rises from {@code maxLr / divFactor} to {@code maxLr}
 * over the first {@code pctStart} of the steps, then anneals to
 * {@code maxLr / divFactor / finalDivFactor}, while the momentum (SGD, RMSprop) or beta1 (Adam)
 * moves the opposite way between {@code maxMomentum} and {@code baseMomentum}. Mirrors
 * {@code torch.optim.lr_scheduler.OneCycleLR} with its defaults (pct_start 0.3, cosine annealing,
 * cycle_momentum true with 0.85/0.95, div_factor 25, final_div_factor 1e4, two phases).
 *
 * <p>Step it after every batch, {@code totalSteps} times in all ({@code epochs * stepsPerEpoch});
 * one step more is an error, as in PyTorch. The last of them lies just past the cycle's end, where
 * PyTorch extrapolates the annealing (below zero for linear annealing), and so does this.
 * <pre>{@code
 * var scheduler = new OneCycleLR(optimizer, 0.1, epochs * loader.size());
 * var custom = new OneCycleLR(optimizer, 0.1, 1000, OneCycleLR.options().pctStart(0.25).annealStrategy("linear"));
 * }</pre>
 */
public class OneCycleLR extends LRScheduler {
    private final int totalSteps;

    /** PyTorch's options for OneCycleLR, set fluently; mirrors its keyword arguments. */
    public static final class Options {
        private double pctStart = 0.3;
        private boolean cosine = true;
        private boolean cycleMomentum = true;
        private double baseMomentum = 0.85;
        private double maxMomentum = 0.95;
        private double divFactor = 25;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        private Options() {}

        /**
         * The fraction of the steps spent raising the rate (default 0.3).
         *
         * @param pctStart the fraction of the steps spent raising the rate (default 0.3)
         * @return these options, for chaining
         */
        public Options pctStart(double pctStart) {
            if (!(pctStart >= 0 && pctStart <= 1)) {
                throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + pctStart);
            }
            this.pctStart = pctStart;
            return this;
        }

        /**
         * {@code "cos"} (default) or {@code "linear"}.
         *
         * @param strategy {@code "cos"} (default) or {@code "linear"}
         * @return these options, for chaining
         */
        public Options annealStrategy(String strategy) {
            if (!"cos".equals(strategy) && !"linear".equals(strategy)) {
                throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got " + strategy);
            }
            this.cosine = strategy.equals("cos");
            return this;
        }

        /**
         * Whether momentum (or Adam's beta1) cycles inversely to the rate (default true).
         *
         * @param cycleMomentum whether momentum cycles inversely to the rate (default true)
         * @return these options, for chaining
         */
        public Options cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /**
         * The momentum at the peak rate (default 0.85).
         *
         * @param baseMomentum the momentum at the peak rate (default 0.85)
         * @return these options, for chaining
         */
        public Options baseMomentum(double baseMomentum) {
            this.baseMomentum = baseMomentum;
            return this;
        }

        /**
         * The momentum at the start and end (default 0.95).
         *
         * @param maxMomentum the momentum at the start and end (default 0.95)
         * @return these options, for chaining
         */
        public Options maxMomentum(double maxMomentum) {
            this.maxMomentum = maxMomentum;
            return this;
        }

        /**
         * The initial rate is {@code maxLr / divFactor} (default 25).
         *
         * @param divFactor the initial rate is {@code maxLr / divFactor} (default 25)
         * @return these options, for chaining
         */
        public Options divFactor(double divFactor) {
            if (!(divFactor > 0)) {
                throw new IllegalArgumentException("div_factor must be > 0, got " + divFactor);
            }
            this.divFactor = divFactor;
            return this;
        }

        /**
         * The final rate is {@code initialLr / finalDivFactor} (default 1e4).
         *
         * @param finalDivFactor the final rate is {@code initialLr / finalDivFactor} (default 1e4)
         * @return these options, for chaining
         */
        public Options finalDivFactor(double finalDivFactor) {
            if (!(finalDivFactor > 0)) {
                throw new IllegalArgumentException("final_div_factor must be > 0, got " + finalDivFactor);
            }
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /**
         * Three phases (up, down to the initial rate, then to the final rate) as in the paper
         * (default false: two).
         *
         * @param threePhase whether to use three phases instead of two (default false)
         * @return these options, for chaining
         */
        public Options threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }
    }

    /**
     * Options with PyTorch's defaults, to change fluently.
     *
     * @return new options with PyTorch's defaults
     */
    public static Options options() {
        return new Options();
    }

    /**
     * A cycle of {@code totalSteps} steps peaking at {@code maxLr} for every group, PyTorch's
     * defaults otherwise.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param maxLr the peak learning rate of every group
     * @param totalSteps the number of steps in the cycle; stepping more often throws
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, options());
    }

    /**
     * A cycle of {@code totalSteps} steps peaking at {@code maxLr} for every group.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param maxLr the peak learning rate of every group
     * @param totalSteps the number of steps in the cycle; stepping more often throws
     * @param options the phases, momentum and division factors (see {@link #options()})
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, Options options) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), maxLr), totalSteps, options);
    }

    /**
     * A cycle of {@code totalSteps} steps peaking at {@code maxLrs.get(i)} for group {@code i}.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param maxLrs the peak learning rate of each group, in group order
     * @param totalSteps the number of steps in the cycle; stepping more often throws
     * @param options the phases, momentum and division factors (see {@link #options()})
     */
    public OneCycleLR(Optimizer optimizer, List<Double> maxLrs, int totalSteps, Options options) {
        super(prepare(optimizer, maxLrs, totalSteps, options), rule(optimizer, totalSteps, options));
        this.totalSteps = totalSteps;
    }

    /** {@return the number of steps in the cycle; mirrors {@code total_steps}} */
    public int totalSteps() {
        return totalSteps;
    }

    /** Checks the arguments and writes each group's cycle bounds, as PyTorch's constructor does. */
    private static Optimizer prepare(Optimizer optimizer, List<Double> maxLrs, int totalSteps, Options o) {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(o, "options");
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        if (maxLrs.size() != groups.size()) {
            throw new IllegalArgumentException("expected " + groups.size() + " values for max_lr, got " + maxLrs.size());
        }
        for (double maxLr : maxLrs) {
            if (!(maxLr >= 0) || Double.isInfinite(maxLr)) {
                throw new IllegalArgumentException("Invalid learning rate: " + maxLr);
            }
        }
        String momentum = null;
        if (o.cycleMomentum) {
            momentum = optimizer.hasOption("beta1") ? "beta1" : optimizer.hasOption("momentum") ? "momentum" : null;
            if (momentum == null) {
                throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option enabled ("
                        + optimizer.getClass().getSimpleName() + " has neither momentum nor betas)");
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            g.set("initial_lr", maxLrs.get(i) / o.divFactor);
            g.set("max_lr", maxLrs.get(i));
            g.set("min_lr", g.get("initial_lr") / o.finalDivFactor);
            if (momentum != null) {
                g.set(momentum, o.maxMomentum);
                g.set("max_momentum", o.maxMomentum);
                g.set("base_momentum", o.baseMomentum);
            }
        }
        return optimizer;
    }

    private static Rule rule(Optimizer optimizer, int totalSteps, Options o) {
        String momentum = !o.cycleMomentum ? null : optimizer.hasOption("beta1") ? "beta1" : "momentum";
        double[] ends = o.threePhase
                ? new double[] {o.pctStart * totalSteps - 1, 2 * o.pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {o.pctStart * totalSteps - 1, totalSteps - 1};
        String[][] lrs = o.threePhase
                ? new String[][] {{"initial_lr", "max_lr"}, {"max_lr", "initial_lr"}, {"initial_lr", "min_lr"}}
                : new String[][] {{"initial_lr", "max_lr"}, {"max_lr", "min_lr"}};
        String[][] momenta = o.threePhase
                ? new String[][] {{"max_momentum", "base_momentum"}, {"base_momentum", "max_momentum"}, {"max_momentum", "max_momentum"}}
                : new String[][] {{"max_momentum", "base_momentum"}, {"base_momentum", "max_momentum"}};
        return (group, lr, baseLr, step) -> {
            if (step > totalSteps) {
                throw new IllegalStateException("Tried to step " + (step + 1) + " times. The specified number of total steps is "
                        + totalSteps);
            }
            ParamGroup g = optimizer.paramGroups().get(group);
            double start = 0;
            for (int i = 0; i < ends.length; i++) {
                if (step <= ends[i] || i == ends.length - 1) {
                    double pct = (step - start) / (ends[i] - start);
                    if (momentum != null) {
                        g.set(momentum, anneal(o.cosine, g.get(momenta[i][0]), g.get(momenta[i][1]), pct));
                    }
                    return anneal(o.cosine, g.get(lrs[i][0]), g.get(lrs[i][1]), pct);
                }
                start = ends[i];
            }
            throw new AssertionError("unreachable: the last phase always matches");
        };
    }

    private static double anneal(boolean cosine, double start, double end, double pct) {
        if (cosine) {
            return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
        }
        return (end - start) * pct + start;
    }
}
