package io.jtorch.nn;

import io.jtorch.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A list of modules, registered so that their parameters, state dict keys ({@code blocks.0.weight})
 * and printing belong to the module holding the list. Mirrors {@code torch.nn.ModuleList}.
 *
 * <p>Children are named {@code "0"}, {@code "1"}, ... by position and renumbered after an
 * insertion or removal; a slice is a new list numbered from 0, as in PyTorch. A ModuleList has no
 * {@code forward}: the module holding it iterates over it in its own.
 * <pre>{@code
 * registerModule("blocks", new ModuleList(new Linear(8, 8), new Linear(8, 8)));
 * ...
 * for (Module block : (ModuleList) child("blocks")) x = block.forward(x);
 * }</pre>
 */
public class ModuleList extends Module implements Iterable<Module> {
    /**
     * A list of the given modules; mirrors {@code nn.ModuleList([...])}.
     *
     * @param modules the modules, in order
     */
    public ModuleList(Module... modules) {
        this(List.of(modules));
    }

    /**
     * A list of the given modules, in order.
     *
     * @param modules the modules, in order
     */
    public ModuleList(Iterable<? extends Module> modules) {
        extend(modules);
    }

    /**
     * Always throws: a ModuleList is a container, not a layer; mirrors the NotImplementedError of
     * calling one in PyTorch.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("ModuleList has no forward: iterate over it in the forward of the module that holds it "
                + "(for (Module m : list) x = m.forward(x)), or use a Sequential");
    }

    /** {@return the number of modules; mirrors {@code len(list)}} */
    public int size() {
        return ownModules().size();
    }

    /** {@return whether the list is empty} */
    public boolean isEmpty() {
        return ownModules().isEmpty();
    }

    /**
     * {@return the module at {@code index}, negative counting from the end; mirrors {@code
     * list[index]}}
     *
     * @param index the position; negative counts from the end
     */
    public Module get(int index) {
        return toList().get(Indices.normalize(index, size(), "ModuleList"));
    }

    /**
     * {@return the module at {@code index}, checked to be a {@code type}}
     *
     * @param index the position; negative counts from the end
     * @param type the class the module must be
     * @param <T> the expected type
     * @throws ClassCastException naming the index and both types when it is not
     */
    public <T extends Module> T get(int index, Class<T> type) {
        Module m = get(index);
        if (!type.isInstance(m)) {
            throw new ClassCastException("ModuleList[" + index + "] is " + m.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(m);
    }

    /**
     * Replaces the module at {@code index}; mirrors {@code list[index] = module}. Returns the old
     * one.
     *
     * @param index the position; negative counts from the end
     * @param module the module
     * @return the module that was there before
     */
    public Module set(int index, Module module) {
        checkModule(module);
        int i = Indices.normalize(index, size(), "ModuleList");
        Module old = get(i);
        registerModule(Integer.toString(i), module);
        return old;
    }

    /**
     * Adds a module at the end; mirrors {@code append}. Returns this.
     *
     * @param module the module
     * @return this, for chaining
     */
    public ModuleList append(Module module) {
        checkModule(module);
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /**
     * Adds modules at the end; mirrors {@code extend} and {@code list += other}. Returns this.
     *
     * @param modules the modules, in order
     * @return this, for chaining
     */
    public ModuleList extend(Iterable<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /**
     * Inserts a module before {@code index}, as Python's {@code list.insert}: negative counts from
     * the end, out of range goes to either end; mirrors {@code insert(index, module)}.
     *
     * @param index the position; negative counts from the end
     * @param module the module
     * @return this {@code ModuleList}, for chaining
     */
    public ModuleList insert(int index, Module module) {
        checkModule(module);
        List<Module> all = toList();
        all.add(Indices.insertion(index, all.size()), module);
        renumber(all);
        return this;
    }

    /**
     * Removes and returns the module at {@code index}, renumbering the rest; mirrors {@code del
     * list[index]}.
     *
     * @param index the position; negative counts from the end
     * @return the module that was there
     */
    public Module remove(int index) {
        List<Module> all = toList();
        Module old = all.remove(Indices.normalize(index, all.size(), "ModuleList"));
        renumber(all);
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
     * {@return {@code list[from:to]}: a new list of the same module objects, numbered from 0}
     *
     * @param from the first position, included
     * @param to the last position, excluded
     */
    public ModuleList slice(int from, int to) {
        return slice(from, to, 1);
    }

    /**
     * {@return {@code list[start:stop:step]}, {@code null} for an omitted bound, numbered from 0 as PyTorch
     * numbers a sliced ModuleList}
     *
     * @param start the first position, or {@code null} for the start (the end with a negative step)
     * @param stop the position to stop before, or {@code null} for the end
     * @param step the stride, not 0; negative walks backwards
     * @throws IllegalArgumentException when {@code step} is 0
     */
    public ModuleList slice(Integer start, Integer stop, int step) {
        List<Module> all = toList();
        List<Module> picked = new ArrayList<>();
        for (int i : Indices.slice(start, stop, step, all.size())) {
            picked.add(all.get(i));
        }
        return new ModuleList(picked);
    }

    /**
     * {@return a new list of this one's modules then {@code other}'s; mirrors {@code a + b}}
     *
     * @param other the list whose modules follow
     */
    public ModuleList plus(ModuleList other) {
        List<Module> all = toList();
        all.addAll(other.toList());
        return new ModuleList(all);
    }

    /** {@return the modules in order, as a new list} */
    public List<Module> toList() {
        return new ArrayList<>(ownModules().values());
    }

    /** The modules in order, read-only. */
    @Override
    public Iterator<Module> iterator() {
        return Indices.readOnly(toList(), "ModuleList");
    }

    /** An independent copy; see {@link Module#deepCopy()}. */
    @Override
    public ModuleList deepCopy() {
        return (ModuleList) super.deepCopy();
    }

    private void renumber(List<Module> modules) {
        LinkedHashMap<String, Module> next = new LinkedHashMap<>();
        for (int i = 0; i < modules.size(); i++) {
            next.put(Integer.toString(i), modules.get(i));
        }
        replaceChildren(next);
    }

    private void checkModule(Module module) {
        if (module == null) {
            throw new NullPointerException("module");
        }
        checkNotAncestor(module);
    }
}
