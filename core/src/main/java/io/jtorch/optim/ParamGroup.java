package io.jtorch.optim;

import io.jtorch.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that share hyperparameters inside an optimizer. Mirrors one dict of
 * {@code optimizer.param_groups}: {@code {'params': model[-2].parameters(), 'lr': 1e-4}} is
 * {@code new ParamGroup(model.get(-2).parameters()).lr(1e-4)}.
 *
 * <p>Options not set on a group take the optimizer's values when the group joins it, as in
 * PyTorch. Changing a group's options later (for example its learning rate, as schedulers do)
 * takes effect at the next {@code step()}.
 */
public final class ParamGroup {
    private final List<Parameter> params;
    private final Map<String, Double> options = new LinkedHashMap<>();
    private final java.util.Set<String> inherited = new java.util.HashSet<>();

    /**
     * A group of {@code params} with no options of its own yet.
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     */
    public ParamGroup(Iterable<? extends Parameter> params) {
        List<Parameter> list = new ArrayList<>();
        for (Parameter p : params) {
            if (p == null) {
                throw new NullPointerException("a parameter group cannot contain null");
            }
            list.add(p);
        }
        this.params = Collections.unmodifiableList(list);
    }

    /** {@return the group's parameters, in order; mirrors {@code group['params']}} */
    public List<Parameter> params() {
        return params;
    }

    /** {@return the learning rate; mirrors {@code group['lr']}} */
    public double lr() {
        return get("lr");
    }

    /**
     * Sets the learning rate; mirrors {@code group['lr'] = lr}. Returns this.
     *
     * @param lr the learning rate
     * @return this, for chaining
     */
    public ParamGroup lr(double lr) {
        return set("lr", lr);
    }

    /**
     * Sets the momentum (SGD); returns this.
     *
     * @param momentum the momentum factor
     * @return this, for chaining
     */
    public ParamGroup momentum(double momentum) {
        return set("momentum", momentum);
    }

    /**
     * Sets the weight decay; returns this.
     *
     * @param weightDecay the weight decay (L2 penalty) factor
     * @return this, for chaining
     */
    public ParamGroup weightDecay(double weightDecay) {
        return set("weight_decay", weightDecay);
    }

    /**
     * {@return whether option {@code name} has a value in this group}
     *
     * @param name the option, by PyTorch's key ({@code lr}, {@code momentum}, {@code weight_decay},
     *     ...)
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * {@return the value of option {@code name} ({@code lr}, {@code momentum}, {@code weight_decay}, ...,
     * PyTorch's keys)}
     *
     * @param name the option, by PyTorch's key ({@code lr}, {@code momentum}, {@code weight_decay},
     *     ...)
     * @throws IllegalArgumentException if the group has no such option
     */
    public double get(String name) {
        Double v = options.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter group has no option '" + name + "' (has " + options.keySet() + ")");
        }
        return v;
    }

    /**
     * Sets option {@code name}; mirrors {@code group[name] = value}. Returns this.
     *
     * @param name the option, by PyTorch's key ({@code lr}, {@code momentum}, {@code weight_decay},
     *     ...)
     * @param value the option's value for this group
     * @return this, for chaining
     */
    public ParamGroup set(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("option '" + name + "' must be a number, got NaN");
        }
        if (name.equals("lr") && value < 0) {
            throw new IllegalArgumentException("Invalid learning rate: " + value);
        }
        options.put(name, value);
        inherited.remove(name);
        return this;
    }

    /**
     * Sets the rate a scheduler computed, without the user-facing check that it is not negative:
     * PyTorch's OneCycleLR extrapolates linear annealing past the end of its cycle below zero, and
     * this keeps its numbers.
     */
    void scheduledLr(double lr) {
        if (Double.isNaN(lr)) {
            throw new IllegalArgumentException("a scheduler computed a learning rate of NaN");
        }
        options.put("lr", lr);
        inherited.remove("lr");
    }

    /** {@return the options by PyTorch's key, in the order they were set} */
    public Map<String, Double> options() {
        return Collections.unmodifiableMap(options);
    }

    void setDefault(String name, double value) {
        if (!options.containsKey(name)) {
            inherit(name, value);
        }
    }

    /** Whether option {@code name} came from the optimizer's defaults rather than from this group. */
    boolean inherited(String name) {
        return inherited.contains(name);
    }

    void inherit(String name, double value) {
        options.put(name, value);
        inherited.add(name);
    }

    @Override
    public String toString() {
        return "ParamGroup" + options + " (" + params.size() + " parameters)";
    }
}
