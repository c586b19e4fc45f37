package io.jtorch.nn;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Base class of all layers and models. Mirrors {@code torch.nn.Module}.
 *
 * <p>A module holds named parameters, buffers and child modules, in registration order; the
 * recursive views ({@link #namedParameters()}, {@link #stateDict()}, ...) use PyTorch's dotted
 * names, such as {@code 0.weight} or {@code layer4.1.conv2.weight}. Subclasses register what they
 * own in their constructor and implement {@link #forward(Tensor)}.
 *
 * <p>Modules are not thread-safe for training. Inference ({@code forward} in eval mode under
 * {@link io.jtorch.Torch#noGrad()}) may run on one module from several threads at once.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistentBuffers = new HashSet<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes the module's output for {@code input}. */
    public abstract Tensor forward(Tensor input);

    // ---------------------------------------------------------------- registration

    /** Adds (or replaces, or with {@code null} removes) a parameter; mirrors {@code register_parameter}. Returns it. */
    public <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name);
        if (parameter == null) {
            parameters.remove(name);
        } else {
            parameters.put(name, parameter);
        }
        return parameter;
    }

    /** Adds a persistent buffer (saved in the state dict); mirrors {@code register_buffer}. Returns it. */
    public Tensor registerBuffer(String name, Tensor buffer) {
        return registerBuffer(name, buffer, true);
    }

    /** Adds a buffer, persistent or not; mirrors {@code register_buffer(name, tensor, persistent)}. Returns it. */
    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName(name);
        if (buffer == null) {
            buffers.remove(name);
        } else {
            buffers.put(name, buffer.retain());
        }
        if (persistent) {
            nonPersistentBuffers.remove(name);
        } else {
            nonPersistentBuffers.add(name);
        }
        return buffer;
    }

    /** Adds (or replaces) a child module; mirrors {@code add_module} / {@code register_module}. Returns it. */
    public <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        if (module == null) {
            modules.remove(name);
        } else {
            checkNotAncestor(module);
            modules.put(name, module);
        }
        return module;
    }

    /**
     * Throws unless {@code child} can be placed under this module: a module that is this one or
     * holds it would make the tree a cycle, and forward, printing and traversal would never end.
     */
    protected final void checkNotAncestor(Module child) {
        if (child == this) {
            throw new IllegalArgumentException("a module cannot contain itself");
        }
        for (Map.Entry<String, Module> m : child.namedModules().entrySet()) {
            if (m.getValue() == this) {
                throw new IllegalArgumentException("cannot add a " + child.getClass().getSimpleName() + " that holds this "
                        + getClass().getSimpleName() + " (at '" + m.getKey() + "'): modules form a tree, not a cycle");
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("invalid name '" + name + "': names are non-empty and contain no '.'");
        }
    }

    /** This module's own parameter called {@code name} (not a child's), or {@code null}. */
    public Parameter parameter(String name) {
        return ownParameters().get(name);
    }

    /** This module's own buffer called {@code name}, or {@code null}. */
    public Tensor buffer(String name) {
        return ownBuffers().get(name);
    }

    // ---------------------------------------------------------------- traversal

    /** The direct children with their names, in order; mirrors {@code named_children()}. */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(modules);
    }

    /** The direct children, in order; mirrors {@code children()}. */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /** This module and all below it, with dotted names ("" for this one); mirrors {@code named_modules()}. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collectModules(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) {
            return;
        }
        out.put(prefix, m);
        for (Map.Entry<String, Module> c : m.namedChildren().entrySet()) {
            collectModules(prefix.isEmpty() ? c.getKey() : prefix + "." + c.getKey(), c.getValue(), out, seen);
        }
    }

    /** This module and all below it; mirrors {@code modules()}. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** Every parameter, with dotted names, each shared one listed once; mirrors {@code named_parameters()}. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Parameter> p : m.getValue().ownParameters().entrySet()) {
                if (seen.add(p.getValue())) {
                    out.put(qualified(m.getKey(), p.getKey()), p.getValue());
                }
            }
        }
        return out;
    }

    /** Every parameter, in the order of {@link #namedParameters()}; mirrors {@code parameters()}. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Every buffer; mirrors {@code buffers()}. */
    public List<Tensor> buffers() {
        return buffers(true);
    }

    /**
     * This module's buffers, and with {@code recurse} its descendants' too; mirrors
     * {@code buffers(recurse=...)}.
     */
    public List<Tensor> buffers(boolean recurse) {
        return recurse ? new ArrayList<>(namedBuffers().values()) : new ArrayList<>(ownBuffers().values());
    }

    /** Every buffer with dotted names; mirrors {@code named_buffers()}. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, Tensor> b : m.getValue().ownBuffers().entrySet()) {
                out.put(qualified(m.getKey(), b.getKey()), b.getValue());
            }
        }
        return out;
    }

    /** This module's own parameters, not its children's. Script modules override this to read libtorch's slots. */
    protected Map<String, Parameter> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** This module's own buffers, not its children's. */
    protected Map<String, Tensor> ownBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Whether this module's own buffer {@code name} belongs in the state dict. */
    protected boolean isPersistentBuffer(String name) {
        return !nonPersistentBuffers.contains(name);
    }

    private static String qualified(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /**
     * This module's direct child called {@code name}. Composite modules read their children
     * through it in {@code forward} instead of keeping them in fields, so that replacing a child
     * ({@code registerModule(name, m)}, {@code setSubmodule}) changes forward, parameters, state
     * dict and printing at once, as assigning {@code model.fc = ...} does in PyTorch.
     *
     * @throws IllegalStateException when there is no such child
     */
    protected final Module child(String name) {
        Module m = modules.get(name);
        if (m == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no child '" + name + "' (children: " + modules.keySet()
                    + ")");
        }
        return m;
    }

    /**
     * The submodule at a dotted path such as {@code "features.3"} or {@code "layer4.1.conv2"};
     * mirrors {@code get_submodule}. The empty path is this module.
     *
     * @throws IllegalArgumentException naming the part of the path that does not exist
     */
    public Module getSubmodule(String path) {
        if (path.isEmpty()) {
            return this;
        }
        Module m = this;
        StringBuilder walked = new StringBuilder();
        for (String part : path.split("\\.", -1)) {
            Module next = m.namedChildren().get(part);
            if (next == null) {
                throw new IllegalArgumentException(m.getClass().getSimpleName() + (walked.length() == 0 ? "" : " at '" + walked + "'")
                        + " has no submodule '" + part + "' (children: " + m.namedChildren().keySet() + ")");
            }
            walked.append(walked.length() == 0 ? "" : ".").append(part);
            m = next;
        }
        return m;
    }

    /** Calls {@code fn} on every submodule, then on this one; mirrors {@code apply(fn)}. Returns this. */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children()) {
            c.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** Sets training mode here and below; mirrors {@code train(mode)}. Returns this. */
    public Module train(boolean mode) {
        for (Module m : modules()) {
            m.setTrainingFlag(mode);
        }
        return this;
    }

    /** Sets this module's own training flag; modules backed by native ones forward it there. */
    protected void setTrainingFlag(boolean mode) {
        training = mode;
    }

    /** Training mode; mirrors {@code train()}. Returns this. */
    public Module train() {
        return train(true);
    }

    /** Evaluation mode (dropout off, batch norm on running statistics); mirrors {@code eval()}. Returns this. */
    public Module eval() {
        return train(false);
    }

    /** Whether this module is in training mode; mirrors {@code module.training}. */
    public boolean isTraining() {
        return training;
    }

    /** Sets {@code requiresGrad} on every parameter; mirrors {@code requires_grad_(flag)}. Returns this. */
    public Module requiresGrad(boolean requiresGrad) {
        for (Parameter p : parameters()) {
            p.requiresGrad(requiresGrad);
        }
        return this;
    }

    /** Drops every parameter's gradient; mirrors {@code zero_grad()} (set_to_none=True, PyTorch's default). */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.clearGrad();
        }
    }

    // ---------------------------------------------------------------- devices and dtypes

    /** Moves every parameter and buffer to {@code device} in place; mirrors {@code to(device)}. Returns this. */
    public Module to(Device device) {
        return applyToData(t -> t.to(device));
    }

    /** Converts every floating-point parameter and buffer to {@code dtype} in place; mirrors {@code to(dtype)}. Returns this. */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to(dtype) takes a floating-point dtype, got " + dtype);
        }
        return applyToData(t -> t.dtype().isFloatingPoint() ? t.to(dtype) : t);
    }

    /** Replaces the data of every parameter and buffer with {@code fn(data)}, keeping the objects. */
    protected Module applyToData(UnaryOperator<Tensor> fn) {
        Map<String, Tensor> targets = new LinkedHashMap<>(namedParameters());
        targets.putAll(namedBuffers());
        for (Map.Entry<String, Tensor> t : targets.entrySet()) {
            Tensor converted = fn.apply(t.getValue().detach());
            try {
                t.getValue().raw().set_data(converted.raw());
            } catch (RuntimeException e) {
                // libtorch swaps data in place only between compatible tensor types (not from cpu to meta)
                throw io.jtorch.internal.Errors.withContext(e, getClass().getSimpleName() + ": cannot convert '" + t.getKey()
                        + "' in place from " + t.getValue().device() + " " + t.getValue().dtype() + " to " + converted.device() + " "
                        + converted.dtype());
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * Parameters and persistent buffers by dotted name, as tensors detached from autograd that
     * share the module's memory; mirrors {@code state_dict()}.
     */
    public Map<String, Tensor> stateDict() {
        return StateDicts.stateDict(this);
    }

    /**
     * Copies values from {@code stateDict} into this module's parameters and buffers; mirrors
     * {@code load_state_dict(state_dict, strict)}. A key whose shape differs is an error.
     *
     * @throws IllegalArgumentException listing missing and unexpected keys (when strict) and shape mismatches
     */
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict) {
        return StateDicts.load(this, stateDict, strict, false);
    }

    /**
     * Like {@link #loadStateDict(Map, boolean)}, but with {@code skipMismatchedShapes} a key whose
     * shape differs is skipped and reported instead of failing: a checkpoint with a 1000-class head
     * loads into a 10-class model, everything but the head restored.
     */
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict,
                                                     boolean skipMismatchedShapes) {
        return StateDicts.load(this, stateDict, strict, skipMismatchedShapes);
    }

    // ---------------------------------------------------------------- printing

    /** The text inside this module's parentheses when printed, e.g. {@code in_features=4, out_features=2, bias=True}. */
    public String extraRepr() {
        return "";
    }

    /** The name printed for this module; its class name by default. */
    protected String reprName() {
        return getClass().getSimpleName();
    }

    /** PyTorch's rendering of the module tree. */
    @Override
    public String toString() {
        Map<String, Module> children = namedChildren();
        String extra = extraRepr();
        if (children.isEmpty()) {
            return reprName() + "(" + extra + ")";
        }
        StringBuilder s = new StringBuilder(reprName()).append("(\n");
        if (!extra.isEmpty()) {
            s.append("  ").append(extra.replace("\n", "\n  ")).append('\n');
        }
        for (Map.Entry<String, Module> c : children.entrySet()) {
            s.append("  (").append(c.getKey()).append("): ").append(c.getValue().toString().replace("\n", "\n  ")).append('\n');
        }
        return s.append(')').toString();
    }
}
