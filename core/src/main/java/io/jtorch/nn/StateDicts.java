package io.jtorch.nn;

import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and loading state dicts: the logic behind {@link Module#stateDict()} and {@link Module#loadStateDict}. */
public final class StateDicts {
    private static final int SHOWN_KEYS = 10;

    private StateDicts() {}

    /**
     * What {@code loadStateDict} could not match; mirrors PyTorch's {@code _IncompatibleKeys}, with
     * the keys skipped for a shape mismatch added.
     *
     * @param missingKeys keys the module has and the state dict lacks
     * @param unexpectedKeys keys the state dict has and the module lacks
     * @param mismatchedKeys keys skipped because their shapes differ, with both shapes
     */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys, List<String> mismatchedKeys) {
        /** Whether every key matched. */
        public boolean isEmpty() {
            return missingKeys.isEmpty() && unexpectedKeys.isEmpty() && mismatchedKeys.isEmpty();
        }
    }

    static Map<String, Tensor> stateDict(Module root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : targets(root).entrySet()) {
            out.put(e.getKey(), e.getValue().detach());
        }
        return out;
    }

    /** Parameters and persistent buffers by dotted name, in PyTorch's order: per module, parameters then buffers. */
    static Map<String, Tensor> targets(Module root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : root.namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            Module module = m.getValue();
            for (Map.Entry<String, Parameter> p : module.ownParameters().entrySet()) {
                out.putIfAbsent(prefix + p.getKey(), p.getValue());
            }
            for (Map.Entry<String, Tensor> b : module.ownBuffers().entrySet()) {
                if (module.isPersistentBuffer(b.getKey())) {
                    out.putIfAbsent(prefix + b.getKey(), b.getValue());
                }
            }
        }
        return out;
    }

    static IncompatibleKeys load(Module root, Map<String, ? extends Tensor> state, boolean strict, boolean skipMismatched) {
        Map<String, Tensor> targets = targets(root);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (String key : state.keySet()) {
            if (!targets.containsKey(key)) {
                unexpected.add(key);
            }
        }
        Map<Tensor, Tensor> copies = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> t : targets.entrySet()) {
            Tensor source = state.get(t.getKey());
            if (source == null) {
                missing.add(t.getKey());
                continue;
            }
            long[] want = t.getValue().shape();
            long[] got = source.shape();
            if (!Arrays.equals(want, got)) {
                mismatched.add(t.getKey() + ": checkpoint " + Shapes.format(got) + ", model " + Shapes.format(want));
                continue;
            }
            copies.put(t.getValue(), source);
        }
        List<String> errors = new ArrayList<>();
        if (strict && !unexpected.isEmpty()) {
            errors.add("Unexpected key(s) in state_dict: " + quoted(unexpected) + ".");
        }
        if (strict && !missing.isEmpty()) {
            errors.add("Missing key(s) in state_dict: " + quoted(missing) + ".");
        }
        if (!skipMismatched) {
            for (String m : mismatched) {
                errors.add("size mismatch for " + m + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + root.reprName() + ": " + String.join(" ", errors));
        }
        try (NoGrad g = Torch.noGrad()) {
            for (Map.Entry<Tensor, Tensor> c : copies.entrySet()) {
                c.getKey().copy_(c.getValue());
            }
        }
        return new IncompatibleKeys(List.copyOf(missing), List.copyOf(unexpected), List.copyOf(mismatched));
    }

    /** The keys in quotes, at most {@link #SHOWN_KEYS} of them, so that the message stays a line a person reads. */
    private static String quoted(List<String> keys) {
        StringBuilder s = new StringBuilder();
        for (String k : keys.subList(0, Math.min(keys.size(), SHOWN_KEYS))) {
            s.append(s.length() == 0 ? "" : ", ").append('"').append(k).append('"');
        }
        if (keys.size() > SHOWN_KEYS) {
            s.append(" and ").append(keys.size() - SHOWN_KEYS).append(" more (").append(keys.size())
                    .append(" in all; loadStateDict(stateDict, false) returns every one)");
        }
        return s.toString();
    }
}
