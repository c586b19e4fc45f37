package io.jtorch.jit;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.GELU;
import io.jtorch.nn.Identity;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ModuleDict;
import io.jtorch.nn.ModuleList;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.pytorch.BoolType;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.SingletonTypePtr;
import org.bytedeco.pytorch.Type;

/**
 * Builds TorchScript modules from Java ones, so that a model assembled in Java (a TorchScript
 * backbone with a new head, say) saves as a file Python's {@code torch.jit.load} runs.
 *
 * <p>Each Java layer becomes a TorchScript class of its own with the same parameter and buffer
 * names as PyTorch's layer, so state dict keys match ({@code 0.weight}, {@code 1.running_mean},
 * ...). Parameters are shared, not copied: training the script module trains the Java one.
 * Modules with a Java {@code forward} of their own cannot be translated and are refused by name.
 */
final class Scripting {
    private static final String PREFIX = "__torch__.jtorch.nn.";

    private Scripting() {}

    static ScriptModule script(Module module) {
        CompilationUnit cu = new CompilationUnit();
        return module instanceof ScriptModule ? (ScriptModule) module : new ScriptModule(convert(module, cu, ""));
    }

    private static JitModule convert(Module m, CompilationUnit cu, String path) {
        if (m instanceof ScriptModule) {
            return ((ScriptModule) m).raw();
        }
        String name = className(m.getClass());
        String what = m.getClass().isAnonymousClass() ? "anonymous " + name : name;
        String where = path.isEmpty() ? what : "'" + path + "' (" + what + ")";
        JitModule jm = newModule(name, cu);
        if (m instanceof TorchScriptable) {
            return convertScriptable(m, (TorchScriptable) m, jm, cu, path, where);
        }
        if (m instanceof ModuleList || m instanceof ModuleDict) {
            // Containers without a forward: the holder's TorchScript reaches their children
            // as getattr(self.blocks, "0").forward(x) (iterating them needs Python's frontend).
            for (Map.Entry<String, Module> c : m.namedChildren(false).entrySet()) {
                jm.register_module(c.getKey(), convert(c.getValue(), cu, path.isEmpty() ? c.getKey() : path + "." + c.getKey()));
            }
            jm.train(m.isTraining());
            return jm;
        }
        if (!(m instanceof Sequential)) {
            // Supported layers are leaves: their named parameters and buffers are their own.
            for (Map.Entry<String, Parameter> p : m.namedParameters().entrySet()) {
                jm.register_parameter(p.getKey(), p.getValue().raw(), false);
            }
            for (Map.Entry<String, Tensor> b : m.namedBuffers().entrySet()) {
                jm.register_buffer(b.getKey(), b.getValue().raw());
            }
        }
        String body;
        if (m instanceof Sequential) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Module> c : m.namedChildren(false).entrySet()) {
                jm.register_module(c.getKey(), convert(c.getValue(), cu, path.isEmpty() ? c.getKey() : path + "." + c.getKey()));
                s.append("    x = getattr(self, \"").append(c.getKey()).append("\").forward(x)\n");
            }
            body = s.append("    return x\n").toString();
        } else if (m instanceof Linear) {
            body = "    return torch.linear(x, self.weight" + (((Linear) m).bias() != null ? ", self.bias" : "") + ")\n";
        } else if (m instanceof Conv2d) {
            body = conv2d((Conv2d) m);
        } else if (m instanceof BatchNorm) {
            body = batchNorm((BatchNorm) m);
        } else if (m instanceof ReLU) {
            body = "    return torch.relu(x)\n";
        } else if (m instanceof GELU) {
            body = "    return torch.gelu(x, approximate=\"" + (((GELU) m).tanhApproximation() ? "tanh" : "none") + "\")\n";
        } else if (m instanceof Dropout) {
            body = "    return torch.dropout(x, " + num(((Dropout) m).p()) + ", self.training)\n";
        } else if (m instanceof Flatten) {
            body = "    return torch.flatten(x, " + ((Flatten) m).startDim() + ", " + ((Flatten) m).endDim() + ")\n";
        } else if (m instanceof MaxPool2d) {
            MaxPool2d p = (MaxPool2d) m;
            body = "    return torch.max_pool2d(x, " + list(p.kernelSize()) + ", " + list(p.stride()) + ", " + list(p.padding())
                    + ", [1, 1], " + (p.ceilMode() ? "True" : "False") + ")\n";
        } else if (m instanceof AdaptiveAvgPool2d) {
            body = "    return torch.adaptive_avg_pool2d(x, " + list(((AdaptiveAvgPool2d) m).outputSize()) + ")\n";
        } else if (m instanceof Identity) {
            body = "    return x\n";
        } else {
            throw new UnsupportedOperationException(where + " cannot be converted to TorchScript: its forward is Java code. Supported: "
                    + "Sequential, ModuleList and ModuleDict (as children), Linear, Conv2d, BatchNorm1d/2d, ReLU, GELU, Dropout, Flatten, "
                    + "MaxPool2d, AdaptiveAvgPool2d, Identity, ScriptModule, and modules implementing TorchScriptable");
        }
        define(jm, body, where);
        jm.train(m.isTraining());
        return jm;
    }

    /** A module that supplies its own TorchScript: own tensors and converted children, then its source. */
    private static JitModule convertScriptable(Module m, TorchScriptable ts, JitModule jm, CompilationUnit cu, String path,
                                               String where) {
        for (Map.Entry<String, Module> c : m.namedChildren(false).entrySet()) {
            jm.register_module(c.getKey(), convert(c.getValue(), cu, path.isEmpty() ? c.getKey() : path + "." + c.getKey()));
        }
        for (Map.Entry<String, Parameter> p : ownParameters(m).entrySet()) {
            jm.register_parameter(p.getKey(), p.getValue().raw(), false);
        }
        for (Map.Entry<String, Tensor> b : ownBuffers(m).entrySet()) {
            jm.register_buffer(b.getKey(), b.getValue().raw());
        }
        String source = ts.torchScript();
        try {
            jm.define(source);
        } catch (RuntimeException e) {
            throw Errors.withContext(e, "translating " + where + " to TorchScript");
        }
        jm.train(m.isTraining());
        return jm;
    }

    /** The parameters {@code m} holds itself: its named parameters without the dotted (children's) ones. */
    private static Map<String, Parameter> ownParameters(Module m) {
        Map<String, Parameter> own = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : m.namedParameters(false).entrySet()) {
            if (!p.getKey().contains(".")) {
                own.put(p.getKey(), p.getValue());
            }
        }
        return own;
    }

    /** The buffers {@code m} holds itself. */
    private static Map<String, Tensor> ownBuffers(Module m) {
        Map<String, Tensor> own = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Tensor> b : m.namedBuffers(false).entrySet()) {
            if (!b.getKey().contains(".")) {
                own.put(b.getKey(), b.getValue());
            }
        }
        return own;
    }

    private static String conv2d(Conv2d c) {
        return "    return torch.conv2d(x, self.weight, " + (c.bias() != null ? "self.bias" : "None") + ", " + list(c.stride()) + ", "
                + list(c.padding()) + ", " + list(c.dilation()) + ", " + c.groups() + ")\n";
    }

    private static String batchNorm(BatchNorm b) {
        boolean track = b.buffer("running_mean") != null;
        boolean affine = b.parameter("weight") != null;
        String stats = track ? "self.running_mean, self.running_var" : "None, None";
        String training = track ? "self.training" : "True";
        StringBuilder s = new StringBuilder();
        if (track) {
            s.append("    if self.training:\n        self.num_batches_tracked.add_(1)\n");
        }
        return s.append("    return torch.batch_norm(x, ").append(affine ? "self.weight, self.bias" : "None, None").append(", ").append(stats)
                .append(", ").append(training).append(", ").append(num(b.momentum())).append(", ").append(num(b.eps()))
                .append(", False)\n").toString();
    }

    /** Children {@code from..to} of a scripted Sequential, keeping their names, as a new module. */
    static ScriptModule slice(ScriptModule seq, int from, int to) {
        if (!isSequential(seq)) {
            throw new UnsupportedOperationException("slice needs a scripted nn.Sequential, but " + seq.originalName()
                    + " has its own forward; use featuresBefore(path) to cut it before a Linear");
        }
        List<Map.Entry<String, Module>> children = new ArrayList<>(seq.namedChildren().entrySet());
        int n = children.size();
        int a = Math.max(0, Math.min(from < 0 ? from + n : from, n));
        int b = Math.max(0, Math.min(to < 0 ? to + n : to, n));
        JitModule jm = newModule("Sequential", new CompilationUnit());
        StringBuilder body = new StringBuilder();
        for (int i = a; i < b; i++) {
            String name = children.get(i).getKey();
            jm.register_module(name, ((ScriptModule) children.get(i).getValue()).raw());
            body.append("    x = getattr(self, \"").append(name).append("\").forward(x)\n");
        }
        define(jm, body.append("    return x\n").toString(), seq.originalName() + "[" + from + ":" + to + "]");
        jm.train(seq.isTraining());
        return new ScriptModule(jm);
    }

    /**
     * An empty module class with the {@code training} attribute every scripted module has: the
     * flag that {@code train()} and {@code eval()} set and that batch norm and dropout read.
     * Without it, {@code self.training} does not compile and {@code train(false)} changes nothing.
     */
    private static JitModule newModule(String className, CompilationUnit cu) {
        JitModule jm = new JitModule(new QualifiedName(PREFIX + className), cu, true);
        Type.TypePtr bool = new Type.TypePtr(new SingletonTypePtr(BoolType.get().get()));
        jm.register_attribute("training", bool, new IValue(true), false, false);
        return jm;
    }

    /**
     * The TorchScript class name for a Java class: its simple name, or for an anonymous or local
     * class (whose simple name is empty or not a Python identifier) its binary name's last part
     * with every character TorchScript does not take replaced by '_' ({@code ModelTest$1} becomes
     * {@code ModelTest_1}).
     */
    static String className(Class<?> c) {
        String n = c.getSimpleName();
        if (n.isEmpty() || !n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            n = c.getName().substring(c.getName().lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_]", "_");
        }
        return Character.isDigit(n.charAt(0)) ? "_" + n : n;
    }

    static boolean isSequential(ScriptModule m) {
        String t = m.typeName();
        return t.matches(".*(torch\\.nn\\.modules\\.container|jtorch\\.nn)\\.(___torch_mangle_\\d+\\.)?Sequential");
    }

    private static void define(JitModule jm, String body, String where) {
        try {
            jm.define("def forward(self, x: Tensor) -> Tensor:\n" + body);
        } catch (RuntimeException e) {
            throw Errors.withContext(e, "translating " + where + " to TorchScript");
        }
    }

    private static String list(long[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return s.append(']').toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", Double.toString(v));
    }
}
