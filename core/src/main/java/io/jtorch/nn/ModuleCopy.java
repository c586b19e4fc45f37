package io.jtorch.nn;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * {@link Module#deepCopy()}: {@code copy.deepcopy} for module trees. The memo maps each original
 * module and tensor to its copy, so that what is shared in the original is shared in the copy.
 */
final class ModuleCopy {
    private ModuleCopy() {}

    static Module deepCopy(Module original, Map<Object, Object> memo) {
        Object done = memo.get(original);
        if (done != null) {
            return (Module) done;
        }
        Module copy = original.shallowCopy((from, to) -> {
            memo.put(from, to);
            for (Map.Entry<String, Parameter> p : from.rawParameters().entrySet()) {
                to.rawParameters().put(p.getKey(), (Parameter) memo.computeIfAbsent(p.getValue(), k -> copyParameter(p.getValue())));
            }
            for (Map.Entry<String, Tensor> b : from.rawBuffers().entrySet()) {
                to.rawBuffers().put(b.getKey(), (Tensor) memo.computeIfAbsent(b.getValue(), k -> copyTensor(b.getValue())));
            }
            for (Map.Entry<String, Module> c : from.rawModules().entrySet()) {
                to.rawModules().put(c.getKey(), c.getValue().deepCopy(memo));
            }
        });
        redirectFields(copy, memo);
        return copy;
    }

    private static Parameter copyParameter(Parameter p) {
        return new Parameter(copyTensor(p), p.requiresGrad());
    }

    private static Tensor copyTensor(Tensor t) {
        try (NoGrad g = Torch.noGrad()) {
            return t.detach().clone().retain();
        }
    }

    /**
     * Points a subclass's fields that hold a module or tensor of the original tree at the copy's
     * counterpart: the clone started as a field-by-field copy of the original.
     */
    private static void redirectFields(Module copy, Map<Object, Object> memo) {
        for (Class<?> c = copy.getClass(); c != Module.class && c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                if (!Module.class.isAssignableFrom(f.getType()) && !Tensor.class.isAssignableFrom(f.getType())
                        && f.getType() != Object.class) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(copy);
                    Object replacement = value == null ? null : memo.get(value);
                    if (replacement != null) {
                        f.set(copy, replacement);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new UnsupportedOperationException(copy.getClass().getSimpleName() + ".deepCopy cannot redirect field '"
                            + f.getName() + "' to the copy; override deepCopy in that class", e);
                }
            }
        }
    }
}
