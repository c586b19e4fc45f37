package io.jtorch.optim;

import io.jtorch.nn.Parameter;
import java.util.List;

/**
 * Adam with decoupled weight decay: parameters shrink by {@code lr·weight_decay} each step
 * instead of the decay being added to the gradient. Mirrors {@code torch.optim.AdamW}
 * (default weight decay 0.01).
 */
public class AdamW extends Adam {
    /** AdamW over {@code params}; mirrors {@code AdamW(params, lr=lr)}. */
    public AdamW(Iterable<? extends Parameter> params, double lr) {
        this(single(params), lr);
    }

    /** AdamW over parameter groups, {@code lr} being the default. */
    public AdamW(List<ParamGroup> groups, double lr) {
        super(groups, lr, 1e-2, true);
    }
}
