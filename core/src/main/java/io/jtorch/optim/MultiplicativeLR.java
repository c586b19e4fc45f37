package io.jtorch.optim;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * Multiplies each group's learning rate by a function of the epoch at every step after the
 * first. Mirrors {@code torch.optim.lr_scheduler.MultiplicativeLR}.
 * <pre>{@code
 * var scheduler = new MultiplicativeLR(optimizer, epoch -> 0.95);
 * }</pre>
 */
public class MultiplicativeLR extends LRScheduler {
    /**
     * One function {@code epoch -> factor} for every group.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param lrLambda the factor applied to the current rate at each epoch, for every group
     */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), Objects.requireNonNull(lrLambda, "lrLambda")));
    }

    /**
     * One function per group, in group order.
     *
     * @param optimizer the optimizer whose parameter groups' learning rates are scheduled
     * @param lrLambdas one factor function per parameter group, in group order
     */
    public MultiplicativeLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        super(optimizer, rule(optimizer, lrLambdas));
    }

    private static Rule rule(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
        List<IntToDoubleFunction> fs = LambdaLR.perGroup(optimizer, lambdas);
        return (group, lr, baseLr, epoch) -> epoch > 0 ? lr * fs.get(group).applyAsDouble(epoch) : lr;
    }

    /** Saves {@code lr_lambdas} as nulls, as PyTorch does for plain functions. */
    @Override
    public java.util.Map<String, Object> stateDict() {
        java.util.Map<String, Object> out = super.stateDict();
        out.put("lr_lambdas", new java.util.ArrayList<Object>(Collections.nCopies(baseLrs().size(), null)));
        return out;
    }
}
