package io.jtorch.optim;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Adagrad: divides each coordinate's step by the root of its summed squared gradients. Mirrors
 * {@code torch.optim.Adagrad} (lr 0.01, lr decay 0, weight decay 0, initial accumulator value 0,
 * eps 1e-10) with PyTorch's update order, so results match to rounding:
 * <pre>
 * g = grad + weight_decay·p
 * clr = lr / (1 + (step - 1)·lr_decay)
 * sum = sum + g², p = p - clr·g / (sqrt(sum) + eps)
 * </pre>
 * As in PyTorch, every parameter gets its state (step 0, sum filled with the initial accumulator
 * value) when the optimizer is made.
 * <pre>{@code
 * var optimizer = new Adagrad(model.parameters(), 0.05).lrDecay(1e-4).initialAccumulatorValue(0.1);
 * }</pre>
 */
public class Adagrad extends Optimizer {
    /**
     * Adagrad over {@code params} with PyTorch's default rate 0.01.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     */
    public Adagrad(Iterable<? extends Parameter> params) {
        this(params, 1e-2);
    }

    /**
     * Adagrad over {@code params}; mirrors {@code Adagrad(params, lr=lr)}.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     * @param lr the learning rate
     */
    public Adagrad(Iterable<? extends Parameter> params, double lr) {
        this(single(params), lr);
    }

    /**
     * Adagrad over parameter groups, {@code lr} being the default for groups without their own.
     *
     * @param groups the parameter groups, each with its own options
     * @param lr the learning rate
     */
    public Adagrad(List<ParamGroup> groups, double lr) {
        super(groups, Map.of("lr", lr, "lr_decay", 0.0, "weight_decay", 0.0, "initial_accumulator_value", 0.0, "eps", 1e-10));
        for (Parameter p : allParams()) {
            initState(p, stateOf(p));
        }
    }

    /**
     * Sets the learning-rate decay (default 0); returns this.
     *
     * @param lrDecay the decay of the learning rate per step: step {@code t} uses
     *     {@code lr / (1 + (t - 1) * lrDecay)}
     * @return this, for chaining
     */
    public Adagrad lrDecay(double lrDecay) {
        setDefault("lr_decay", lrDecay);
        return this;
    }

    /**
     * Sets the L2 penalty (default 0); returns this.
     *
     * @param weightDecay the weight decay (L2 penalty) factor
     * @return this, for chaining
     */
    public Adagrad weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /**
     * Sets the value the squared-gradient sums start from (default 0), refilling the sums of
     * parameters not stepped yet; returns this.
     *
     * @param value the starting value of each parameter's sum of squared gradients
     * @return this, for chaining
     */
    public Adagrad initialAccumulatorValue(double value) {
        setDefault("initial_accumulator_value", value);
        for (Parameter p : allParams()) {
            Map<String, Object> s = stateOf(p);
            if (s.get("sum") instanceof Tensor && ((Number) s.get("step")).doubleValue() == 0) {
                ((Tensor) s.get("sum")).fill_(value);
            }
        }
        return this;
    }

    /**
     * Sets the term added to the denominator (default 1e-10); returns this.
     *
     * @param eps the value added to the denominator for numerical stability
     * @return this, for chaining
     */
    public Adagrad eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    @Override
    protected void validate(ParamGroup group) {
        super.validate(group);
        RMSprop.check(group, "lr_decay", "lr_decay");
        RMSprop.check(group, "weight_decay", "weight_decay");
        RMSprop.check(group, "initial_accumulator_value", "initial_accumulator_value");
        RMSprop.check(group, "eps", "epsilon");
    }

    private void initState(Parameter p, Map<String, Object> state) {
        state.put("step", 0.0);
        state.put("sum", Torch.zerosLike(p).fill_(defaultOption("initial_accumulator_value")).retain());
    }

    @Override
    protected void update(ParamGroup group, Parameter param, Tensor grad, Map<String, Object> state) {
        if (!state.containsKey("sum")) { // a group added later, or a state loaded without this parameter
            initState(param, state);
        }
        double step = ((Number) state.get("step")).doubleValue() + 1;
        state.put("step", step);
        double weightDecay = group.get("weight_decay");
        Tensor g = weightDecay != 0 ? grad.add(param, weightDecay) : grad;
        double clr = group.get("lr") / (1 + (step - 1) * group.get("lr_decay"));
        Tensor sum = (Tensor) state.get("sum");
        sum.addcmul_(g, g, 1);
        Tensor std = sum.sqrt().add_(group.get("eps"));
        param.addcdiv_(g, std, -clr);
    }

    /** Saves the step count as a one-element tensor, as PyTorch does. */
    @Override
    protected Object saveStateValue(String name, Object value) {
        return stepTensor(name, value);
    }

    /** PyTorch saves Adagrad's step count as a tensor; this implementation keeps it as a number. */
    @Override
    protected Object restoreStateValue(String name, Tensor value) {
        return name.equals("step") ? (Object) value.item() : value;
    }
}
