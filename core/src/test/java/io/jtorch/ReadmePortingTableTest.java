package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's porting table compiles: every code span of its jtorch column is compiled with
 * javac against the library, inside a class whose fields are stand-ins for the variables the
 * table names ({@code Tensor x}, {@code Sequential model}, ...).
 *
 * <p>How a span becomes Java: {@code import ...;} goes to the imports; a qualified class name
 * ({@code java.lang.Module}) becomes {@code X.class}; {@code ...} is dropped, an open
 * {@code for (...)} or {@code try (...)} gets a {@code {}} body, and a missing {@code ;} is added.
 * A row may declare stand-ins of its own, which hide the common ones, in a hidden comment
 * {@code <!-- java: ScriptModule model; -->}. A row that names API not in this tree yet carries
 * {@code <!-- pending -->}: its errors are printed, not failed on, and once it compiles the test
 * fails until the marker is removed.
 */
class ReadmePortingTableTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern JAVA = Pattern.compile("<!--\\s*java:(.*?)-->");
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z]\\w*\\.)+[A-Z]\\w*");
    private static final String STAND_INS = String.join("\n",
            "    Tensor a, b, x, y, w, out, outputs, labels, loss;",
            "    Sequential model, other;",
            "    Module m;",
            "    Linear fc;",
            "    Parameter p;",
            "    List<Parameter> params;",
            "    Dataset ds;",
            "    DataLoader loader;",
            "    Batch batch;",
            "    Optimizer optimizer;",
            "    ScriptModule scripted;",
            "    Map<String, Tensor> sd;",
            "    Path path, root;",
            "    ResNet resnet;",
            "    VGG vgg;",
            "    VisionTransformer vit;",
            "    Transform transform;",
            "    double[] mean, std;",
            "    int i, n;",
            "    long s;");
    private static final List<String> IMPORTS = List.of("io.jtorch.*", "io.jtorch.nn.*", "io.jtorch.nn.Module", "io.jtorch.optim.*",
            "io.jtorch.data.*", "io.jtorch.jit.*", "java.util.*", "java.nio.file.Path", "io.jtorch.vision.models.*",
            "io.jtorch.vision.transforms.Transform", "io.jtorch.vision.transforms.Compose", "io.jtorch.vision.transforms.RandomResizedCrop",
            "io.jtorch.vision.transforms.RandomHorizontalFlip", "io.jtorch.vision.transforms.ToTensor",
            "io.jtorch.vision.transforms.Normalize", "io.jtorch.vision.datasets.ImageFolder");

    @TempDir
    Path out;

    /** One row of the table: its line, the Java statements of its jtorch cell, its own stand-ins, its marker. */
    record Row(int line, String pytorch, List<String> statements, List<String> imports, String declarations, boolean pending) {}

    static List<Row> rows(List<String> readme) {
        return rows(readme, "## Porting table", "| PyTorch |");
    }

    /** The rows of the table headed {@code header...} in the README section {@code section}. */
    static List<Row> rows(List<String> readme, String section, String header) {
        int start = readme.indexOf(section);
        if (start < 0) {
            throw new IllegalStateException("README.md has no '" + section + "' section");
        }
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            String l = readme.get(i).trim();
            if (l.startsWith(header)) {
                inTable = true;
                continue;
            }
            if (!l.startsWith("|")) {
                inTable = false;
                continue;
            }
            if (!inTable || l.startsWith("| ---")) {
                continue;
            }
            String[] cells = l.substring(1).split(" \\| ");
            String cell = cells[1];
            List<String> statements = new ArrayList<>();
            List<String> imports = new ArrayList<>();
            Matcher m = CODE.matcher(cell.replaceAll("<!--.*?-->", ""));
            while (m.find()) {
                String span = m.group(1).trim();
                if (span.startsWith("import ")) {
                    imports.add(span.substring("import ".length()).replace(";", "").trim());
                } else {
                    statements.add(statement(span));
                }
            }
            Matcher d = JAVA.matcher(cell);
            rows.add(new Row(i + 1, cells[0].trim(), statements, imports, d.find() ? d.group(1).trim() : "",
                    cell.contains(PortingDocTest.PENDING)));
        }
        return rows;
    }

    /** The Java statement a code span stands for. */
    static String statement(String span) {
        if (CLASS_NAME.matcher(span).matches()) {
            return "Object type = " + span + ".class;";
        }
        String s = span.replace("...", "").trim();
        if ((s.startsWith("for (") || s.startsWith("try (")) && !s.endsWith("}")) {
            return s + " {}";
        }
        return s.endsWith(";") || s.endsWith("}") ? s : s + ";";
    }

    /** The source of one class holding a nested class per row; {@code lineOfRow} maps source lines to rows. */
    static String source(List<Row> rows, TreeMap<Integer, Row> lineOfRow) {
        Set<String> imports = new LinkedHashSet<>(IMPORTS);
        rows.forEach(r -> imports.addAll(r.imports()));
        StringBuilder src = new StringBuilder();
        imports.forEach(im -> src.append("import ").append(im).append(";\n"));
        src.append("@SuppressWarnings(\"unused\")\nclass PortingTable {\n").append(STAND_INS).append('\n');
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            lineOfRow.put(src.toString().split("\n", -1).length, r);
            src.append("  class Row").append(k).append(" {\n    ").append(r.declarations()).append("\n    void run() throws Exception {\n");
            r.statements().forEach(st -> src.append("      ").append(st).append('\n'));
            src.append("    }\n  }\n");
        }
        return src.append("}\n").toString();
    }

    @Test
    void everyJavaCellOfTheReadmeVisionTableCompiles() {
        List<Row> rows;
        try {
            rows = rows(Files.readAllLines(README), "## torchvision models and transforms", "| Python (torchvision) |");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(rows.size() >= 10, "the torchvision table was found, " + rows.size() + " rows");
        TreeMap<Integer, List<String>> errors = errors(rows);
        assertTrue(errors.isEmpty(), "README torchvision rows that do not compile: " + errors);
    }

    @Test
    void everyJavaCellOfTheReadmePortingTableCompiles() throws IOException {
        List<Row> rows = rows(Files.readAllLines(README));
        assertTrue(rows.size() > 30, "the porting table was found, " + rows.size() + " rows");
        List<Row> ready = rows.stream().filter(r -> !r.pending()).toList();
        TreeMap<Integer, List<String>> errors = errors(ready);
        List<String> failures = new ArrayList<>();
        for (Row r : ready) {
            if (errors.containsKey(r.line())) {
                failures.add("README.md:" + r.line() + " " + r.pytorch() + ": " + String.join("; ", errors.get(r.line())));
            }
        }
        List<String> pending = new ArrayList<>();
        for (Row r : rows) {
            if (r.pending()) {
                // Alone, so that another row's syntax error cannot stop javac before it checks this one.
                List<String> e = errors(List.of(r)).get(r.line());
                String where = "README.md:" + r.line() + " " + r.pytorch() + ": ";
                if (e == null) {
                    failures.add(where + "compiles now: remove its " + PortingDocTest.PENDING + " marker");
                } else {
                    pending.add(where + String.join("; ", e));
                }
            }
        }
        if (!pending.isEmpty()) {
            System.out.println("README porting rows marked pending, not compiling in this tree yet (" + pending.size() + "):\n  "
                    + String.join("\n  ", pending));
        }
        assertTrue(failures.isEmpty(), "README porting table rows that do not compile, or stale pending markers:\n  "
                + String.join("\n  ", failures));
    }

    /** The compile errors of {@code rows}, by README line. */
    private TreeMap<Integer, List<String>> errors(List<Row> rows) {
        TreeMap<Integer, Row> lineOfRow = new TreeMap<>();
        String src = source(rows, lineOfRow);
        String[] lines = src.split("\n");
        TreeMap<Integer, List<String>> errors = new TreeMap<>();
        for (Diagnostic<? extends JavaFileObject> d : compile(src)) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                java.util.Map.Entry<Integer, Row> at = lineOfRow.floorEntry((int) d.getLineNumber());
                int line = at == null ? 0 : at.getValue().line();
                errors.computeIfAbsent(line, k -> new ArrayList<>()).add(d.getMessage(Locale.ROOT).split("\n")[0] + " in: "
                        + (d.getLineNumber() > 0 ? lines[(int) d.getLineNumber() - 1].trim() : "?"));
            }
        }
        if (errors.containsKey(0)) {
            throw new AssertionError("errors outside the rows (the stand-ins or imports): " + errors.get(0));
        }
        return errors;
    }

    @Test
    void aSpanThatDoesNotCompileIsCaught() {
        Row bad = new Row(1, "x", List.of(statement("model.noSuchMethod()")), List.of(), "", false);
        assertEquals(1, compile(source(List.of(bad), new TreeMap<>())).stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .count());
    }

    @Test
    void moduleIsAmbiguousUnderTheWildcardImportAloneAndFineWithTheNamedImport() {
        String body = "class UsesModule { Module m; }\n";
        List<Diagnostic<? extends JavaFileObject>> wildcardOnly = compileUnit("UsesModule", "import io.jtorch.nn.*;\n" + body);
        assertTrue(wildcardOnly.stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains("reference to Module is ambiguous")),
                wildcardOnly.toString());
        assertEquals(List.of(), compileUnit("UsesModule", "import io.jtorch.nn.*;\nimport io.jtorch.nn.Module;\n" + body));
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String src) {
        return compileUnit("PortingTable", src);
    }

    private List<Diagnostic<? extends JavaFileObject>> compileUnit(String className, String src) {
        return JavaCompile.compile(java.util.Map.of(className, src), out);
    }
}
