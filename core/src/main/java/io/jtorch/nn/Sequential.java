package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules applied one after another, held like a list. Mirrors {@code torch.nn.Sequential}.
 *
 * <p>Indexing follows Python: {@code model[i]} is {@link #get(int)} (negative {@code i} counts
 * from the end), {@code model[i] = m} is {@link #set(int, Module)}, {@code model[a:b]} is
 * {@link #slice(int, int)}, {@code del model[i]} is {@link #remove(int)}. Children are named
 * {@code "0"}, {@code "1"}, ... by position and renumbered after an insertion or removal, as in
 * PyTorch. Changes take effect at once in {@code forward}, {@code parameters()},
 * {@code stateDict()} and {@code toString()}.
 */
public class Sequential extends Module implements Iterable<Module> {
    private final List<Module> layers = new ArrayList<>();

    /** A sequence of the given modules, in order. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** A sequence of the given modules, in order. */
    public Sequential(List<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
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

    /** The number of modules; mirrors {@code len(model)}. */
    public int size() {
        return layers.size();
    }

    /** Whether there are no modules. */
    public boolean isEmpty() {
        return layers.isEmpty();
    }

    /** The module at {@code index}, negative counting from the end; mirrors {@code model[index]}. */
    public Module get(int index) {
        return layers.get(normalize(index));
    }

    /**
     * The module at {@code index}, checked to be a {@code type}: {@code model.get(-1, Linear.class)}.
     *
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

    /** Replaces the module at {@code index}; mirrors {@code model[index] = module}. Returns the old one. */
    public Module set(int index, Module module) {
        checkModule(module);
        return layers.set(normalize(index), module);
    }

    /**
     * A new {@code Sequential} holding the same module objects from {@code from} (inclusive) to
     * {@code to} (exclusive); mirrors {@code model[from:to]}. Bounds follow Python: negative values
     * count from the end, values past the end are clamped, and an empty range gives an empty
     * sequence.
     */
    public Sequential slice(int from, int to) {
        int n = layers.size();
        int a = clamp(from < 0 ? from + n : from, n);
        int b = clamp(to < 0 ? to + n : to, n);
        return new Sequential(a < b ? layers.subList(a, b) : List.of());
    }

    /** {@code model[from:]}. */
    public Sequential slice(int from) {
        return slice(from, layers.size());
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(i, n));
    }

    /** Adds a module at the end; mirrors {@code append}. Returns this. */
    public Sequential append(Module module) {
        checkModule(module);
        layers.add(module);
        return this;
    }

    /** Adds modules at the end; mirrors {@code extend}. Returns this. */
    public Sequential extend(Iterable<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /**
     * Inserts a module before {@code index}; mirrors {@code insert(index, module)}: {@code index}
     * may be {@code size()} (append) or negative.
     */
    public Sequential insert(int index, Module module) {
        checkModule(module);
        int n = layers.size();
        if (index < -n || index > n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for insert into Sequential of size " + n);
        }
        layers.add(index < 0 ? index + n : index, module);
        return this;
    }

    /** Removes and returns the module at {@code index}; mirrors {@code del model[index]} and {@code pop(index)}. */
    public Module remove(int index) {
        return layers.remove(normalize(index));
    }

    /** Removes and returns the module at {@code index}; mirrors {@code pop(index)}. */
    public Module pop(int index) {
        return remove(index);
    }

    /** Removes and returns the last module; mirrors {@code pop(-1)}. */
    public Module pop() {
        return remove(-1);
    }

    /** The modules in order; changes to the sequence are not reflected in the returned list. */
    public List<Module> toList() {
        return new ArrayList<>(layers);
    }

    /** The modules in order, read-only: change the sequence with {@link #remove(int)} and the other list methods. */
    @Override
    public Iterator<Module> iterator() {
        Iterator<Module> it = new ArrayList<>(layers).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Module next() {
                return it.next();
            }

            @Override
            public void remove() {
                throw new UnsupportedOperationException("a Sequential's iterator is read-only; use Sequential.remove(index)");
            }
        };
    }

    @Override
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            out.put(Integer.toString(i), layers.get(i));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Sequential children are positional: use {@link #append} or {@link #set} instead. */
    @Override
    public <M extends Module> M registerModule(String name, M module) {
        throw new UnsupportedOperationException("Sequential children are positional: use append, insert or set");
    }

    private int normalize(int index) {
        int n = layers.size();
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for Sequential of size " + n);
        }
        return index < 0 ? index + n : index;
    }

    private void checkModule(Module module) {
        if (module == null) {
            throw new NullPointerException("module");
        }
        if (module == this) {
            throw new IllegalArgumentException("a Sequential cannot contain itself");
        }
        checkNotAncestor(module);
    }
}
