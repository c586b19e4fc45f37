package io.jtorch.serialization;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TorchScript archive ({@code torch.jit.save}) as jtorch read and checked it, without running
 * any of it: the object tree of {@code data.pkl}, the TorchScript source in {@code code/}, and
 * the classes its pickles instantiate. Made by {@link ScriptArchives#read}.
 */
public final class ScriptArchive {
    /**
     * An object of a TorchScript class as {@code data.pkl} holds it: its class name and the state
     * the pickle gives it (for a module, a map from attribute name to value). Nothing of the
     * class's code runs; {@code __setstate__} would, in libtorch.
     */
    public static final class ScriptObject {
        private final String typeName;
        private Object state;

        ScriptObject(String typeName) {
            this.typeName = typeName;
        }

        /** {@return the class's qualified name, e.g. {@code __torch__.torch.nn.modules.linear.Linear}} */
        public String typeName() {
            return typeName;
        }

        /**
         * {@return the pickled state: a {@code Map<String, Object>} of attributes for modules, or
         * null when none was given}
         */
        public Object state() {
            return state;
        }

        void setState(Object state) {
            this.state = state;
        }

        @Override
        public String toString() {
            return typeName;
        }
    }

    /**
     * A tensor as a pickle declares it, checked to lie inside its storage.
     *
     * @param storageType the storage class, e.g. {@code torch.FloatStorage}
     * @param shape the sizes
     * @param stride the strides, in elements
     * @param offset the storage offset, in elements
     */
    public record TensorInfo(String storageType, long[] shape, long[] stride, long offset) {}

    private final String prefix;
    private final Object data;
    private final Map<String, String> code;
    private final Set<String> classes;

    ScriptArchive(String prefix, Object data, Map<String, String> code, Set<String> classes) {
        this.prefix = prefix;
        this.data = data;
        this.code = Collections.unmodifiableMap(code);
        this.classes = Collections.unmodifiableSet(classes);
    }

    /** {@return the archive's top-level folder, e.g. {@code archive}} */
    public String prefix() {
        return prefix;
    }

    /** {@return the value {@code data.pkl} holds: the root module, a {@link ScriptObject}} */
    public Object data() {
        return data;
    }

    /**
     * {@return the TorchScript source files by entry name below the folder (e.g. {@code
     * code/__torch__.py}), as text}
     */
    public Map<String, String> code() {
        return code;
    }

    /** {@return the TorchScript classes whose objects {@code data.pkl} and {@code constants.pkl} hold} */
    public Set<String> classes() {
        return classes;
    }

    /**
     * {@return the TorchScript source of a module, or null when the archive has none}
     *
     * @param module the module's qualified name, such as {@code __torch__.a.b} (read from {@code
     *     code/__torch__/a/b.py})
     */
    public String sourceOf(String module) {
        return code.get("code/" + module.replace('.', '/') + ".py");
    }

}
