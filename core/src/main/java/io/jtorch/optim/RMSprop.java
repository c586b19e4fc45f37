package io.jtorch.optim;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * RMSprop: divides the gradient by a running root mean square of recent gradients. Mirrors
 * {@code torch.optim.RMSprop} (lr 0.01, alpha 0.99, eps 1e-8, weight decay 0, momentum 0, not
 * centered) with PyTorch's update order, so results match to rounding:
 * <pre>
 * g = grad + weight_decay·p
 * v = alpha·v + (1 - alpha)·g²
 * avg = sqrt(v - mean_g²) + eps (centered, mean_g = alpha·mean_g + (1 - alpha)·g) or sqrt(v) + eps
 * buf = momentum·buf + g / avg, p = p - lr·buf (momentum &gt; 0) or p = p - lr·g / avg
 * </pre>
 * <pre>{@code
 * var optimizer = new RMSprop(model.parameters(), 1e-3).momentum(0.9).centered(true);
 * }</pre>
 */
public class RMSprop extends Optimizer {
    /**
     * RMSprop over {@code params} with PyTorch's default rate 0.01.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     */
    public RMSprop(Iterable<? extends Parameter> params) {
        this(params, 1e-2);
    }

    /**
     * RMSprop over {@code params}; mirrors {@code RMSprop(params, lr=lr)}.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     * @param lr the learning rate
     */
    public RMSprop(Iterable<? extends Parameter> params, double lr) {
        this(single(params), lr);
    }

    /**
     * RMSprop over parameter groups, {@code lr} being the default for groups without their own.
     *
     * @param groups the parameter groups, each with its own options
     * @param lr the learning rate
     */
    public RMSprop(List<ParamGroup> groups, double lr) {
        super(groups, Map.of("lr", lr, "momentum", 0.0, "alpha", 0.99, "eps", 1e-8, "centered", 0.0, "weight_decay", 0.0));
    }

    /**
     * Sets the smoothing constant of the squared-gradient average (default 0.99); returns this.
     *
     * @param alpha the smoothing constant of the squared-gradient average (default 0.99)
     * @return this, for chaining
     */
    public RMSprop alpha(double alpha) {
        setDefault("alpha", alpha);
        return this;
    }

    /**
     * Sets the term added to the denominator (default 1e-8); returns this.
     *
     * @param eps the value added to the denominator for numerical stability
     * @return this, for chaining
     */
    public RMSprop eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    /**
     * Sets the L2 penalty (default 0); returns this.
     *
     * @param weightDecay the weight decay (L2 penalty) factor
     * @return this, for chaining
     */
    public RMSprop weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets the momentum factor (default 0); returns this.
     *
     * @param momentum the momentum factor
     * @return this, for chaining
     */
    public RMSprop momentum(double momentum) {
        setDefault("momentum", momentum);
        return this;
    }

    /**
     * Normalises by the gradient's estimated variance instead of its second moment (default off);
     * returns this.
     *
     * @param centered whether to normalise by the estimated variance (default false)
     * @return this, for chaining
     */
    public RMSprop centered(boolean centered) {
        setDefault("centered", centered ? 1.0 : 0.0);
        return this;
    }

    @Override
    protected void validate(ParamGroup group) {
        super.validate(group);
        check(group, "eps", "epsilon");
        check(group, "momentum", "momentum");
        check(group, "weight_decay", "weight_decay");
        check(group, "alpha", "alpha");
    }

    /** PyTorch's "Invalid ... value" check that an option is at least 0. */
    static void check(ParamGroup group, String option, String label) {
        double v = group.get(option);
        if (!(v >= 0)) {
            throw new IllegalArgumentException("Invalid " + label + " value: " + v);
        }
    }

    @Override
    protected void update(ParamGroup group, Parameter param, Tensor grad, Map<String, Object> state) {
        double alpha = group.get("alpha");
        double momentum = group.get("momentum");
        boolean centered = group.get("centered") != 0;
        if (state.isEmpty()) {
            state.put("step", 0L);
            state.put("square_avg", Torch.zerosLike(param).retain());
            if (momentum > 0) {
                state.put("momentum_buffer", Torch.zerosLike(param).retain());
            }
            if (centered) {
                state.put("grad_avg", Torch.zerosLike(param).retain());
            }
        }
        state.put("step", ((Number) state.get("step")).longValue() + 1);
        double weightDecay = group.get("weight_decay");
        Tensor g = weightDecay != 0 ? grad.add(param, weightDecay) : grad;
        Tensor squareAvg = (Tensor) state.get("square_avg");
        squareAvg.mul_(alpha).addcmul_(g, g, 1 - alpha);
        Tensor avg;
        if (centered) {
            Tensor gradAvg = (Tensor) state.computeIfAbsent("grad_avg", k -> Torch.zerosLike(param).retain());
            gradAvg.mul_(alpha).add_(g, 1 - alpha);
            avg = squareAvg.clone().addcmul_(gradAvg, gradAvg, -1).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        avg.add_(group.get("eps"));
        if (momentum > 0) {
            Tensor buf = (Tensor) state.computeIfAbsent("momentum_buffer", k -> Torch.zerosLike(param).retain());
            buf.mul_(momentum).addcdiv_(g, avg, 1);
            param.add_(buf, -group.get("lr"));
        } else {
            param.addcdiv_(g, avg, -group.get("lr"));
        }
    }

    /** PyTorch 2 saves the step count as a tensor; this implementation keeps it as a number. */
    @Override
    protected Object restoreStateValue(String name, Tensor value) {
        return name.equals("step") ? (Object) (long) value.item() : value;
    }
}
