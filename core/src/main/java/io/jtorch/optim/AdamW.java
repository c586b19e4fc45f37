package io.jtorch.optim;

import io.jtorch.nn.Parameter;
import java.util.List;

/**
 * Adam with decoupled weight decay: parameters shrink by {@code lr·weight_decay} each step
 * instead of the decay being added to the gradient. Mirrors {@code torch.optim.AdamW}
 * (default weight decay 0.01). The setters return {@code AdamW}:
 * <pre>{@code
 * AdamW optimizer = new AdamW(model.parameters(), 1e-3).weightDecay(0.05).betas(0.9, 0.98);
 * }</pre>
 */
public class AdamW extends Adam {
    /**
     * AdamW over {@code params}; mirrors {@code AdamW(params, lr=lr)}.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     * @param lr the learning rate
     */
    public AdamW(Iterable<? extends Parameter> params, double lr) {
        this(single(params), lr);
    }

    /**
     * AdamW over parameter groups, {@code lr} being the default.
     *
     * @param groups the parameter groups, each with its own options
     * @param lr the learning rate
     */
    public AdamW(List<ParamGroup> groups, double lr) {
        super(groups, lr, 1e-2, true);
    }

    @Override
    public AdamW betas(double beta1, double beta2) {
        super.betas(beta1, beta2);
        return this;
    }

    @Override
    public AdamW eps(double eps) {
        super.eps(eps);
        return this;
    }

    /** Sets the decoupled weight decay (default 0.01); returns this. */
    @Override
    public AdamW weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public AdamW amsgrad(boolean amsgrad) {
        super.amsgrad(amsgrad);
        return this;
    }
}
