package io.jtorch.optim;

import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent, optionally with momentum, dampening, weight decay and Nesterov
 * momentum. Mirrors {@code torch.optim.SGD}, with the same update order, so results match
 * PyTorch's to rounding:
 * <pre>
 * g = grad + weight_decay·p
 * buf = g (first step) or momentum·buf + (1 - dampening)·g
 * g = g + momentum·buf (nesterov) or buf
 * p = p - lr·g
 * </pre>
 * <pre>{@code
 * var optimizer = new SGD(model.parameters(), 0.01).momentum(0.9).weightDecay(1e-4);
 * var twoRates = new SGD(List.of(new ParamGroup(head.parameters()),
 *                                new ParamGroup(body.parameters()).lr(1e-4)), 1e-3);
 * }</pre>
 */
public class SGD extends Optimizer {
    /**
     * Plain SGD over {@code params} with learning rate {@code lr}; mirrors {@code SGD(params,
     * lr=lr)}.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     * @param lr the learning rate
     */
    public SGD(Iterable<? extends Parameter> params, double lr) {
        this(single(params), lr);
    }

    /**
     * SGD over parameter groups, {@code lr} being the default for groups without their own.
     *
     * @param groups the parameter groups, each with its own options
     * @param lr the learning rate
     */
    public SGD(List<ParamGroup> groups, double lr) {
        super(groups, Map.of("lr", checkLr(lr), "momentum", 0.0, "dampening", 0.0, "weight_decay", 0.0, "nesterov", 0.0));
    }

    private static double checkLr(double lr) {
        if (lr < 0 || Double.isNaN(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr);
        }
        return lr;
    }

    /**
     * Sets the momentum factor (default 0); returns this.
     *
     * @param momentum the momentum factor
     * @return this, for chaining
     */
    public SGD momentum(double momentum) {
        setDefault("momentum", momentum);
        return this;
    }

    /**
     * Sets the dampening for momentum (default 0); returns this.
     *
     * @param dampening the dampening for momentum (default 0)
     * @return this, for chaining
     */
    public SGD dampening(double dampening) {
        setDefault("dampening", dampening);
        return this;
    }

    /**
     * Sets the L2 penalty (default 0); returns this.
     *
     * @param weightDecay the weight decay (L2 penalty) factor
     * @return this, for chaining
     */
    public SGD weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /**
     * Turns Nesterov momentum on or off (default off); returns this.
     *
     * @param nesterov whether to use Nesterov momentum (default false; needs momentum and no
     *     dampening)
     * @return this, for chaining
     */
    public SGD nesterov(boolean nesterov) {
        setDefault("nesterov", nesterov ? 1.0 : 0.0);
        return this;
    }

    @Override
    protected void validate(ParamGroup group) {
        super.validate(group);
        if (!(group.get("momentum") >= 0)) {
            throw new IllegalArgumentException("Invalid momentum value: " + group.get("momentum"));
        }
        if (!(group.get("weight_decay") >= 0)) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + group.get("weight_decay"));
        }
        if (group.get("nesterov") != 0 && (group.get("momentum") <= 0 || group.get("dampening") != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    protected void update(ParamGroup group, Parameter param, Tensor grad, Map<String, Object> state) {
        double lr = group.get("lr");
        double momentum = group.get("momentum");
        double weightDecay = group.get("weight_decay");
        Tensor d = weightDecay != 0 ? grad.add(param, weightDecay) : grad;
        if (momentum != 0) {
            Tensor buf = (Tensor) state.get("momentum_buffer");
            if (buf == null) {
                buf = d.clone().detach().retain();
                state.put("momentum_buffer", buf);
            } else {
                buf.mul_(momentum).add_(d, 1 - group.get("dampening"));
            }
            d = group.get("nesterov") != 0 ? d.add(buf, momentum) : buf;
        }
        param.add_(d, -lr);
    }
}
