package io.jtorch.jit;

import io.jtorch.serialization.ScriptArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What jtorch refuses in a TorchScript file unless its code is trusted
 * ({@link LoadOptions#trustCode()}): code that libtorch runs while loading (a class's
 * {@code __setstate__}, objects of C++ custom classes, whose {@code __setstate__} is native
 * code), and operators that reach outside the tensors: files ({@code torch.from_file},
 * {@code torch.save}, {@code torch.load}), other processes or machines
 * ({@code torch.distributed}), and operators of namespaces libtorch does not define itself
 * (registered by a native library, they can do anything).
 *
 * <p>The check reads the TorchScript source in {@code code/}, which is all the code a file can
 * hold: libtorch compiles every method from it, and its language has no {@code eval},
 * {@code getattr} by string or imports, so every operator a method calls appears there by name.
 */
final class CodePolicy {
    // Not after a word character or a dot: __torch__.torchvision.ops.misc.X is a class's path, not a call of torch.ops.misc.
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.])(?:torch|ops)(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Pattern SETSTATE = Pattern.compile("\\bdef\\s+__setstate__\\b");
    private static final Pattern CLASS = Pattern.compile("^class\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> FILE_OPS = Set.of("from_file", "save", "load", "_load_for_mobile", "_save_for_mobile");
    private static final Set<String> NAMESPACES = Set.of("aten", "prim", "prims", "quantized", "_quantized", "quantization",
            "prepacked", "mkldnn_prepacked", "profiler", "sparse", "torchvision");

    private CodePolicy() {}

    /** Each thing found, as "what (file, line n)". */
    static List<String> findings(ScriptArchive archive) {
        List<String> out = new ArrayList<>();
        for (String type : archive.classes()) {
            if (type.startsWith("__torch__.torch.classes.")) {
                out.add("an object of the C++ class " + type.substring("__torch__.".length())
                        + ", whose __setstate__ runs native code when the file is loaded (data.pkl)");
            }
        }
        for (Map.Entry<String, String> file : archive.code().entrySet()) {
            String[] lines = stripped(file.getValue()).split("\n", -1);
            String module = file.getKey().substring("code/".length(), file.getKey().length() - ".py".length()).replace('/', '.');
            String type = null;
            for (int i = 0; i < lines.length; i++) {
                String where = " (" + file.getKey() + ", line " + (i + 1) + ")";
                Matcher c = CLASS.matcher(lines[i]);
                if (c.find()) {
                    type = module + "." + c.group(1);
                }
                if (SETSTATE.matcher(lines[i]).find()) {
                    out.add("class " + type + " defines __setstate__, which runs when the file is loaded" + where);
                }
                Matcher m = DOTTED.matcher(lines[i]);
                while (m.find()) {
                    String problem = problem(m.group().replaceAll("\\s+", ""));
                    if (problem != null) {
                        out.add(problem + where);
                    }
                }
            }
        }
        return out;
    }

    /** Throws unless {@code archive} holds none of the code this policy refuses. */
    static void check(ScriptArchive archive, Path path) {
        List<String> found = findings(archive);
        if (!found.isEmpty()) {
            throw new IllegalArgumentException(path + " holds code that would run while loading or that reaches files or the "
                    + "process: " + found.get(0) + (found.size() > 1 ? ", and " + (found.size() - 1) + " more" : "")
                    + "; not loaded. If you trust its author, load it with Jit.load(path, LoadOptions.defaults().trustCode()) "
                    + "(jtorch CLI: --trust-model-code)");
        }
    }

    /** Why calling {@code name} (e.g. {@code torch.from_file}, {@code ops.aten.save}) is refused, or null. */
    static String problem(String name) {
        String[] parts = name.split("\\.");
        String namespace;
        String op;
        if (name.startsWith("torch.ops.") && parts.length >= 4) {
            namespace = parts[2];
            op = parts[3];
        } else if (name.startsWith("ops.") && parts.length >= 3) {
            namespace = parts[1];
            op = parts[2];
        } else if (name.startsWith("torch.classes.")) {
            return "a use of the C++ class " + name + ", native code registered by a library";
        } else if (name.startsWith("torch.distributed")) {
            return "a call of " + name + ", which talks to other processes";
        } else if (name.startsWith("torch.") && parts.length >= 2) {
            namespace = "aten";
            op = parts[parts.length - 1];
        } else {
            return null;
        }
        if (FILE_OPS.contains(op)) {
            return "a call of " + name + ", which reads or writes files";
        }
        if (!NAMESPACES.contains(namespace)) {
            return "a call of " + name + ", an operator of the namespace '" + namespace + "' that a native library registers";
        }
        return null;
    }

    /** The source with comments and string literals blanked out, lines kept where they were. */
    static String stripped(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '#') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                String quote = source.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3) : String.valueOf(c);
                out.append(' ');
                i += quote.length();
                while (i < source.length() && !source.startsWith(quote, i)) {
                    char s = source.charAt(i);
                    out.append(s == '\n' ? '\n' : ' ');
                    if (s == '\\' && i + 1 < source.length()) {
                        i++;
                        out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                    }
                    i++;
                }
                i += quote.length();
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
