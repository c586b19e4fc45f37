package io.jtorch.jit;

import io.jtorch.Tensor;
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
            if (Heads.isLinear(replacement) && Heads.isLinear(current) && !replacement.typeName().equals(current.typeName())) {
                // A Linear scripted elsewhere is of another TorchScript class; its weights fit all the same.
                shareLinear(parent, name, current, replacement.parameter("weight"), replacement.parameter("bias"), replacement.toString());
                return;
            }
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
            Linear linear = (Linear) module;
            shareLinear(parent, name, current, linear.weight(), linear.bias(), linear.toString());
            return;
        }
        // PyTorch's words for the same assignment (torch.jit's RecursiveScriptModule.__setattr__)
        throw new IllegalArgumentException("Cannot re-assign modules in a ScriptModule with non-scripted module, tried to replace "
                + "existing module '" + name + "': " + module + hint(current));
    }

    /** The Linear child takes {@code linear}'s parameters: its compiled forward reads self.weight and self.bias when it runs. */
    private static void shareLinear(ScriptModule parent, String name, ScriptModule current, Tensor weight, Tensor bias, String what) {
        boolean hasBias = current.parameter("bias") != null;
        if (hasBias != (bias != null)) {
            throw new IllegalArgumentException("'" + name + "' of " + parent.originalName() + " is a TorchScript Linear " + (hasBias ? "with"
                    : "without") + " a bias, and its compiled forward " + (hasBias ? "adds" : "has no") + " one: pass a Linear "
                    + (hasBias ? "with" : "without") + " a bias, got " + what);
        }
        current.raw().register_parameter("weight", weight.raw(), false);
        if (hasBias) {
            current.raw().register_parameter("bias", bias.raw(), false);
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
