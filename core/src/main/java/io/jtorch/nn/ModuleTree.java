package io.jtorch.nn;

import io.jtorch.Tensor;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Walking a module tree the way PyTorch's {@code named_modules} and {@code _named_members} do:
 * the logic behind {@link Module}'s recursive views.
 */
final class ModuleTree {
    private ModuleTree() {}

    /** {@code own} with each module once, under its first name; mirrors the memo of {@code named_children}. */
    static Map<String, Module> unique(Map<String, Module> own) {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> c : own.entrySet()) {
            if (seen.add(c.getValue())) {
                out.put(c.getKey(), c.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code root} and all below it by dotted name ("" for root), each once unless {@code removeDuplicate} is false. */
    static Map<String, Module> modules(Module root, boolean removeDuplicate) {
        Map<String, Module> out = new LinkedHashMap<>();
        collect("", root, out, removeDuplicate ? Collections.newSetFromMap(new IdentityHashMap<>()) : null);
        return out;
    }

    private static void collect(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (seen != null && !seen.add(m)) {
            return;
        }
        out.put(prefix, m);
        for (Map.Entry<String, Module> c : m.ownModules().entrySet()) {
            collect(qualified(prefix, c.getKey()), c.getValue(), out, seen);
        }
    }

    /**
     * PyTorch's {@code _named_members}: the tensors {@code own} gives for each module (root only
     * unless {@code recurse}), by dotted name, each tensor once unless {@code removeDuplicate} is
     * false. Tensors are the same when they share libtorch's TensorImpl, as Python's identity.
     */
    static <T extends Tensor> Map<String, T> members(Module root, boolean recurse, boolean removeDuplicate,
                                                     Function<Module, Map<String, T>> own) {
        Map<String, Module> mods = recurse ? modules(root, removeDuplicate) : Map.of("", root);
        Map<String, T> out = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Map.Entry<String, Module> m : mods.entrySet()) {
            for (Map.Entry<String, T> t : own.apply(m.getValue()).entrySet()) {
                if (!removeDuplicate || seen.add(t.getValue().raw().unsafeGetTensorImpl().address())) {
                    out.put(qualified(m.getKey(), t.getKey()), t.getValue());
                }
            }
        }
        return out;
    }

    /** The module at a dotted path below {@code root}, or an exception naming the part that does not exist. */
    static Module submodule(Module root, String path) {
        if (path.isEmpty()) {
            return root;
        }
        Module m = root;
        StringBuilder walked = new StringBuilder();
        for (String part : path.split("\\.", -1)) {
            Module next = m.ownModules().get(part);
            if (next == null) {
                throw new IllegalArgumentException(m.reprName() + (walked.length() == 0 ? "" : " at '" + walked + "'")
                        + " has no submodule '" + part + "' (children: " + m.ownModules().keySet() + ")");
            }
            walked.append(walked.length() == 0 ? "" : ".").append(part);
            m = next;
        }
        return m;
    }

    static String qualified(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
