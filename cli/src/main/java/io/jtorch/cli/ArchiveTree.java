package io.jtorch.cli;

import io.jtorch.serialization.ScriptArchive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TorchScript model's module tree as its archive's pickles describe it: what {@code inspect}
 * prints, read without loading the model into libtorch, so none of its code runs. A module's
 * parameters and buffers are the attributes its class lists in {@code __parameters__} and
 * {@code __buffers__} in the archive's {@code code/} source.
 */
final class ArchiveTree {
    private static final Pattern LINEAR = Pattern.compile("(^|\\.)(torch\\.nn\\.modules\\.linear|jtorch\\.nn)\\.(___torch_mangle_\\d+\\.)?Linear$");
    private static final Pattern CONV2D = Pattern.compile("\\.(___torch_mangle_\\d+\\.)?Conv2d$");
    private static final Pattern BATCHNORM = Pattern.compile("\\.(___torch_mangle_\\d+\\.)?BatchNorm[123]d$");

    final String typeName;
    final Map<String, long[]> parameters = new LinkedHashMap<>();
    final Map<String, long[]> buffers = new LinkedHashMap<>();
    final Map<String, ArchiveTree> children = new LinkedHashMap<>();

    private ArchiveTree(String typeName) {
        this.typeName = typeName;
    }

    /** The tree of the archive's root module. */
    static ArchiveTree of(ScriptArchive archive) {
        if (!(archive.data() instanceof ScriptArchive.ScriptObject)) {
            throw new UserError("the archive's data.pkl holds no module");
        }
        return of(archive, (ScriptArchive.ScriptObject) archive.data(), 0);
    }

    private static ArchiveTree of(ScriptArchive archive, ScriptArchive.ScriptObject object, int depth) {
        ArchiveTree tree = new ArchiveTree(object.typeName());
        if (depth > 200 || !(object.state() instanceof Map)) {
            return tree;
        }
        List<String> params = declared(archive, object.typeName(), "__parameters__");
        List<String> buffers = declared(archive, object.typeName(), "__buffers__");
        for (Map.Entry<?, ?> e : ((Map<?, ?>) object.state()).entrySet()) {
            String name = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value instanceof ScriptArchive.TensorInfo) {
                long[] shape = ((ScriptArchive.TensorInfo) value).shape();
                if (params.contains(name)) {
                    tree.parameters.put(name, shape);
                } else if (buffers.contains(name)) {
                    tree.buffers.put(name, shape);
                }
            } else if (value instanceof ScriptArchive.ScriptObject && isModule(archive, ((ScriptArchive.ScriptObject) value).typeName())) {
                tree.children.put(name, of(archive, (ScriptArchive.ScriptObject) value, depth + 1));
            }
        }
        return tree;
    }

    private static boolean isModule(ScriptArchive archive, String type) {
        String source = source(archive, type);
        return source != null && Pattern.compile("(?m)^class\\s+" + Pattern.quote(simpleName(type)) + "\\(Module\\):").matcher(source).find();
    }

    /** The names a class lists in {@code __parameters__} or {@code __buffers__}. */
    private static List<String> declared(ScriptArchive archive, String type, String field) {
        List<String> out = new ArrayList<>();
        String source = source(archive, type);
        if (source == null) {
            return out;
        }
        Matcher c = Pattern.compile("(?m)^class\\s+" + Pattern.quote(simpleName(type)) + "\\(Module\\):").matcher(source);
        if (!c.find()) {
            return out;
        }
        Matcher f = Pattern.compile("(?m)^\\s+" + field + "\\s*=\\s*\\[([^\\]]*)\\]").matcher(source);
        if (f.find(c.end())) {
            Matcher name = Pattern.compile("\"([^\"]*)\"").matcher(f.group(1));
            while (name.find()) {
                out.add(name.group(1));
            }
        }
        return out;
    }

    private static String source(ScriptArchive archive, String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? null : archive.sourceOf(type.substring(0, dot));
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    String originalName() {
        return simpleName(typeName);
    }

    boolean isLinear() {
        long[] w = parameters.get("weight");
        return LINEAR.matcher(typeName).find() && w != null && w.length == 2;
    }

    /** What PyTorch prints inside a layer's parentheses, worked out from its weights (as ScriptModule.extraRepr does). */
    String extraRepr() {
        long[] w = parameters.get("weight");
        if (isLinear()) {
            return "in_features=" + w[1] + ", out_features=" + w[0] + ", bias=" + (parameters.containsKey("bias") ? "True" : "False");
        }
        if (w != null && w.length == 4 && CONV2D.matcher(typeName).find()) {
            return w[1] + ", " + w[0] + ", kernel_size=(" + w[2] + ", " + w[3] + ")";
        }
        if (w != null && w.length == 1 && BATCHNORM.matcher(typeName).find()) {
            return Long.toString(w[0]);
        }
        return "";
    }

    /** The dotted paths of the Linear layers, in registration order. */
    List<String> linearPaths() {
        List<String> out = new ArrayList<>();
        collect("", out);
        return out;
    }

    private void collect(String path, List<String> out) {
        if (isLinear()) {
            out.add(path);
        }
        for (Map.Entry<String, ArchiveTree> c : children.entrySet()) {
            c.getValue().collect(path.isEmpty() ? c.getKey() : path + "." + c.getKey(), out);
        }
    }

    /** The number of parameter values in the whole tree. */
    long parameterCount() {
        long total = 0;
        for (long[] shape : parameters.values()) {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            total += n;
        }
        for (ArchiveTree c : children.values()) {
            total += c.parameterCount();
        }
        return total;
    }
}
