package io.jtorch.nn;

import io.jtorch.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Modules by name, in insertion order, registered so that their parameters and state dict keys
 * ({@code heads.cls.weight}) belong to the module holding the dictionary. Mirrors
 * {@code torch.nn.ModuleDict}.
 *
 * <p>{@code d[key]} is {@link #get(String)}, {@code d[key] = m} is {@link #put(String, Module)}
 * (a new key goes last, an existing one keeps its place), {@code d.pop(key)} is
 * {@link #pop(String)}. A ModuleDict has no {@code forward}.
 */
public class ModuleDict extends Module {
    /** An empty dictionary. */
    public ModuleDict() {}

    /**
     * A dictionary of the given modules in the map's iteration order; mirrors {@code
     * nn.ModuleDict(dict)}.
     *
     * @param modules the modules by key, in the map's order
     */
    public ModuleDict(Map<String, ? extends Module> modules) {
        update(modules);
    }

    /**
     * Always throws: a ModuleDict is a container, not a layer; mirrors the NotImplementedError of
     * calling one in PyTorch.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("ModuleDict has no forward: call its modules (dict.get(key).forward(x)) in the forward "
                + "of the module that holds it");
    }

    /**
     * {@return the module under {@code key}; mirrors {@code d[key]}}
     *
     * @param key the key
     * @throws java.util.NoSuchElementException naming the key and the keys there are (Python's KeyError)
     */
    public Module get(String key) {
        Module m = ownModules().get(key);
        if (m == null) {
            throw new java.util.NoSuchElementException("ModuleDict has no key '" + key + "' (keys: " + keys() + ")");
        }
        return m;
    }

    /**
     * {@return the module under {@code key}, checked to be a {@code type}}
     *
     * @param key the key
     * @param type the class the module must be
     * @param <T> the expected type
     * @throws ClassCastException naming the key and both types when it is not
     */
    public <T extends Module> T get(String key, Class<T> type) {
        Module m = get(key);
        if (!type.isInstance(m)) {
            throw new ClassCastException("ModuleDict['" + key + "'] is " + m.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(m);
    }

    /**
     * Adds or replaces the module under {@code key}; mirrors {@code d[key] = module}. Returns this.
     *
     * @param key the key
     * @param module the module
     * @return this, for chaining
     */
    public ModuleDict put(String key, Module module) {
        if (module == null) {
            throw new NullPointerException("module");
        }
        registerModule(key, module);
        return this;
    }

    /**
     * {@return whether {@code key} is present; mirrors {@code key in d}}
     *
     * @param key the key
     */
    public boolean containsKey(String key) {
        return ownModules().containsKey(key);
    }

    /**
     * Removes and returns the module under {@code key}; mirrors {@code pop(key)}.
     *
     * @param key the key
     * @return the module that was under {@code key}
     */
    public Module pop(String key) {
        Module m = get(key);
        registerModule(key, null);
        return m;
    }

    /**
     * Puts every entry of {@code modules}, in its order; mirrors {@code update(...)}. Returns this.
     *
     * @param modules the modules by key, in the map's order
     * @return this, for chaining
     */
    public ModuleDict update(Map<String, ? extends Module> modules) {
        for (Map.Entry<String, ? extends Module> e : modules.entrySet()) {
            put(e.getKey(), e.getValue());
        }
        return this;
    }

    /** Removes every module; mirrors {@code clear()}. */
    public void clear() {
        replaceChildren(Map.of());
    }

    /** {@return the number of modules; mirrors {@code len(d)}} */
    public int size() {
        return ownModules().size();
    }

    /** {@return the keys in insertion order; mirrors {@code keys()}} */
    public List<String> keys() {
        return new ArrayList<>(ownModules().keySet());
    }

    /** {@return the modules in insertion order; mirrors {@code values()}} */
    public List<Module> values() {
        return new ArrayList<>(ownModules().values());
    }

    /**
     * {@return the entries in insertion order, as a read-only view of a copy; mirrors {@code
     * items()}}
     */
    public Set<Map.Entry<String, Module>> items() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ownModules())).entrySet();
    }

    /** An independent copy; see {@link Module#deepCopy()}. */
    @Override
    public ModuleDict deepCopy() {
        return (ModuleDict) super.deepCopy();
    }
}
