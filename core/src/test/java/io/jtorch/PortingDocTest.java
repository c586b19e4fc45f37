package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/PORTING.md cannot drift from the code: every jtorch name in it resolves by reflection, and
 * none of the PyTorch names that fine-tuning code needs (the list below) is "missing".
 *
 * <p>Rows whose jtorch names belong to work that is not in this tree yet carry the marker
 * {@code <!-- pending -->}: their unresolved names are printed, not failed on; once every name of
 * a pending row resolves, the test fails until the marker is removed, so that markers do not
 * outlive their reason.
 */
class PortingDocTest {
    static final String PENDING = "<!-- pending -->";
    private static final Path DOC = Path.of("..", "docs", "PORTING.md");
    private static final List<String> PACKAGES = List.of("io.jtorch", "io.jtorch.nn", "io.jtorch.nn.utils", "io.jtorch.optim",
            "io.jtorch.optim.lr_scheduler", "io.jtorch.data", "io.jtorch.jit");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern NAME = Pattern.compile("(new\\s+)?([A-Za-z_][\\w.]*?)(\\((.*)\\))?");

    /** The PyTorch names the porting reference must give a jtorch name for (the PyTorch column's first name of a row). */
    private static final List<String> REQUIRED = List.of(
            "torch.Tensor.max(dim)", "torch.Tensor.min(dim)", "torch.Tensor.amax, torch.Tensor.amin", "torch.Tensor.topk",
            "torch.Tensor.sort", "torch.Tensor.argsort", "torch.Tensor.norm", "torch.Tensor.remainder", "torch.Tensor.floor_divide",
            "torch.Tensor.flatten(start_dim)", "torch.Tensor.cpu", "torch.Tensor.float, torch.Tensor.double", "torch.Tensor.data",
            "copy.deepcopy(model.state_dict())", "copy.deepcopy(model)", "torch.set_grad_enabled", "torch.__version__", "torch.where",
            "torch.Tensor.clamp", "torch.Tensor.cumsum", "torch.Tensor.unsqueeze, torch.Tensor.squeeze",
            "torch.Tensor.permute, torch.Tensor.transpose, torch.Tensor.t", "torch.Tensor.view, torch.Tensor.reshape",
            "torch.Tensor.contiguous", "torch.Tensor.expand, torch.Tensor.repeat", "torch.Tensor.chunk, torch.Tensor.split",
            "torch.Tensor.gather, torch.Tensor.scatter", "torch.Tensor.index_select", "torch.Tensor.masked_fill", "torch.cat",
            "torch.stack",
            "torch.nn.Conv1d", "torch.nn.ConvTranspose2d", "torch.nn.Embedding", "torch.nn.LayerNorm", "torch.nn.GroupNorm",
            "torch.nn.LSTM", "torch.nn.GRU", "torch.nn.MultiheadAttention", "torch.nn.TransformerEncoderLayer",
            "torch.nn.TransformerEncoder", "torch.nn.Softmax, torch.nn.LogSoftmax", "torch.nn.Sigmoid, torch.nn.Tanh", "torch.nn.SiLU",
            "torch.nn.LeakyReLU, torch.nn.ELU", "torch.nn.Hardswish, torch.nn.Hardsigmoid, torch.nn.ReLU6", "torch.nn.AvgPool2d",
            "torch.nn.AdaptiveMaxPool2d", "torch.nn.Dropout2d", "torch.nn.Upsample", "torch.nn.ModuleList", "torch.nn.ModuleDict",
            "torch.nn.Unflatten", "torch.nn.NLLLoss", "torch.nn.BCELoss, torch.nn.BCEWithLogitsLoss",
            "torch.nn.L1Loss, torch.nn.SmoothL1Loss, torch.nn.HuberLoss", "torch.nn.KLDivLoss",
            "torch.nn.functional.cross_entropy", "torch.nn.functional.nll_loss", "torch.nn.functional.max_pool2d",
            "torch.nn.functional.softmax, torch.nn.functional.log_softmax",
            "torch.nn.init.xavier_uniform_, torch.nn.init.xavier_normal_", "torch.nn.init.kaiming_uniform_",
            "torch.nn.init.kaiming_normal_", "torch.nn.init.constant_", "torch.nn.init.normal_, torch.nn.init.uniform_",
            "torch.nn.init.trunc_normal_", "torch.nn.init.orthogonal_", "torch.nn.init.calculate_gain", "torch.nn.Module.apply",
            "torch.nn.utils.clip_grad_norm_", "torch.nn.utils.clip_grad_value_", "torch.nn.utils.parameters_to_vector",
            "torch.nn.utils.vector_to_parameters",
            "torch.optim.RMSprop", "torch.optim.Adagrad", "torch.optim.Optimizer.add_param_group",
            "torch.optim.lr_scheduler.MultiStepLR", "torch.optim.lr_scheduler.ExponentialLR", "torch.optim.lr_scheduler.LambdaLR",
            "torch.optim.lr_scheduler.MultiplicativeLR", "torch.optim.lr_scheduler.LinearLR", "torch.optim.lr_scheduler.OneCycleLR",
            "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts", "torch.optim.lr_scheduler.SequentialLR",
            "torch.optim.lr_scheduler.ChainedScheduler", "torch.optim.lr_scheduler.ReduceLROnPlateau",
            "torch.nn.Module.children, torch.nn.Module.named_children", "torch.nn.Module.buffers, torch.nn.Module.named_buffers",
            "torch.nn.Module.parameters", "torch.nn.Module.named_parameters", "torch.nn.Module.modules, torch.nn.Module.named_modules",
            "torch.nn.Module.get_submodule", "torch.nn.Module.set_submodule", "torch.nn.Module.zero_grad",
            "torch.nn.Module.load_state_dict", "torch.nn.Module.register_module, torch.nn.Module.add_module",
            "torch.nn.Sequential(OrderedDict(...))", "torch.nn.Sequential[a:b:step]", "torch.nn.Sequential.append, extend, insert, pop",
            "torch.nn.Sequential.__add__", "torch.nn.Module.float, torch.nn.Module.double",
            "scripted(x)", "logits, aux = scripted(x)", "scripted.fc = nn.Linear(...)");

    /** One table row: its PyTorch names as written, its jtorch names, whether it says missing or carries the marker. */
    record Row(int line, String pytorch, List<String> jtorch, boolean missing, boolean pending) {}

    static List<Row> rows(List<String> lines) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.startsWith("|") || l.startsWith("| ---") || l.startsWith("| PyTorch |")) {
                continue;
            }
            String[] cells = l.substring(1).split("\\|");
            String py = String.join(", ", spans(cells[0]));
            out.add(new Row(i + 1, py, spans(cells[1]), cells[1].trim().equals("missing"), cells[1].contains(PENDING)));
        }
        return out;
    }

    static List<String> spans(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    /** Why {@code name} does not resolve, or null when it does. */
    static String problem(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return "not a name of the form Class, Class.member(args), new Class(args) or package.function";
        }
        boolean constructor = m.group(1) != null;
        String path = m.group(2);
        Integer arity = m.group(3) == null ? null : arity(m.group(4));
        String[] parts = path.split("\\.");
        int cls = -1;
        for (int i = 0; i < parts.length; i++) {
            if (Character.isUpperCase(parts[i].charAt(0))) {
                cls = i;
                break;
            }
        }
        if (cls < 0) {
            return functionInPackage(String.join(".", java.util.Arrays.copyOf(parts, parts.length - 1)), parts[parts.length - 1], arity);
        }
        String pkg = String.join(".", java.util.Arrays.copyOf(parts, cls));
        List<Class<?>> found = new ArrayList<>();
        for (String p : pkg.isEmpty() ? PACKAGES : List.of(pkg)) {
            try {
                found.add(Class.forName(p + "." + parts[cls], false, PortingDocTest.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // not in this package
            }
        }
        if (found.isEmpty()) {
            return "no class " + parts[cls] + (pkg.isEmpty() ? " in jtorch's packages" : " in " + pkg);
        }
        if (found.size() > 1) {
            return parts[cls] + " is ambiguous: " + found + "; write it out in full";
        }
        Class<?> c = found.get(0);
        if (constructor) {
            for (Constructor<?> k : c.getConstructors()) {
                if (arity == null || accepts(k.getParameterCount(), k.isVarArgs(), arity)) {
                    return null;
                }
            }
            return "no public constructor of " + c.getName() + " with " + arity + " parameters";
        }
        if (cls == parts.length - 1) {
            return null;
        }
        if (cls != parts.length - 2) {
            return "only one member after the class";
        }
        return member(c, parts[cls + 1], arity);
    }

    private static String member(Class<?> c, String name, Integer arity) {
        for (Method k : c.getMethods()) {
            if (k.getName().equals(name) && (arity == null || accepts(k.getParameterCount(), k.isVarArgs(), arity))) {
                return null;
            }
        }
        if (arity == null) {
            try {
                c.getField(name);
                return null;
            } catch (NoSuchFieldException e) {
                // not a field either
            }
        }
        return "no public " + (arity == null ? "method or field " : "method with " + arity + " parameters ") + c.getSimpleName() + "."
                + name;
    }

    private static String functionInPackage(String pkg, String name, Integer arity) {
        URL dir = PortingDocTest.class.getClassLoader().getResource(pkg.replace('.', '/'));
        if (dir == null || !"file".equals(dir.getProtocol())) {
            return "no package " + pkg;
        }
        File[] files;
        try {
            files = new File(dir.toURI()).listFiles((d, f) -> f.endsWith(".class") && !f.contains("$"));
        } catch (URISyntaxException e) {
            return e.toString();
        }
        for (File f : files == null ? new File[0] : files) {
            try {
                Class<?> c = Class.forName(pkg + "." + f.getName().replace(".class", ""), false, PortingDocTest.class.getClassLoader());
                for (Method k : c.getMethods()) {
                    if (Modifier.isStatic(k.getModifiers()) && k.getName().equals(name)
                            && (arity == null || accepts(k.getParameterCount(), k.isVarArgs(), arity))) {
                        return null;
                    }
                }
            } catch (ClassNotFoundException e) {
                return e.toString();
            }
        }
        return "no public static " + name + " in a class of " + pkg;
    }

    private static boolean accepts(int params, boolean varArgs, int arity) {
        return params == arity || (varArgs && arity >= params - 1);
    }

    private static int arity(String args) {
        return args.isBlank() ? 0 : args.split(",").length;
    }

    @Test
    void everyJtorchNameInThePortingReferenceResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Row r : rows(Files.readAllLines(DOC))) {
            List<String> unresolved = new ArrayList<>();
            for (String name : r.jtorch()) {
                String why = problem(name);
                if (why != null) {
                    unresolved.add(name + " (" + why + ")");
                }
            }
            String where = "PORTING.md:" + r.line() + " " + r.pytorch() + ": ";
            if (r.pending()) {
                if (unresolved.isEmpty()) {
                    stale.add(where + "every name resolves now: remove its " + PENDING + " marker");
                } else {
                    pending.add(where + String.join(", ", unresolved));
                }
            } else if (!unresolved.isEmpty()) {
                broken.add(where + String.join(", ", unresolved));
            }
        }
        if (!pending.isEmpty()) {
            System.out.println("PORTING.md rows marked pending, names not in this tree yet (" + pending.size() + "):\n  "
                    + String.join("\n  ", pending));
        }
        List<String> all = new ArrayList<>(broken);
        all.addAll(stale);
        assertTrue(all.isEmpty(), "PORTING.md names that do not resolve, or stale pending markers:\n  " + String.join("\n  ", all));
    }

    @Test
    void noNameThatFineTuningNeedsIsMissingFromThePortingReference() throws IOException {
        Map<String, Row> byName = new LinkedHashMap<>();
        for (Row r : rows(Files.readAllLines(DOC))) {
            byName.put(r.pytorch(), r);
        }
        List<String> problems = new ArrayList<>();
        for (String required : REQUIRED) {
            Row r = byName.get(required);
            if (r == null) {
                problems.add(required + ": no row");
            } else if (r.missing() || r.jtorch().isEmpty()) {
                problems.add(required + ": missing (PORTING.md:" + r.line() + ")");
            }
        }
        assertTrue(problems.isEmpty(), "PORTING.md lacks names fine-tuning code needs:\n  " + String.join("\n  ", problems));
    }

    @Test
    void theResolverRefusesNamesThatDoNotExist() {
        assertTrue(problem("Tensor.noSuchMethod") != null);
        assertTrue(problem("Tensor.max(dim, keepDim, extra, more)") != null, "arity is checked");
        assertTrue(problem("NoSuchClass") != null);
        assertTrue(problem("new Linear(a, b, c, d)") != null);
        assertTrue(problem("io.jtorch.nn.noSuchFunction") != null);
        assertTrue(problem("Tensor.max()") == null);
        assertTrue(problem("new Linear(in, out)") == null);
        assertTrue(problem("DType.FLOAT32") == null);
        assertTrue(problem("io.jtorch.nn.Module") == null);
    }
}
