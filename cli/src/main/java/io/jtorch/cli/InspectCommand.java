package io.jtorch.cli;

import io.jtorch.Shapes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jtorch inspect MODEL}: the module tree with parameter shapes, and which layers are Linear
 * heads, read from the archive's pickles with jtorch's own checking reader: the model is never
 * loaded into libtorch, so none of its code runs.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Prints a TorchScript model's module tree with parameter shapes, and marks its Linear layers and head.")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "a TorchScript file")
    Path model;

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        // Read from the archive's pickles only: the model never reaches libtorch, so none of its code runs.
        ArchiveTree m = ArchiveTree.of(io.jtorch.serialization.ScriptArchives.read(model, Long.MAX_VALUE));
        PrintWriter out = spec.commandLine().getOut();
        List<String> linears = m.linearPaths();
        String head = linears.isEmpty() ? null : linears.get(linears.size() - 1);
        out.printf(Locale.ROOT, "%s  (%s, %,d parameters)%n", model, m.typeName, m.parameterCount());
        print(out, "", m, 0, linears, head);
        out.println();
        out.println("Linear layers: " + (linears.isEmpty() ? "none" : String.join(", ", linears)));
        out.println(head == null ? "No Linear head: jtorch finetune cannot replace a head in this model."
                : "Head: " + head + " (the last Linear; jtorch finetune replaces it unless --head names another)");
        ModelInfo info = ModelInfo.of(model);
        if (!info.classes().isEmpty()) {
            out.println("Classes: " + info.classes());
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String name, ArchiveTree m, int depth, List<String> linears, String head) {
        StringBuilder line = new StringBuilder("  ".repeat(depth));
        line.append(name.isEmpty() ? "" : name.substring(name.lastIndexOf('.') + 1) + ": ");
        line.append(m.originalName()).append('(').append(m.extraRepr()).append(')');
        for (Map.Entry<String, long[]> p : m.parameters.entrySet()) {
            line.append("  ").append(p.getKey()).append(' ').append(Shapes.format(p.getValue()));
        }
        for (Map.Entry<String, long[]> b : m.buffers.entrySet()) {
            if (b.getValue().length > 0) {
                line.append("  ").append(b.getKey()).append(' ').append(Shapes.format(b.getValue()));
            }
        }
        if (name.equals(head)) {
            line.append("   <- head");
        } else if (linears.contains(name)) {
            line.append("   <- Linear");
        }
        out.println(line);
        for (Map.Entry<String, ArchiveTree> c : m.children.entrySet()) {
            print(out, name.isEmpty() ? c.getKey() : name + "." + c.getKey(), c.getValue(), depth + 1, linears, head);
        }
    }
}
