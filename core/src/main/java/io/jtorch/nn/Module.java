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
 * <p>A model of your own registers its layers by name in the constructor and reads them back with
 * {@link #child(String)} in {@code forward}, without fields, so that replacing one later (the
 * Python line {@code model.fc = nn.Linear(512, 10)}) is one call that changes forward,
 * {@link #parameters()}, {@link #stateDict()} and printing at once:
 * <pre>{@code
 * class Net extends Module {
 *     Net() {
 *         registerModule("features", new Sequential(new Conv2d(3, 8, 3), new ReLU(), new Flatten()));
 *         registerModule("fc", new Linear(8 * 30 * 30, 1000));
 *     }
 *
 *     public Tensor forward(Tensor x) {
 *         return child("fc").forward(child("features").forward(x));
 *     }
 * }
 *
 * Net model = new Net();
 * model.setSubmodule("fc", new Linear(8 * 30 * 30, 10));   // model.fc = nn.Linear(..., 10)
 * model.getSubmodule("fc", Linear.class).inFeatures();    // model.fc.in_features
 * }</pre>
 * A field that keeps a layer ({@code this.fc = registerModule("fc", ...)}) would go on using the
 * old layer in {@code forward} after such a replacement.
 *
 * <p>In a file that imports {@code io.jtorch.nn.*}, {@code Module} is ambiguous with
 * {@code java.lang.Module}: import it by name as well, {@code import io.jtorch.nn.Module;}.
 *
 * <p>Modules are not thread-safe for training. Inference ({@code forward} in eval mode under
 * {@link io.jtorch.Torch#noGrad()}) may run on one module from several threads at once.
 */
public abstract class Module implements Cloneable {
    // Not final: deepCopy gives each copy maps of its own.
    private Map<String, Parameter> parameters = new LinkedHashMap<>();
    private Map<String, Tensor> buffers = new LinkedHashMap<>();
    private Set<String> nonPersistentBuffers = new HashSet<>();
    private Map<String, Module> modules = new LinkedHashMap<>();
    private boolean training = true;

    /**
     * Computes the module's output for {@code input}; mirrors {@code forward(input)}, which
     * {@code module(input)} calls in PyTorch.
     *
     * @param input the batch, of the shape the subclass documents (PyTorch's, batch first)
     * @return the module's output for that batch
     */
    public abstract Tensor forward(Tensor input);

    // ---------------------------------------------------------------- registration

    /**
     * Adds (or replaces, or with {@code null} removes) a parameter; mirrors {@code
     * register_parameter}. Returns it.
     *
     * @param name the name, without dots
     * @param parameter the parameter, or {@code null} to remove it
     * @param <P> the parameter's type, returned as given
     * @return {@code parameter}
     */
    public <P extends Parameter> P registerParameter(String name, P parameter) {
        checkName(name);
        checkFree(name, "parameter", parameters);
        if (parameter == null) {
            parameters.remove(name);
        } else {
            parameters.put(name, parameter);
        }
        return parameter;
    }

    /**
     * Adds a persistent buffer (saved in the state dict); mirrors {@code register_buffer}. Returns
     * it.
     *
     * @param name the name, without dots
     * @param buffer the tensor, or {@code null} to remove the buffer
     * @return {@code buffer}
     */
    public Tensor registerBuffer(String name, Tensor buffer) {
        return registerBuffer(name, buffer, true);
    }

    /**
     * Adds a buffer, persistent or not; mirrors {@code register_buffer(name, tensor, persistent)}.
     * Returns it.
     *
     * @param name the name, without dots
     * @param buffer the tensor, or {@code null} to remove the buffer
     * @param persistent whether the buffer is saved in the state dict
     * @return {@code buffer}
     */
    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName(name);
        checkFree(name, "buffer", buffers);
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

    /**
     * Adds a child module, or replaces the child of that name in its place, or with {@code null}
     * removes it; mirrors {@code register_module} and {@code model.name = module}. Forward (when
     * it reads children with {@link #child(String)}), parameters, state dict and printing all see
     * the new child at once. Returns it.
     *
     * @param name the name, without dots
     * @param module the child, or {@code null} to remove it
     * @param <M> the module's type, returned as given
     * @return {@code module}
     * @throws IllegalArgumentException when the name is taken by a parameter or buffer, or the
     *     module holds this one
     */
    public <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        checkFree(name, "module", modules);
        if (module == null) {
            modules.remove(name);
        } else {
            checkNotAncestor(module);
            modules.put(name, module);
        }
        return module;
    }

    /**
     * {@link #registerModule}; mirrors {@code add_module(name, module)}. Returns the module.
     *
     * @param name the name, without dots
     * @param module the child module
     * @param <M> the module's type, returned as given
     * @return {@code module}
     */
    public <M extends Module> M addModule(String name, M module) {
        return registerModule(name, module);
    }

    /** Replaces all children at once, in the given order (containers renumber with it). */
    void replaceChildren(Map<String, ? extends Module> children) {
        Map<String, Module> next = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Module> c : children.entrySet()) {
            checkName(c.getKey());
            checkNotAncestor(c.getValue());
            next.put(c.getKey(), c.getValue());
        }
        modules = next;
    }

    /** Throws when {@code name} is already one of this module's members of another kind. */
    private void checkFree(String name, String kind, Map<String, ?> own) {
        if (own.containsKey(name)) {
            return;
        }
        String taken = parameters.containsKey(name) ? "parameter" : buffers.containsKey(name) ? "buffer"
                : modules.containsKey(name) ? "module" : null;
        if (taken != null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " already has a " + taken + " called '" + name
                    + "': cannot register a " + kind + " under that name");
        }
    }

    /**
     * Throws unless {@code child} can be placed under this module: a module that is this one or
     * holds it would make the tree a cycle, and forward, printing and traversal would never end.
     *
     * @param child the module about to be placed under this one
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

    /**
     * {@return this module's own parameter called {@code name} (not a child's), or {@code null}}
     *
     * @param name the name, without dots
     */
    public Parameter parameter(String name) {
        return ownParameters().get(name);
    }

    /**
     * {@return this module's own buffer called {@code name}, or {@code null}}
     *
     * @param name the name, without dots
     */
    public Tensor buffer(String name) {
        return ownBuffers().get(name);
    }

    // ---------------------------------------------------------------- traversal

    /**
     * {@return the direct children with their names, in order, a module registered under two names listed
     * once (under the first); mirrors {@code named_children()}}
     */
    public Map<String, Module> namedChildren() {
        return namedChildren(true);
    }

    /**
     * {@return the direct children with their names; with {@code removeDuplicate} false, a module
     * registered under two names appears under both, as in {@code model._modules}, the view that
     * {@code forward}, printing and the state dict use}
     *
     * @param removeDuplicate whether an object reached by several names is listed once (PyTorch's
     *     default true)
     */
    public Map<String, Module> namedChildren(boolean removeDuplicate) {
        return removeDuplicate ? ModuleTree.unique(ownModules()) : Collections.unmodifiableMap(ownModules());
    }

    /** {@return the direct children, in order, each once; mirrors {@code children()}} */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /**
     * {@return this module and all below it, with dotted names ("" for this one), each module once;
     * mirrors {@code named_modules()}}
     */
    public Map<String, Module> namedModules() {
        return namedModules(true);
    }

    /**
     * {@return this module and all below it; with {@code removeDuplicate} false a module reached by two
     * paths is listed under both; mirrors {@code named_modules(remove_duplicate=...)}}
     *
     * @param removeDuplicate whether an object reached by several names is listed once (PyTorch's
     *     default true)
     */
    public Map<String, Module> namedModules(boolean removeDuplicate) {
        return ModuleTree.modules(this, removeDuplicate);
    }

    /** {@return this module and all below it, each once; mirrors {@code modules()}} */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /**
     * {@return every parameter, with dotted names, each shared one listed once; mirrors {@code
     * named_parameters()}}
     */
    public Map<String, Parameter> namedParameters() {
        return namedParameters(true);
    }

    /**
     * {@return every parameter with dotted names; with {@code removeDuplicate} false a parameter reached by
     * two names is listed under both; mirrors {@code named_parameters(remove_duplicate=...)}}
     *
     * @param removeDuplicate whether an object reached by several names is listed once (PyTorch's
     *     default true)
     */
    public Map<String, Parameter> namedParameters(boolean removeDuplicate) {
        return ModuleTree.members(this, true, removeDuplicate, Module::ownParameters);
    }

    /**
     * {@return every parameter, in the order of {@link #namedParameters()}; mirrors {@code
     * parameters()}}
     */
    public List<Parameter> parameters() {
        return parameters(true);
    }

    /**
     * With {@code recurse} every parameter, else only this module's own; mirrors
     * {@code parameters(recurse=...)}.
     *
     * @param recurse whether descendants' are included
     * @return the parameters, in the order of {@link #namedParameters()}
     */
    public List<Parameter> parameters(boolean recurse) {
        return new ArrayList<>(ModuleTree.members(this, recurse, true, Module::ownParameters).values());
    }

    /** {@return every buffer; mirrors {@code buffers()}} */
    public List<Tensor> buffers() {
        return buffers(true);
    }

    /**
     * {@return this module's buffers, and with {@code recurse} its descendants' too; mirrors
     * {@code buffers(recurse=...)}}
     *
     * @param recurse whether descendants' are included
     */
    public List<Tensor> buffers(boolean recurse) {
        return new ArrayList<>(ModuleTree.members(this, recurse, true, Module::ownBuffers).values());
    }

    /**
     * {@return every buffer with dotted names, each tensor once; mirrors {@code named_buffers()}}
     */
    public Map<String, Tensor> namedBuffers() {
        return namedBuffers(true);
    }

    /**
     * {@return every buffer; with {@code removeDuplicate} false a tensor registered twice is listed
     * under both names}
     *
     * @param removeDuplicate whether an object reached by several names is listed once (PyTorch's
     *     default true)
     */
    public Map<String, Tensor> namedBuffers(boolean removeDuplicate) {
        return ModuleTree.members(this, true, removeDuplicate, Module::ownBuffers);
    }

    /**
     * {@return this module's own children by name, a module registered twice under both names}
     * Script modules override it.
     */
    protected Map<String, Module> ownModules() {
        return Collections.unmodifiableMap(modules);
    }

    /**
     * {@return this module's own parameters, not its children's} Script modules override this to
     * read libtorch's slots.
     */
    protected Map<String, Parameter> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** {@return this module's own buffers, not its children's} */
    protected Map<String, Tensor> ownBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /**
     * {@return whether this module's own buffer {@code name} belongs in the state dict}
     *
     * @param name the name, without dots
     */
    protected boolean isPersistentBuffer(String name) {
        return !nonPersistentBuffers.contains(name);
    }

    /**
     * {@return this module's direct child called {@code name}} Composite modules read their children
     * through it in {@code forward} instead of keeping them in fields, so that replacing a child
     * ({@code registerModule(name, m)}, {@code setSubmodule}) changes forward, parameters, state
     * dict and printing at once, as assigning {@code model.fc = ...} does in PyTorch.
     *
     * @param name the name, without dots
     * @throws IllegalStateException when there is no such child
     */
    protected final Module child(String name) {
        Map<String, Module> own = ownModules();
        Module m = own.get(name);
        if (m == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no child '" + name + "' (children: " + own.keySet()
                    + ")");
        }
        return m;
    }

    /**
     * {@return the submodule at a dotted path such as {@code "features.3"} or {@code "layer4.1.conv2"};
     * mirrors {@code get_submodule}} The empty path is this module.
     *
     * @param path a dotted path such as {@code "layer1.0.conv1"}
     * @throws IllegalArgumentException naming the part of the path that does not exist
     */
    public Module getSubmodule(String path) {
        return ModuleTree.submodule(this, path);
    }

    /**
     * {@return the submodule at {@code path}, checked to be a {@code type}: {@code model.getSubmodule("fc",
     * Linear.class).inFeatures()} is {@code model.fc.in_features}}
     *
     * @param path a dotted path such as {@code "layer1.0.conv1"}
     * @param type the class the submodule must be
     * @param <M> the module's type, returned as given
     * @throws ClassCastException naming the path and both types when it is not
     */
    public <M extends Module> M getSubmodule(String path, Class<M> type) {
        Module m = getSubmodule(path);
        if (!type.isInstance(m)) {
            throw new ClassCastException("'" + path + "' is " + m.getClass().getSimpleName() + " (" + m + "), not "
                    + type.getSimpleName());
        }
        return type.cast(m);
    }

    /**
     * Puts {@code module} at a dotted path such as {@code "fc"} or {@code "layer4.1.conv2"},
     * replacing what is there (or adding it, when only the last name is new); mirrors
     * {@code set_submodule} and the assignment {@code model.layer4[1].conv2 = module}. Forward,
     * parameters, state dict and printing follow at once. On a TorchScript model see
     * {@link io.jtorch.jit.ScriptModule#registerModule}. Returns the module.
     *
     * @param path a dotted path such as {@code "layer1.0.conv1"}
     * @param module the child module
     * @param <M> the module's type, returned as given
     * @return {@code module}
     * @throws IllegalArgumentException naming the part of the path that does not exist
     */
    public <M extends Module> M setSubmodule(String path, M module) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("setSubmodule needs a non-empty path");
        }
        int dot = path.lastIndexOf('.');
        Module parent = dot < 0 ? this : getSubmodule(path.substring(0, dot));
        return parent.registerModule(path.substring(dot + 1), module);
    }

    /**
     * Calls {@code fn} on every submodule, then on this one; mirrors {@code apply(fn)}. Returns
     * this.
     *
     * @param fn the function, called on each module
     * @return this, for chaining
     */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children()) {
            c.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /**
     * Sets training mode here and below; mirrors {@code train(mode)}. Returns this.
     *
     * @param mode true for training mode, false for evaluation mode
     * @return this, for chaining
     */
    public Module train(boolean mode) {
        for (Module m : modules()) {
            m.setTrainingFlag(mode);
        }
        return this;
    }

    /**
     * Sets this module's own training flag; modules backed by native ones forward it there.
     *
     * @param mode true for training mode, false for evaluation mode
     */
    protected void setTrainingFlag(boolean mode) {
        training = mode;
    }

    /**
     * Training mode; mirrors {@code train()}. Returns this.
     *
     * @return this, for chaining
     */
    public Module train() {
        return train(true);
    }

    /**
     * Evaluation mode (dropout off, batch norm on running statistics); mirrors {@code eval()}.
     * Returns this.
     *
     * @return this, for chaining
     */
    public Module eval() {
        return train(false);
    }

    /** {@return whether this module is in training mode; mirrors {@code module.training}} */
    public boolean isTraining() {
        return training;
    }

    /**
     * Sets {@code requiresGrad} on every parameter; mirrors {@code requires_grad_(flag)}. Returns
     * this.
     *
     * @param requiresGrad the new {@code requires_grad} of every parameter
     * @return this, for chaining
     */
    public Module requiresGrad(boolean requiresGrad) {
        for (Parameter p : parameters()) {
            p.requiresGrad(requiresGrad);
        }
        return this;
    }

    /** Drops every parameter's gradient; mirrors {@code zero_grad()} (set_to_none=True, PyTorch's default). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * With {@code setToNone} drops every gradient, else fills each existing one with zeros in
     * place (the tensor a caller holds from {@code grad()} then reads zeros); mirrors
     * {@code zero_grad(set_to_none=...)}.
     *
     * @param setToNone whether gradients are dropped rather than zeroed (PyTorch's default true)
     */
    public void zeroGrad(boolean setToNone) {
        for (Parameter p : parameters()) {
            if (setToNone) {
                p.clearGrad();
            } else {
                Tensor g = p.grad();
                if (g != null) {
                    try (io.jtorch.NoGrad ng = io.jtorch.Torch.noGrad()) {
                        g.detach().zero_();
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- devices and dtypes

    /**
     * Moves every parameter and buffer to {@code device} in place; mirrors {@code to(device)}.
     * Returns this.
     *
     * @param device the device to move to
     * @return this, for chaining
     */
    public Module to(Device device) {
        return applyToData(t -> t.to(device));
    }

    /**
     * Converts every floating-point parameter and buffer to {@code dtype} in place; mirrors {@code
     * to(dtype)}. Returns this.
     *
     * @param dtype the floating-point type; integer buffers keep theirs
     * @return this, for chaining
     */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to(dtype) takes a floating-point dtype, got " + dtype);
        }
        return applyToData(t -> t.dtype().isFloatingPoint() ? t.to(dtype) : t);
    }

    /**
     * Converts floating-point parameters and buffers to float32 in place; mirrors {@code
     * module.float()}. Returns this.
     *
     * @return this, for chaining
     */
    public Module float_() {
        return to(DType.FLOAT32);
    }

    /**
     * Converts floating-point parameters and buffers to float64 in place; mirrors {@code
     * module.double()}. Returns this.
     *
     * @return this, for chaining
     */
    public Module double_() {
        return to(DType.FLOAT64);
    }

    /**
     * {@return an independent copy of this module and everything below it; mirrors
     * {@code copy.deepcopy(model)}} Parameters and buffers are new tensors with the same values
     * (parameters keep {@code requiresGrad}; gradients are not copied), children are copied, a
     * module or tensor shared within the tree stays shared in the copy, and the training flag is
     * kept. Fields of a subclass that hold a module or tensor of the tree are pointed at the
     * copy's; other fields are copied as they are. Training the copy leaves the original as it
     * was. Cast to the class you copied: {@code Net copy = (Net) model.deepCopy();}.
     */
    public Module deepCopy() {
        return deepCopy(new IdentityHashMap<>());
    }

    /**
     * {@return the step of {@link #deepCopy()} for this module, {@code memo} mapping each original module
     * and tensor already copied to its copy (PyTorch's {@code __deepcopy__(memo)})} Override it
     * in a module whose state is not in its registered parameters, buffers and children.
     *
     * @param memo the copies made so far, keyed by original, so that shared modules stay shared
     */
    protected Module deepCopy(Map<Object, Object> memo) {
        return ModuleCopy.deepCopy(this, memo);
    }

    /** The shallow clone deepCopy starts from, its maps refilled by {@code fill}. */
    final Module shallowCopy(java.util.function.BiConsumer<Module, Module> fill) {
        Module copy;
        try {
            copy = (Module) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
        copy.parameters = new LinkedHashMap<>();
        copy.buffers = new LinkedHashMap<>();
        copy.nonPersistentBuffers = new HashSet<>(nonPersistentBuffers);
        copy.modules = new LinkedHashMap<>();
        fill.accept(this, copy);
        return copy;
    }

    /** The maps deepCopy fills: parameters, buffers and children as registered. */
    final Map<String, Parameter> rawParameters() {
        return parameters;
    }

    final Map<String, Tensor> rawBuffers() {
        return buffers;
    }

    final Map<String, Module> rawModules() {
        return modules;
    }

    /**
     * Replaces the data of every parameter and buffer with {@code fn(data)}, keeping the objects.
     *
     * @param fn the conversion of each parameter's or buffer's data
     * @return this {@code Module}, for chaining
     */
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
     *
     * @return the parameters and persistent buffers by dotted name, in registration order
     */
    public Map<String, Tensor> stateDict() {
        return StateDicts.stateDict(this);
    }

    /**
     * Copies values from {@code stateDict} into this module's parameters and buffers; mirrors
     * {@code load_state_dict(state_dict, strict)}. A key whose shape differs is an error.
     *
     * @param stateDict the tensors by dotted name, as {@link #stateDict()} or PyTorch's
     *     {@code state_dict()} gives them
     * @param strict whether missing and unexpected keys are an error
     * @return the keys that were missing from {@code stateDict} and those it had in excess
     * @throws IllegalArgumentException listing missing and unexpected keys (when strict) and shape mismatches
     */
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict) {
        return StateDicts.load(this, stateDict, strict, false);
    }

    /**
     * Copies every value of {@code stateDict} into this module, strictly: mirrors
     * {@code load_state_dict(state_dict)}, whose {@code strict} is true by default.
     *
     * @param stateDict the tensors by dotted name, as {@link #stateDict()} or PyTorch's
     *     {@code state_dict()} gives them
     * @return the keys that were missing from {@code stateDict} and those it had in excess
     * @throws IllegalArgumentException listing missing and unexpected keys and shape mismatches
     */
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * {@return whether this module's own state key {@code name} may be absent from a state dict that is
     * loaded strictly, the module keeping its value: PyTorch's versioned loading accepts files
     * written before the key existed (batch norm's {@code num_batches_tracked})} None by default.
     *
     * @param name the key, relative to this module
     */
    protected boolean isOptionalStateKey(String name) {
        return false;
    }

    /**
     * Like {@link #loadStateDict(Map, boolean)}, but with {@code skipMismatchedShapes} a key whose
     * shape differs is skipped and reported instead of failing: a checkpoint with a 1000-class head
     * loads into a 10-class model, everything but the head restored.
     *
     * @param stateDict the tensors by dotted name, as {@link #stateDict()} or PyTorch's
     *     {@code state_dict()} gives them
     * @param strict whether missing and unexpected keys are an error
     * @param skipMismatchedShapes whether entries whose shape differs from the module's are left
     *     out instead of failing
     * @return the keys that were missing from {@code stateDict} and those it had in excess
     */
    public StateDicts.IncompatibleKeys loadStateDict(Map<String, ? extends Tensor> stateDict, boolean strict,
                                                     boolean skipMismatchedShapes) {
        return StateDicts.load(this, stateDict, strict, skipMismatchedShapes);
    }

    // ---------------------------------------------------------------- printing

    /**
     * {@return the text inside this module's parentheses when printed, e.g. {@code in_features=4,
     * out_features=2, bias=True}}
     */
    public String extraRepr() {
        return "";
    }

    /** {@return the name printed for this module; its class name by default} */
    protected String reprName() {
        return getClass().getSimpleName();
    }

    /** PyTorch's rendering of the module tree. */
    @Override
    public String toString() {
        Map<String, Module> children = ownModules();
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
