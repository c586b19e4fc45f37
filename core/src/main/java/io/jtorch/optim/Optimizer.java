package io.jtorch.optim;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.GradLock;
import io.jtorch.internal.SerialRegion;
import io.jtorch.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base class of optimizers: parameter groups, per-parameter state and the update loop. Mirrors
 * {@code torch.optim.Optimizer}.
 *
 * <p>{@link #step()} updates every parameter that requires grad and has a gradient and skips the
 * rest, so a frozen parameter stays bit-identical however long training runs. Hyperparameters
 * given to the optimizer are defaults: a {@link ParamGroup} that sets its own value keeps it.
 */
public abstract class Optimizer {
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    private final Map<String, Double> defaults = new LinkedHashMap<>();
    private final Map<Parameter, Map<String, Object>> state = new IdentityHashMap<>();

    /**
     * An optimizer over {@code groups}, with {@code defaults} for options the groups leave unset.
     *
     * @param groups the parameter groups, each with its own options
     * @param defaults the value of each option for groups that do not set it, by PyTorch's keys
     */
    protected Optimizer(List<ParamGroup> groups, Map<String, Double> defaults) {
        this.defaults.putAll(defaults);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        for (ParamGroup g : groups) {
            addParamGroup(g);
        }
    }

    /**
     * {@return one group holding {@code params}, for constructors that take a plain parameter list}
     *
     * @param params the parameters to optimize, as {@code model.parameters()} gives them
     */
    protected static List<ParamGroup> single(Iterable<? extends Parameter> params) {
        ParamGroup g = new ParamGroup(params);
        if (g.params().isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        return List.of(g);
    }

    /**
     * Adds a group, filling unset options from the defaults; mirrors {@code add_param_group}.
     *
     * @param group the parameter group, with its options
     */
    public void addParamGroup(ParamGroup group) {
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup g : paramGroups) {
            seen.addAll(g.params());
        }
        for (Parameter p : group.params()) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException("some parameters appear more than once in the optimizer's parameter groups");
            }
        }
        for (Map.Entry<String, Double> d : defaults.entrySet()) {
            group.setDefault(d.getKey(), d.getValue());
        }
        validate(group);
        paramGroups.add(group);
    }

    /**
     * Checks a group's options; subclasses add their own checks.
     *
     * @param group the parameter group, with its options
     */
    protected void validate(ParamGroup group) {
        if (!(group.get("lr") >= 0)) { // NaN too, as PyTorch's "not 0.0 <= lr"
            throw new IllegalArgumentException("Invalid learning rate: " + group.get("lr"));
        }
    }

    /** {@return the parameter groups, in order; mirrors {@code param_groups}} */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /**
     * {@return the optimizer-wide default for option {@code name}; mirrors {@code defaults[name]}}
     *
     * @param name the option, by PyTorch's key ({@code lr}, {@code weight_decay}, ...)
     */
    public double defaultOption(String name) {
        Double v = defaults.get(name);
        if (v == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no option '" + name + "'");
        }
        return v;
    }

    /** Whether the optimizer has option {@code name} (for OneCycleLR: {@code momentum} or {@code beta1}). */
    boolean hasOption(String name) {
        return defaults.containsKey(name);
    }

    /**
     * Changes the default of option {@code name} and the groups that took their value from the
     * default; groups that set their own value keep it.
     *
     * @param name the option, by PyTorch's key ({@code lr}, {@code weight_decay}, ...)
     * @param value the new default
     */
    protected void setDefault(String name, double value) {
        double old = defaultOption(name);
        defaults.put(name, value);
        for (ParamGroup g : paramGroups) {
            if (g.get(name) == old && g.inherited(name)) {
                g.inherit(name, value);
            }
        }
        for (ParamGroup g : paramGroups) {
            validate(g);
        }
    }

    /**
     * Sets the learning rate of every group.
     *
     * @param lr the learning rate
     */
    public void setLr(double lr) {
        if (!(lr >= 0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr);
        }
        for (ParamGroup g : paramGroups) {
            g.lr(lr);
        }
    }

    /** Drops the gradient of every parameter of every group; mirrors {@code zero_grad()} (set_to_none=True). */
    public void zeroGrad() {
        for (ParamGroup g : paramGroups) {
            for (Parameter p : g.params()) {
                p.clearGrad();
            }
        }
    }

    /**
     * Updates every parameter that requires grad and has a gradient; mirrors {@code step()}.
     * Temporaries are released before it returns; state it creates is kept. Two threads that
     * step one optimizer at once take turns, so its state stays whole (training one model from
     * two threads at once is still not supported).
     */
    public synchronized void step() {
        io.jtorch.internal.AdaptiveThreads.atStep();
        // Small parameters are updated on this thread alone: their element-wise updates give the
        // same values however they are split, and waking libtorch's team costs more than it saves.
        try (Scope scope = Scope.open(); NoGrad noGrad = Torch.noGrad(); SerialRegion alone = SerialRegion.open(false)) {
            for (ParamGroup group : paramGroups) {
                for (Parameter p : group.params()) {
                    org.bytedeco.pytorch.Tensor r = p.raw();
                    if (!r.requires_grad()) {
                        continue;
                    }
                    alone.serial(r.numel() < SerialRegion.SMALL_UPDATE && r.is_cpu());
                    // grad() is a reference into the parameter; the copy is a handle of its own,
                    // taken while no backward pass can replace the field.
                    Tensor grad = GradLock.access(() -> {
                        org.bytedeco.pytorch.Tensor g = r.grad();
                        return g.defined() ? Tensor.wrap(new org.bytedeco.pytorch.Tensor(g)) : null;
                    });
                    if (grad == null) {
                        continue;
                    }
                    update(group, p, grad, stateOf(p));
                }
            }
        }
    }

    /**
     * Applies one update to {@code param} from {@code grad}, in place, under no-grad. Tensors put
     * into {@code state} must be retained ({@link Tensor#retain()}).
     *
     * @param group the parameter group, with its options
     * @param param the parameter
     * @param grad the parameter's gradient
     * @param state the parameter's mutable state, by PyTorch's keys
     */
    protected abstract void update(ParamGroup group, Parameter param, Tensor grad, Map<String, Object> state);

    /**
     * {@return the optimizer's state for {@code param} (momentum buffers, moments, step counts), by
     * PyTorch's keys}
     *
     * @param param the parameter
     */
    public Map<String, Object> state(Parameter param) {
        Map<String, Object> s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /**
     * {@return the mutable state of {@code p}, created empty if it has none; for optimizers that
     * set up state in their constructor}
     *
     * @param p the parameter
     */
    protected Map<String, Object> stateOf(Parameter p) {
        return state.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    /** Drops all per-parameter state (momentum buffers, moments, step counts). */
    protected void clearState() {
        state.clear();
    }

    /** {@return every parameter of every group, in order} */
    protected List<Parameter> allParams() {
        List<Parameter> out = new ArrayList<>();
        for (ParamGroup g : paramGroups) {
            out.addAll(g.params());
        }
        return out;
    }

    /**
     * {@return the optimizer's state in PyTorch's layout; mirrors {@code optimizer.state_dict()}:
     * {@code {"state": {index: {name: tensor or number}}, "param_groups": [{options..., "params": [index, ...]}]}},
     * parameters numbered in group order} Tensors are copies.
     */
    public Map<String, Object> stateDict() {
        Map<Object, Object> packedState = new LinkedHashMap<>();
        List<Object> groups = new ArrayList<>();
        long index = 0;
        for (ParamGroup g : paramGroups) {
            Map<String, Object> packed = saveGroupOptions(g.options());
            List<Object> ids = new ArrayList<>();
            for (Parameter p : g.params()) {
                Map<String, Object> s = state.get(p);
                if (s != null && !s.isEmpty()) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> e : s.entrySet()) {
                        Object v = e.getValue() instanceof Tensor ? ((Tensor) e.getValue()).detach().clone() : e.getValue();
                        copy.put(e.getKey(), saveStateValue(e.getKey(), v));
                    }
                    packedState.put(index, copy);
                }
                ids.add(index++);
            }
            packed.put("params", ids);
            groups.add(packed);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", packedState);
        out.put("param_groups", groups);
        return out;
    }

    /**
     * Restores state and group options saved by {@link #stateDict()} (or by PyTorch for the same
     * optimizer and parameter order); mirrors {@code optimizer.load_state_dict(state_dict)}.
     *
     * @param stateDict a map as {@link #stateDict()} (or PyTorch's {@code optimizer.state_dict()})
     *     holds it
     * @throws IllegalArgumentException when the groups or their sizes do not match this optimizer's
     */
    public void loadStateDict(Map<String, ?> stateDict) {
        Object groupsObj = stateDict.get("param_groups");
        Object stateObj = stateDict.get("state");
        if (!(groupsObj instanceof List) || !(stateObj instanceof Map)) {
            throw new IllegalArgumentException("not an optimizer state dict: it needs 'state' (a map) and 'param_groups' (a list)");
        }
        List<?> groups = (List<?>) groupsObj;
        if (groups.size() != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has " + groups.size() + " parameter groups, this optimizer has "
                    + paramGroups.size());
        }
        Map<Long, Parameter> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Map<?, ?> saved = (Map<?, ?>) groups.get(i);
            List<?> ids = (List<?>) saved.get("params");
            ParamGroup g = paramGroups.get(i);
            if (ids == null || ids.size() != g.params().size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match the size of "
                        + "optimizer's group " + i + " (" + (ids == null ? 0 : ids.size()) + " vs " + g.params().size() + ")");
            }
            for (int k = 0; k < ids.size(); k++) {
                byIndex.put(((Number) ids.get(k)).longValue(), g.params().get(k));
            }
            for (Map.Entry<String, Double> e : loadGroupOptions(saved).entrySet()) {
                g.set(e.getKey(), e.getValue());
            }
        }
        state.clear();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) stateObj).entrySet()) {
            Parameter p = byIndex.get(((Number) e.getKey()).longValue());
            if (p == null) {
                throw new IllegalArgumentException("loaded optimizer state names parameter " + e.getKey() + ", which no group has");
            }
            Map<String, Object> restored = new LinkedHashMap<>();
            for (Map.Entry<?, ?> v : ((Map<?, ?>) e.getValue()).entrySet()) {
                Object value = v.getValue();
                if (value instanceof Tensor) {
                    Tensor t = ((Tensor) value).detach().clone();
                    value = restoreStateValue((String) v.getKey(), t.to(p.device()).retain());
                }
                restored.put((String) v.getKey(), value);
            }
            state.put(p, restored);
        }
    }

    /**
     * {@return a group's options as {@link #stateDict()} saves them; Adam saves its two betas as
     * PyTorch's {@code betas} pair}
     *
     * @param options the group's numeric options, by PyTorch's keys
     */
    protected Map<String, Object> saveGroupOptions(Map<String, Double> options) {
        return new LinkedHashMap<>(options);
    }

    /**
     * {@return the numeric options of a saved group, PyTorch's booleans as 1 or 0; values of other types
     * (PyTorch's {@code foreach: None}) are left out, so the group keeps its own}
     *
     * @param saved a saved group's map, as in {@code state_dict()['param_groups']}
     */
    protected Map<String, Double> loadGroupOptions(Map<?, ?> saved) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : saved.entrySet()) {
            if (!"params".equals(e.getKey()) && e.getKey() instanceof String) {
                Object v = e.getValue();
                if (v instanceof Number) {
                    out.put((String) e.getKey(), ((Number) v).doubleValue());
                } else if (v instanceof Boolean && defaults.containsKey(e.getKey())) {
                    out.put((String) e.getKey(), (Boolean) v ? 1.0 : 0.0);
                }
            }
        }
        return out;
    }

    /**
     * Converts a state value for {@link #stateDict()}; Adam and Adagrad save their step count as a
     * tensor, as PyTorch does.
     *
     * @param name the state key, such as {@code step} or {@code exp_avg}
     * @param value the value as {@link #update} keeps it
     * @return the value to save, a tensor or a number
     */
    protected Object saveStateValue(String name, Object value) {
        return value;
    }

    /** A step count as PyTorch keeps it in Adam and Adagrad: a float32 scalar tensor. */
    static Object stepTensor(String name, Object value) {
        return name.equals("step") && value instanceof Number ? Torch.tensor((float) ((Number) value).doubleValue()).reshape() : value;
    }

    /**
     * Converts a loaded state tensor to what {@link #update} expects; Adam keeps its step as a
     * number.
     *
     * @param name the state key, such as {@code step} or {@code exp_avg}
     * @param value the tensor as loaded
     * @return the value {@link #update} expects
     */
    protected Object restoreStateValue(String name, Tensor value) {
        return value;
    }
}
