package io.jtorch.nn;

import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        /** {@return whether every key matched} */
        public boolean isEmpty() {
            return missingKeys.isEmpty() && unexpectedKeys.isEmpty() && mismatchedKeys.isEmpty();
        }
    }

    /**
     * A copy of {@code stateDict} whose values are new tensors with the same values, detached from
     * autograd and kept past every scope; mirrors {@code copy.deepcopy(model.state_dict())}, the
     * line that saves the best weights while training goes on:
     * <pre>{@code
     * Map<String, Tensor> best = StateDicts.deepCopy(model.stateDict());
     * ... more epochs ...
     * model.loadStateDict(best);
     * }</pre>
     *
     * @param stateDict the state dict to copy
     * @return a copy whose values are new tensors with the same values, in the same order
     */
    public static Map<String, Tensor> deepCopy(Map<String, ? extends Tensor> stateDict) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (NoGrad g = Torch.noGrad()) {
            for (Map.Entry<String, ? extends Tensor> e : stateDict.entrySet()) {
                out.put(e.getKey(), e.getValue().detach().clone().retain());
            }
        }
        return out;
    }

    static Map<String, Tensor> stateDict(Module root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : targets(root).entrySet()) {
            out.put(e.getKey(), e.getValue().detach());
        }
        return out;
    }

    /**
     * Parameters and persistent buffers by dotted name, in PyTorch's order: per module, parameters
     * then buffers, then each child under each name it is registered by (a module or tensor
     * registered twice gives both names' keys, as PyTorch's {@code state_dict}).
     */
    static Map<String, Tensor> targets(Module root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", root, out, null);
        return out;
    }

    /** Like {@link #targets}, with the keys of each module's {@link Module#isOptionalStateKey} added to {@code optional}. */
    private static void collect(String prefix, Module module, Map<String, Tensor> out, Set<String> optional) {
        for (Map.Entry<String, Parameter> p : module.ownParameters().entrySet()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Tensor> b : module.ownBuffers().entrySet()) {
            if (module.isPersistentBuffer(b.getKey())) {
                out.put(prefix + b.getKey(), b.getValue());
                if (optional != null && module.isOptionalStateKey(b.getKey())) {
                    optional.add(prefix + b.getKey());
                }
            }
        }
        for (Map.Entry<String, Module> c : module.namedChildren(false).entrySet()) {
            collect(prefix + c.getKey() + ".", c.getValue(), out, optional);
        }
    }

    static IncompatibleKeys load(Module root, Map<String, ? extends Tensor> state, boolean strict, boolean skipMismatched) {
        Map<String, Tensor> targets = new LinkedHashMap<>();
        Set<String> optional = new HashSet<>();
        collect("", root, targets, optional);
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
                if (!optional.contains(t.getKey())) {
                    missing.add(t.getKey());
                }
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
