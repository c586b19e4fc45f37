package io.jtorch.jit;

import static io.jtorch.jit.TorchScriptMutator.add;
import static io.jtorch.jit.TorchScriptMutator.logUniform;
import static io.jtorch.jit.TorchScriptMutator.pick;

import io.jtorch.jit.TorchScriptMutator.Expect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Code-level mutations of the {@code code/} entries: statements that {@link CodePolicy} must
 * refuse (file and process operators, operators of foreign namespaces, custom classes,
 * {@code __setstate__}) put into a method, and code that libtorch's compiler must reject or
 * compile without crashing (deeply nested expressions, huge functions, lines cut, deleted or
 * repeated, bytes that are not UTF-8).
 */
final class CodeMutations {
    private static final String[] REFUSED = {
        "_evil = torch.from_file(\"/etc/hostname\", False, 1)",
        "torch.save(torch.zeros([1]), \"jtorch-fuzz-written\")",
        "_evil = torch.load(\"jtorch-fuzz-read\")",
        "_evil = ops.evil.run(1)",
        "_evil = torch.ops.myns.op(1)",
        "_evil = torch.classes.myns.Thing()",
        "torch.distributed.barrier()",
        "_evil = torch . from_file (\"/etc/hostname\", False, 1)",
    };

    private CodeMutations() {}

    static void register() {
        add("code.refused-op", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            String statement = REFUSED[r.nextInt(REFUSED.length)];
            e.data = insert(e.data, r, statement);
            d.append(e.name).append(": ").append(statement);
            return Expect.REFUSE;
        });
        add("code.setstate", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            String text = TorchScriptMutator.text(e);
            e.data = (text + (text.endsWith("\n") ? "" : "\n") + "  def __setstate__(self, state: Tuple[bool]) -> None:\n"
                    + "    self.training = state[0]\n    return None\n").getBytes(StandardCharsets.UTF_8);
            d.append(e.name);
            return Expect.REFUSE;
        });
        add("code.deep-expression", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            int depth = logUniform(r, 50, 100_000);
            String[][] kinds = {{"(", "1", ")"}, {"[", "1", "]"}, {"- ", "1", ""}, {"not ", "True", ""}, {"torch.neg(", "1.0", ")"},
                {"", "1", " + 1"}, {"", "1", " * 2 - 1"}, {"", "1", "[0]"}, {"", "[1]", "+ [1]"}, {"", "1 if True else ", "1"}};
            String[] k = kinds[r.nextInt(kinds.length)];
            e.data = insert(e.data, r, "_deep = " + k[0].repeat(depth) + k[1] + k[2].repeat(depth));
            d.append(e.name).append(": ").append(String.join("", k).trim()).append(" x ").append(depth);
            return Expect.EITHER;
        });
        add("code.deep-blocks", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            int depth = logUniform(r, 20, 1_500);
            String[] headers = {"if True:", "for _i in range(1):", "while False:", "if False:\n@@  pass\n@@else:"};
            String header = headers[r.nextInt(headers.length)];
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                String indent = "  ".repeat(i);
                body.append(i == 0 ? "" : "\n@@").append(indent).append(header.replace("\n@@", "\n@@" + indent));
            }
            body.append("\n@@").append("  ".repeat(depth)).append("_z = 1");
            e.data = insert(e.data, r, body.toString());
            d.append(e.name).append(": ").append(header).append(" x ").append(depth);
            return Expect.EITHER;
        });
        add("code.huge-function", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            int n = logUniform(r, 100, 200_000);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < n; i++) {
                body.append(i == 0 ? "" : "\n@@").append("_v").append(i).append(" = ").append(i == 0 ? "1" : "_v" + (i - 1) + " + 1");
            }
            e.data = insert(e.data, r, body.toString());
            d.append(e.name).append(": ").append(n).append(" statements");
            return Expect.EITHER;
        });
        add("code.lines", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            List<String> lines = new ArrayList<>(Arrays.asList(TorchScriptMutator.text(e).split("\n", -1)));
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n && lines.size() > 1; i++) {
                int k = r.nextInt(lines.size());
                switch (r.nextInt(4)) {
                    case 0:
                        lines.remove(k);
                        break;
                    case 1:
                        lines.add(k, lines.get(k));
                        break;
                    case 2:
                        lines.set(k, lines.get(k).substring(0, r.nextInt(lines.get(k).length() + 1)));
                        break;
                    default:
                        lines.set(k, " ".repeat(r.nextInt(9)) + lines.get(k).strip());
                        break;
                }
            }
            e.data = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            d.append(e.name);
            return Expect.EITHER;
        });
        add("code.bytes", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.get(pyFile(zip, r));
            byte[] data = e.data.clone();
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n && data.length > 0; i++) {
                data[r.nextInt(data.length)] = (byte) (r.nextBoolean() ? 0x80 + r.nextInt(128) : r.nextInt(128));
            }
            if (r.nextInt(4) == 0) {
                data = Arrays.copyOf(data, r.nextInt(data.length + 1));
            }
            e.data = data;
            d.append(e.name);
            return Expect.EITHER;
        });
    }

    private static int pyFile(FuzzZip zip, Random r) {
        return pick(zip, r, rel -> rel.startsWith("code/") && rel.endsWith(".py"));
    }

    /**
     * {@code source} with {@code statement} (lines separated by "\n@@") put at the start of the
     * body of one of its functions, indented as that body is.
     */
    static byte[] insert(byte[] source, Random r, String statement) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(source, StandardCharsets.UTF_8).split("\n", -1)));
        List<Integer> bodies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("def ")) {
                int j = i;
                while (j < lines.size() && !lines.get(j).stripTrailing().endsWith(":")) {
                    j++;
                }
                if (j + 1 < lines.size()) {
                    bodies.add(j + 1);
                }
            }
        }
        if (bodies.isEmpty()) {
            lines.add(statement.replace("\n@@", "\n"));
        } else {
            int at = bodies.get(r.nextInt(bodies.size()));
            String line = lines.get(at);
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            lines.add(at, indent + statement.replace("\n@@", "\n" + indent));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
