package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules applied one after another, held like a list. Mirrors {@code torch.nn.Sequential}.
 *
 * <p>Indexing follows Python: {@code model[i]} is {@link #get(int)} (negative {@code i} counts
 * from the end), {@code model[i] = m} is {@link #set(int, Module)}, {@code model[a:b]} is
 * {@link #slice(int, int)} and {@code model[a:b:step]} is {@link #slice(Integer, Integer, int)},
 * {@code del model[i]} is {@link #remove(int)}, {@code a + b} is {@link #plus(Sequential)}.
 * Children are named {@code "0"}, {@code "1"}, ... by position, or by the names of a
 * {@link #Sequential(LinkedHashMap)} ({@code nn.Sequential(OrderedDict(...))}) or
 * {@link #addModule(String, Module)}; as in PyTorch a slice keeps the names, and a removal or
 * insertion renumbers every child by position. Changes take effect at once in {@code forward},
 * {@code parameters()}, {@code stateDict()} and {@code toString()}.
 */
public class Sequential extends Module implements Iterable<Module> {
    /**
     * A sequence of the given modules, in order, named "0", "1", ....
     *
     * @param modules the modules, in order
     */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /**
     * A sequence of the given modules, in order, named "0", "1", ....
     *
     * @param modules the modules, in order
     */
    public Sequential(List<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /**
     * A sequence of named modules in the map's order; mirrors
     * {@code nn.Sequential(OrderedDict([("conv", ...), ("relu", ...)]))}: the names are the
     * state dict's prefixes ({@code conv.weight}), and indexing by position still works.
     *
     * @param modules the modules, in order
     */
    public Sequential(LinkedHashMap<String, ? extends Module> modules) {
        for (Map.Entry<String, ? extends Module> e : modules.entrySet()) {
            registerModule(e.getKey(), checkModule(e.getValue()));
        }
    }

    /**
     * Passes {@code input} through every module in order.
     *
     * @throws IllegalStateException if the sequence is empty
     * @throws RuntimeException of the failing layer's kind, its message prefixed with {@code Sequential[i]}
     */
    @Override
    public Tensor forward(Tensor input) {
        List<Module> layers = toList();
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential is empty: append modules before calling forward");
        }
        Tensor x = input;
        int i = 0;
        try {
            for (; i < layers.size(); i++) {
                x = layers.get(i).forward(x);
            }
        } catch (RuntimeException e) {
            throw Errors.withContext(e, "Sequential[" + i + "]");
        }
        return x;
    }

    /** {@return the number of modules; mirrors {@code len(model)}} */
    public int size() {
        return ownModules().size();
    }

    /** {@return whether there are no modules} */
    public boolean isEmpty() {
        return ownModules().isEmpty();
    }

    /**
     * {@return the module at {@code index}, negative counting from the end; mirrors {@code
     * model[index]}}
     *
     * @param index the position; negative counts from the end
     */
    public Module get(int index) {
        return toList().get(normalize(index));
    }

    /**
     * {@return the module at {@code index}, checked to be a {@code type}: {@code model.get(-1, Linear.class)}}
     *
     * @param index the position; negative counts from the end
     * @param type the class the module must be
     * @param <T> the expected type
     * @throws ClassCastException naming the index and both types when it is not
     */
    public <T extends Module> T get(int index, Class<T> type) {
        Module m = get(index);
        if (!type.isInstance(m)) {
            throw new ClassCastException("Sequential[" + index + "] is " + m.getClass().getSimpleName() + " (" + m
                    + "), not " + type.getSimpleName());
        }
        return type.cast(m);
    }

    /**
     * Replaces the module at {@code index}, keeping its name; mirrors {@code model[index] =
     * module}. Returns the old one.
     *
     * @param index the position; negative counts from the end
     * @param module the module
     * @return the module that was there before
     */
    public Module set(int index, Module module) {
        checkModule(module);
        String key = keys().get(normalize(index));
        Module old = ownModules().get(key);
        registerModule(key, module);
        return old;
    }

    /**
     * {@return a new {@code Sequential} holding the same module objects from {@code from} (inclusive) to
     * {@code to} (exclusive), under the same names; mirrors {@code model[from:to]}} Bounds follow
     * Python: negative values count from the end, values past the end are clamped, and an empty
     * range gives an empty sequence.
     *
     * @param from the first position, included
     * @param to the last position, excluded
     */
    public Sequential slice(int from, int to) {
        return slice(from, to, 1);
    }

    /**
     * {@return {@code model[from:]}}
     *
     * @param from the first position, included
     */
    public Sequential slice(int from) {
        return slice(from, null, 1);
    }

    /**
     * {@return {@code model[start:stop:step]}, {@code null} for an omitted bound: {@code slice(null, null, -1)}
     * is {@code model[::-1]}, the modules in reverse order} Names are kept, as in PyTorch.
     *
     * @param start the first position, or {@code null} for the start (the end with a negative step)
     * @param stop the position to stop before, or {@code null} for the end
     * @param step the stride, not 0; negative walks backwards
     * @throws IllegalArgumentException when {@code step} is 0
     */
    public Sequential slice(Integer start, Integer stop, int step) {
        List<Map.Entry<String, Module>> entries = new ArrayList<>(ownModules().entrySet());
        LinkedHashMap<String, Module> picked = new LinkedHashMap<>();
        for (int i : Indices.slice(start, stop, step, entries.size())) {
            picked.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
        return new Sequential(picked);
    }

    /**
     * Adds a module at the end under the name {@code str(len(model))}; mirrors {@code append}.
     * Returns this.
     *
     * @param module the module
     * @return this, for chaining
     * @throws IllegalStateException when a child already has that name (a named or sliced
     *     sequence), where PyTorch would silently replace it
     */
    public Sequential append(Module module) {
        checkModule(module);
        String key = Integer.toString(size());
        if (ownModules().containsKey(key)) {
            throw new IllegalStateException("cannot append to a Sequential whose children are named " + keys() + ": the new child's name '"
                    + key + "' is taken; renumber it first with new Sequential(model.toList())");
        }
        registerModule(key, module);
        return this;
    }

    /**
     * Adds modules at the end; mirrors {@code extend} and {@code model += other}. Returns this.
     *
     * @param modules the modules, in order
     * @return this, for chaining
     */
    public Sequential extend(Iterable<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /**
     * {@return a new sequence of this one's modules then {@code other}'s, named by position;
     * mirrors {@code a + b}}
     *
     * @param other the sequence whose modules follow
     */
    public Sequential plus(Sequential other) {
        List<Module> all = toList();
        all.addAll(other.toList());
        return new Sequential(all);
    }

    /**
     * Inserts a module before {@code index}; mirrors {@code insert(index, module)}: {@code index}
     * may be {@code size()} (append) or negative. Children are renumbered by position.
     *
     * @param index the position; negative counts from the end
     * @param module the module
     * @return this {@code Sequential}, for chaining
     */
    public Sequential insert(int index, Module module) {
        checkModule(module);
        int n = size();
        if (index < -n || index > n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for insert into Sequential of size " + n);
        }
        List<Module> layers = toList();
        layers.add(index < 0 ? index + n : index, module);
        renumber(layers);
        return this;
    }

    /**
     * Removes and returns the module at {@code index}, renumbering the rest by position as PyTorch
     * does; mirrors {@code del model[index]}.
     *
     * @param index the position; negative counts from the end
     * @return the module that was there
     */
    public Module remove(int index) {
        List<Module> layers = toList();
        Module old = layers.remove(normalize(index));
        renumber(layers);
        return old;
    }

    /**
     * Removes and returns the module at {@code index}; mirrors {@code pop(index)}.
     *
     * @param index the position; negative counts from the end
     * @return the module that was there
     */
    public Module pop(int index) {
        return remove(index);
    }

    /**
     * Removes and returns the last module; mirrors {@code pop(-1)}.
     *
     * @return the module that was there
     */
    public Module pop() {
        return remove(-1);
    }

    /**
     * {@return the modules in order; changes to the sequence are not reflected in the returned
     * list}
     */
    public List<Module> toList() {
        return new ArrayList<>(ownModules().values());
    }

    /** The modules in order, read-only: change the sequence with {@link #remove(int)} and the other list methods. */
    @Override
    public Iterator<Module> iterator() {
        return Indices.readOnly(toList(), "Sequential");
    }

    /** An independent copy; see {@link Module#deepCopy()}. */
    @Override
    public Sequential deepCopy() {
        return (Sequential) super.deepCopy();
    }

    private List<String> keys() {
        return new ArrayList<>(ownModules().keySet());
    }

    private void renumber(List<Module> layers) {
        LinkedHashMap<String, Module> next = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            next.put(Integer.toString(i), layers.get(i));
        }
        replaceChildren(next);
    }

    private int normalize(int index) {
        return Indices.normalize(index, size(), "Sequential");
    }

    private Module checkModule(Module module) {
        if (module == null) {
            throw new NullPointerException("module");
        }
        if (module == this) {
            throw new IllegalArgumentException("a Sequential cannot contain itself");
        }
        checkNotAncestor(module);
        return module;
    }
}
