package io.jtorch.jit;

import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import java.util.Map;

/**
 * Assigning a child of a TorchScript module ({@link ScriptModule#registerModule}): what
 * TorchScript can take in place of a compiled child, and the errors for what it cannot.
 */
final class ScriptAssign {
    private ScriptAssign() {}

    static void assign(ScriptModule parent, String name, Module module) {
        Map<String, Module> children = parent.namedChildren(false);
        Module existing = children.get(name);
        if (existing == null) {
            throw new UnsupportedOperationException(parent.originalName() + " (TorchScript) has no child '" + name + "' (children: "
                    + children.keySet() + "): its compiled forward calls only the children it was scripted with");
        }
        ScriptModule current = (ScriptModule) existing;
        if (module == null) {
            throw new UnsupportedOperationException("cannot remove '" + name + "' from " + parent.originalName()
                    + " (TorchScript): its compiled forward calls it");
        }
        if (module instanceof ScriptModule) {
            ScriptModule replacement = (ScriptModule) module;
            try {
                parent.raw().register_module(name, replacement.raw());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("TorchScript cannot put a " + replacement.typeName() + " in place of '" + name + "' of "
                        + parent.originalName() + ", a " + current.typeName() + ": a compiled forward keeps the class of each child"
                        + hint(current), e);
            }
            return;
        }
        if (module instanceof Linear && Heads.isLinear(current)) {
            shareLinear(parent, name, current, (Linear) module);
            return;
        }
        // PyTorch's words for the same assignment (torch.jit's RecursiveScriptModule.__setattr__)
        throw new IllegalArgumentException("Cannot re-assign modules in a ScriptModule with non-scripted module, tried to replace "
                + "existing module '" + name + "': " + module + hint(current));
    }

    /** The Linear child takes {@code linear}'s parameters: its compiled forward reads self.weight and self.bias when it runs. */
    private static void shareLinear(ScriptModule parent, String name, ScriptModule current, Linear linear) {
        boolean hasBias = current.parameter("bias") != null;
        if (hasBias != (linear.bias() != null)) {
            throw new IllegalArgumentException("'" + name + "' of " + parent.originalName() + " is a TorchScript Linear " + (hasBias ? "with"
                    : "without") + " a bias, and its compiled forward " + (hasBias ? "adds" : "has no") + " one: pass a Linear "
                    + (hasBias ? "with" : "without") + " a bias, got " + linear);
        }
        current.raw().register_parameter("weight", linear.weight().raw(), false);
        if (hasBias) {
            current.raw().register_parameter("bias", linear.bias().raw(), false);
        }
    }

    private static String hint(ScriptModule current) {
        if (Heads.isLinear(current)) {
            return "; in place of a Linear pass a io.jtorch.nn.Linear (its weights are shared into the model), or call "
                    + "replaceLinear(path, outFeatures)";
        }
        return "; a TorchScript model's children keep their classes: build the model with the new layer in Python, or replace "
                + "Linear layers with Linear ones";
    }
}
