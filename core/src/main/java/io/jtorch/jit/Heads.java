package io.jtorch.jit;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Init;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bytedeco.pytorch.JitModule;

/**
 * Finding and replacing the {@code nn.Linear} classifier heads of TorchScript models.
 *
 * <p>TorchScript refuses to replace a submodule with one of another class, but an
 * {@code nn.Linear}'s {@code forward} reads {@code self.weight} and {@code self.bias} when it
 * runs, so re-registering those two parameters with new shapes turns the layer into a Linear of
 * another size. The saved file loads in Python and returns the new number of outputs.
 */
final class Heads {
    private static final Pattern LINEAR = Pattern.compile("(^|\\.)(torch\\.nn\\.modules\\.linear|jtorch\\.nn)\\.(___torch_mangle_\\d+\\.)?Linear$");
    private static final Pattern CONV2D = Pattern.compile("\\.(___torch_mangle_\\d+\\.)?Conv2d$");
    private static final Pattern BATCHNORM = Pattern.compile("\\.(___torch_mangle_\\d+\\.)?BatchNorm[123]d$");

    private Heads() {}

    static boolean isLinear(ScriptModule m) {
        if (!LINEAR.matcher(m.typeName()).find()) {
            return false;
        }
        Parameter w = m.parameter("weight");
        return w != null && w.dim() == 2;
    }

    static List<String> linearPaths(ScriptModule root) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Module> e : root.namedModules().entrySet()) {
            if (e.getValue() instanceof ScriptModule && isLinear((ScriptModule) e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** The Linear at {@code path}, or an exception listing the Linear layers there are. */
    static ScriptModule linearAt(ScriptModule root, String path) {
        ScriptModule target;
        try {
            target = root.get(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no layer '" + path + "' in " + root.originalName() + "; its Linear layers are "
                    + linearPaths(root), e);
        }
        if (!isLinear(target)) {
            throw new IllegalArgumentException("'" + path + "' is a " + target.originalName() + ", not a Linear; the Linear layers of "
                    + root.originalName() + " are " + linearPaths(root));
        }
        return target;
    }

    static void replaceLinear(ScriptModule root, String path, long outFeatures) {
        if (outFeatures < 1) {
            throw new IllegalArgumentException("a new head needs at least 1 output, got " + outFeatures);
        }
        ScriptModule target = linearAt(root, path);
        Parameter oldWeight = target.parameter("weight");
        boolean hasBias = target.parameter("bias") != null;
        long inFeatures = oldWeight.size(1);
        Tensor weight = Torch.empty(outFeatures, inFeatures);
        Tensor bias = hasBias ? Torch.empty(outFeatures) : null;
        Init.resetLikePyTorch(weight, bias);
        JitModule raw = target.raw();
        raw.register_parameter("weight", weight.to(oldWeight.device(), oldWeight.dtype()).requiresGrad(true).raw(), false);
        if (hasBias) {
            raw.register_parameter("bias", bias.to(oldWeight.device(), oldWeight.dtype()).requiresGrad(true).raw(), false);
        }
    }

    static String replaceHead(ScriptModule root, long outFeatures) {
        List<String> linears = linearPaths(root);
        if (linears.isEmpty()) {
            throw new IllegalArgumentException(root.originalName() + " has no Linear layer to replace");
        }
        String path = linears.get(linears.size() - 1);
        replaceLinear(root, path, outFeatures);
        return path;
    }

    /**
     * A copy of {@code root} whose output is the input of the Linear at {@code path}. When the
     * Linear is a child of a top-level {@code nn.Sequential}, the copy simply stops before it;
     * otherwise the copy's Linear becomes the identity (weight I, bias 0), which passes finite
     * features through unchanged. The copy has its own parameters.
     */
    static ScriptModule featuresBefore(ScriptModule root, String path) {
        linearAt(root, path);
        ScriptModule copy = copyOf(root);
        List<String> children = new ArrayList<>(copy.namedChildren().keySet());
        if (Scripting.isSequential(copy) && children.contains(path)) {
            return Scripting.slice(copy, 0, children.indexOf(path));
        }
        ScriptModule head = copy.get(path);
        long in = head.parameter("weight").size(1);
        Parameter oldWeight = head.parameter("weight");
        head.raw().register_parameter("weight", Torch.eye(in).to(oldWeight.device(), oldWeight.dtype()).raw(), false);
        if (head.parameter("bias") != null) {
            head.raw().register_parameter("bias", Torch.zeros(in).to(oldWeight.device(), oldWeight.dtype()).raw(), false);
        }
        return copy;
    }

    /**
     * A deep copy with its own parameters, each a leaf that requires grad as the original's
     * does. (libtorch's clone copies tensors with autograd on, which would make them non-leaves.)
     */
    static ScriptModule copyOf(ScriptModule root) {
        JitModule cloned;
        try (NoGrad g = Torch.noGrad()) {
            cloned = root.raw().clone();
        }
        ScriptModule copy = new ScriptModule(cloned);
        Map<String, Parameter> original = root.namedParameters();
        for (Map.Entry<String, Parameter> p : copy.namedParameters().entrySet()) {
            Parameter from = original.get(p.getKey());
            p.getValue().requiresGrad(from != null && from.requiresGrad());
        }
        return copy;
    }

    /** What PyTorch prints inside a layer's parentheses, worked out from its weights. */
    static String describe(ScriptModule m) {
        String type = m.typeName();
        Parameter w = m.parameter("weight");
        if (isLinear(m)) {
            return "in_features=" + w.size(1) + ", out_features=" + w.size(0) + ", bias=" + (m.parameter("bias") != null ? "True" : "False");
        }
        if (w != null && w.dim() == 4 && CONV2D.matcher(type).find()) {
            return w.size(1) + ", " + w.size(0) + ", kernel_size=(" + w.size(2) + ", " + w.size(3) + ")";
        }
        if (w != null && w.dim() == 1 && BATCHNORM.matcher(type).find()) {
            return Long.toString(w.size(0));
        }
        return "";
    }
}
