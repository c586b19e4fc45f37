package io.jtorch.optim;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Adam: adaptive moment estimation. Mirrors {@code torch.optim.Adam} (betas (0.9, 0.999),
 * eps 1e-8, weight decay added to the gradient, optional AMSGrad), with PyTorch's update order so
 * results match to rounding.
 * <pre>{@code
 * var optimizer = new Adam(model.parameters(), 1e-3).betas(0.9, 0.98).weightDecay(1e-4);
 * }</pre>
 */
public class Adam extends Optimizer {
    private final boolean decoupledWeightDecay;

    /**
     * Adam over {@code params}; mirrors {@code Adam(params, lr=lr)}.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     * @param lr the learning rate
     */
    public Adam(Iterable<? extends Parameter> params, double lr) {
        this(single(params), lr);
    }

    /**
     * Adam over parameter groups, {@code lr} being the default.
     *
     * @param groups the parameter groups, each with its own options
     * @param lr the learning rate
     */
    public Adam(List<ParamGroup> groups, double lr) {
        this(groups, lr, 0.0, false);
    }

    /** For {@link AdamW}: the same algorithm with decoupled weight decay. */
    Adam(List<ParamGroup> groups, double lr, double weightDecay, boolean decoupledWeightDecay) {
        super(groups, Map.of("lr", lr, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", weightDecay, "amsgrad", 0.0));
        this.decoupledWeightDecay = decoupledWeightDecay;
    }

    /**
     * Sets the moment decay rates (defaults 0.9 and 0.999); returns this.
     *
     * @param beta1 the decay rate of the gradient's running average (PyTorch's {@code betas[0]})
     * @param beta2 the decay rate of the squared gradient's running average (PyTorch's
     *     {@code betas[1]})
     * @return this, for chaining
     */
    public Adam betas(double beta1, double beta2) {
        setDefault("beta1", beta1);
        setDefault("beta2", beta2);
        return this;
    }

    /**
     * Sets the term added to the denominator (default 1e-8); returns this.
     *
     * @param eps the value added to the denominator for numerical stability
     * @return this, for chaining
     */
    public Adam eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    /**
     * Sets the weight decay; returns this.
     *
     * @param weightDecay the weight decay (L2 penalty) factor
     * @return this, for chaining
     */
    public Adam weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /**
     * Turns the AMSGrad variant on or off; returns this.
     *
     * @param amsgrad whether to use the maximum of past second moments (PyTorch's {@code amsgrad})
     * @return this, for chaining
     */
    public Adam amsgrad(boolean amsgrad) {
        setDefault("amsgrad", amsgrad ? 1.0 : 0.0);
        return this;
    }

    /** PyTorch saves Adam's step count as a tensor; this implementation keeps it as a number. */
    @Override
    protected Object restoreStateValue(String name, Tensor value) {
        return name.equals("step") ? (Object) value.item() : value;
    }

    /** Saves the step count as a one-element tensor, as PyTorch does, so Python can load the state. */
    @Override
    protected Object saveStateValue(String name, Object value) {
        return stepTensor(name, value);
    }

    /** Saves beta1 and beta2 as PyTorch's {@code betas} pair (a list), so Python's Adam can load and step the state. */
    @Override
    protected Map<String, Object> saveGroupOptions(Map<String, Double> options) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Double> e : options.entrySet()) {
            if (e.getKey().equals("beta1")) {
                out.put("betas", new java.util.ArrayList<Object>(List.of(e.getValue(), options.get("beta2"))));
            } else if (!e.getKey().equals("beta2")) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Reads PyTorch's {@code betas} pair (or jtorch's older beta1/beta2) back. */
    @Override
    protected Map<String, Double> loadGroupOptions(Map<?, ?> saved) {
        Map<String, Double> out = super.loadGroupOptions(saved);
        Object betas = saved.get("betas");
        List<?> pair = betas instanceof List ? (List<?>) betas : null; // a tuple, when PyTorch saved it
        if (pair != null) {
            if (pair.size() != 2 || !(pair.get(0) instanceof Number) || !(pair.get(1) instanceof Number)) {
                throw new IllegalArgumentException("loaded Adam state has betas " + betas + ", expected two numbers");
            }
            out.put("beta1", ((Number) pair.get(0)).doubleValue());
            out.put("beta2", ((Number) pair.get(1)).doubleValue());
        }
        return out;
    }

    @Override
    protected void validate(ParamGroup group) {
        super.validate(group);
        for (String beta : new String[] {"beta1", "beta2"}) {
            double b = group.get(beta);
            if (!(b >= 0 && b < 1)) {
                throw new IllegalArgumentException("Invalid " + beta + " parameter: " + b + " (must be in [0, 1))");
            }
        }
        if (!(group.get("eps") >= 0)) {
            throw new IllegalArgumentException("Invalid epsilon value: " + group.get("eps"));
        }
        if (!(group.get("weight_decay") >= 0)) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + group.get("weight_decay"));
        }
    }

    @Override
    protected void update(ParamGroup group, Parameter param, Tensor grad, Map<String, Object> state) {
        double lr = group.get("lr");
        double beta1 = group.get("beta1");
        double beta2 = group.get("beta2");
        double weightDecay = group.get("weight_decay");
        boolean amsgrad = group.get("amsgrad") != 0;
        if (state.isEmpty()) {
            state.put("step", 0.0);
            state.put("exp_avg", Torch.zerosLike(param).retain());
            state.put("exp_avg_sq", Torch.zerosLike(param).retain());
        }
        double step = ((Number) state.get("step")).doubleValue() + 1;
        state.put("step", step);
        Tensor expAvg = (Tensor) state.get("exp_avg");
        Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
        Tensor g = grad;
        if (weightDecay != 0) {
            if (decoupledWeightDecay) {
                param.mul_(1 - lr * weightDecay);
            } else {
                g = g.add(param, weightDecay);
            }
        }
        expAvg.mul_(beta1).add_(g, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(g, g, 1 - beta2);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr / biasCorrection1;
        Tensor second = expAvgSq;
        if (amsgrad) {
            Tensor max = (Tensor) state.computeIfAbsent("max_exp_avg_sq", k -> Torch.zerosLike(param).retain());
            max.copy_(Torch.maximum(max, expAvgSq));
            second = max;
        }
        Tensor denom = second.sqrt().div(biasCorrection2Sqrt).add_(group.get("eps"));
        param.addcdiv_(expAvg, denom, -stepSize);
    }
}
