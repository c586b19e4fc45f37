package io.jtorch.optim;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each group's learning rate to its base rate times a function of the epoch. Mirrors
 * {@code torch.optim.lr_scheduler.LambdaLR}; the factor for epoch 0 applies from the start, so a
 * warm-up whose {@code f(0)} is not 1 trains its first epoch at {@code f(0)} times the rate.
 * <pre>{@code
 * var warmup = new LambdaLR(optimizer, epoch -> Math.min(1.0, (epoch + 1) / 5.0));
 * var perGroup = new LambdaLR(optimizer, List.of(epoch -> epoch / 30, epoch -> Math.pow(0.95, epoch)));
 * }</pre>
 * The functions are not part of {@link #stateDict()} (PyTorch saves plain functions as
 * {@code None} too): a resumed run builds the scheduler with the same functions.
 */
public class LambdaLR extends LRScheduler {
    /**
     * One function {@code epoch -> factor} for every group; mirrors {@code LambdaLR(optimizer,
     * lr_lambda)}.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param lrLambda the factor of the base rate at each epoch, for every group
     */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), Objects.requireNonNull(lrLambda, "lrLambda")));
    }

    /**
     * One function per group, in group order; mirrors {@code LambdaLR(optimizer, [lambda1,
     * lambda2])}.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param lrLambdas one factor function per parameter group, in group order
     */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        super(optimizer, rule(optimizer, lrLambdas));
    }

    /** Checks one function per group, non-null; shared with {@link MultiplicativeLR}. */
    static List<IntToDoubleFunction> perGroup(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
        Objects.requireNonNull(lambdas, "lrLambdas");
        if (lambdas.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got " + lambdas.size());
        }
        for (IntToDoubleFunction f : lambdas) {
            Objects.requireNonNull(f, "an lr_lambda is null");
        }
        return List.copyOf(lambdas);
    }

    private static Rule rule(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
        List<IntToDoubleFunction> fs = perGroup(optimizer, lambdas);
        return (group, lr, baseLr, epoch) -> baseLr * fs.get(group).applyAsDouble(epoch);
    }

    /** Saves {@code lr_lambdas} as nulls, as PyTorch does for plain functions. */
    @Override
    public java.util.Map<String, Object> stateDict() {
        java.util.Map<String, Object> out = super.stateDict();
        out.put("lr_lambdas", new java.util.ArrayList<Object>(Collections.nCopies(baseLrs().size(), null)));
        return out;
    }
}
