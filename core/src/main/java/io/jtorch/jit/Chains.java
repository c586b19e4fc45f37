package io.jtorch.jit;

import io.jtorch.internal.Errors;
import io.jtorch.nn.Module;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.pytorch.BoolType;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.FunctionType;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueOptional;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.JitNode;
import org.bytedeco.pytorch.MethodOptional;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.SingletonTypePtr;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.Value;
import org.bytedeco.pytorch.ValueArrayRef;
import org.bytedeco.pytorch.global.torch.TypeKind;

/**
 * Reads a TorchScript module's {@code forward} graph as a chain of stages, when it is one: each
 * node either calls a child's {@code forward} on the running value, calls another method of the
 * module itself on it (torchvision's {@code forward} calls {@code self._forward_impl(x)}), or is
 * a deterministic {@code aten} operation on the running value and constants
 * ({@code torch.flatten(x, 1)}), or calls a compiled function on it and constants (scripting
 * keeps {@code torch.nn.functional.relu(x, inplace=True)} and
 * {@code adaptive_avg_pool2d(x, (1, 1))} as such calls); nothing else may read the running value. Both scripted and
 * traced torchvision classifiers (ResNet, VGG, MobileNet, DenseNet, ...) have such graphs.
 *
 * <p>An aten step becomes a small script module of its own whose {@code forward} is that one
 * call, and a function call a {@link FunctionStage}, so every stage is a module.
 */
final class Chains {
    /**
     * A top-level node of a printed graph that names a child or a method. The names are read
     * from the graph's text: the presets return a node's string attribute as a dangling pointer.
     */
    private static final Pattern NAMED = Pattern.compile("^  %[^ ]+ : .*?= prim::(GetAttr|CallMethod|Constant)\\[name=\"([^\"]*)\"\\]\\(",
            Pattern.MULTILINE);

    private Chains() {}

    /**
     * One stage: a child called by name; an aten operation, with its TorchScript call; or a call
     * of a compiled function ({@code function} non-null), with the running value at
     * {@code position} among its arguments and the literals of the others in {@code call}.
     */
    record Step(String child, String opName, String call, Function function, int position, List<String> literals) {}

    /** The steps of {@code m}'s forward, or an exception saying what breaks the chain. */
    static List<Step> steps(ScriptModule m) {
        List<Step> out = new ArrayList<>();
        walk(m.raw(), "forward", m.originalName(), out, 0);
        return out;
    }

    /** The stages for {@code steps}: the children of {@code m} and one module per functional step. */
    static LinkedHashMap<String, Module> stages(ScriptModule m, List<Step> steps, Map<String, ScriptModule> opModules) {
        Map<String, Module> children = m.namedChildren();
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        for (Step s : steps) {
            if (s.child() != null) {
                out.put(s.child(), children.get(s.child()));
            } else {
                String base = (s.function() == null ? "torch." : "torch.nn.functional.") + s.opName();
                String name = base;
                for (int k = 1; out.containsKey(name); k++) {
                    name = base + "." + k;
                }
                out.put(name, s.function() == null ? opModules.computeIfAbsent(s.call(), Chains::opModule)
                        : new FunctionStage(m, s.function(), name, s.position(), constants(s.literals())));
            }
        }
        return out;
    }

    private static void walk(JitModule module, String method, String where, List<Step> out, int depth) {
        MethodOptional found = module.find_method(method);
        if (!found.has_value()) {
            throw notAChain(where, "it has no method " + method);
        }
        Graph g = found.get().graph();
        ValueArrayRef in = g.inputs();
        if (in.size() != 2) {
            throw notAChain(where, method + " takes " + (in.size() - 1) + " arguments, not 1");
        }
        long self = in.at(0).address();
        long running = in.at(1).address();
        Map<String, JitModule> children = Slots.children(module);
        Set<String> childNames = children.keySet();
        Map<Long, String> attrs = new HashMap<>();      // value -> child name read from self
        Map<Long, String> literals = new HashMap<>();   // value -> TorchScript literal
        Map<Long, Function> functions = new HashMap<>(); // value -> compiled function
        Map<Long, String> functionNames = new HashMap<>();
        Set<Long> consumed = new HashSet<>();           // running values already passed on
        Matcher named = NAMED.matcher(g.toString());
        JitNode end = g.return_node();
        for (JitNode n = g.nodes().front(); n.address() != end.address(); n = n.next()) {
            String kind = n.kind().toQualString().getString();
            ValueArrayRef args = n.inputs();
            for (int i = 0; i < args.size(); i++) {
                if (consumed.contains(args.at(i).address())) {
                    throw notAChain(where, "a value of " + method + " is used twice (" + kind + "), so it branches");
                }
            }
            if (n.blocks().size() != 0) {
                throw notAChain(where, method + " has control flow (" + kind + ")");
            }
            switch (kind) {
                case "prim::Constant": {
                    Type.TypePtr type = n.output().type();
                    // Compared by value: the presets return enums whose identity is not the constant's.
                    if (type.get().kind().value == TypeKind.FunctionType.value) {
                        functionNames.put(n.output().address(), nameOf(named, kind, where));
                        functions.put(n.output().address(), new FunctionType(type.get()).function());
                        continue;
                    }
                    String lit = literal(n.output());
                    if (lit != null) {
                        literals.put(n.output().address(), lit);
                    }
                    continue;
                }
                case "prim::ListConstruct": {
                    StringBuilder b = new StringBuilder("[");
                    boolean ok = true;
                    for (int i = 0; i < args.size(); i++) {
                        String lit = literals.get(args.at(i).address());
                        ok &= lit != null;
                        b.append(i > 0 ? ", " : "").append(lit);
                    }
                    if (ok) {
                        literals.put(n.output().address(), b.append(']').toString());
                        continue;
                    }
                    break;
                }
                case "prim::GetAttr": {
                    String name = nameOf(named, kind, where);
                    if (args.at(0).address() == self && childNames.contains(name)
                            && n.output().type().get().str().getString().equals(Slots.typeName(children.get(name)))) {
                        attrs.put(n.output().address(), name);
                        continue;
                    }
                    throw notAChain(where, method + " reads self." + name + ", which is not a child module");
                }
                case "prim::CallMethod": {
                    String name = nameOf(named, kind, where);
                    if (args.size() != 2 || args.at(1).address() != running || n.outputs().size() != 1) {
                        break;
                    }
                    long target = args.at(0).address();
                    if (target == self) {
                        if (depth > 8) {
                            throw notAChain(where, "its methods call each other too deeply");
                        }
                        walk(module, name, where, out, depth + 1);
                    } else if (attrs.containsKey(target) && name.equals("forward")) {
                        out.add(new Step(attrs.get(target), null, null, null, -1, null));
                    } else {
                        throw notAChain(where, method + " calls " + name + " of " + attrs.getOrDefault(target, "a value"));
                    }
                    consumed.add(running);
                    running = n.output().address();
                    continue;
                }
                case "prim::CallFunction": {
                    Function f = functions.get(args.at(0).address());
                    List<String> lits = new ArrayList<>();
                    int position = -1;
                    for (int i = 1; i < args.size() && f != null; i++) {
                        long a = args.at(i).address();
                        if (a == running && position < 0) {
                            position = i - 1;
                        } else if (literals.containsKey(a)) {
                            lits.add(literals.get(a));
                        } else {
                            f = null;
                        }
                    }
                    if (f != null && position >= 0 && n.outputs().size() == 1) {
                        out.add(new Step(null, functionNames.get(args.at(0).address()), null, f, position, lits));
                        consumed.add(running);
                        running = n.output().address();
                        continue;
                    }
                    break;
                }
                default:
                    if (kind.startsWith("aten::") && n.outputs().size() == 1 && !n.isNondeterministic()) {
                        String call = call(kind.substring(6), args, running, literals);
                        if (call != null) {
                            out.add(new Step(null, kind.substring(6), call, null, -1, null));
                            consumed.add(running);
                            running = n.output().address();
                            continue;
                        }
                    }
                    break;
            }
            throw notAChain(where, method + " runs " + kind + ", which is not a call of a child on the running value");
        }
        ValueArrayRef results = end.inputs();
        if (results.size() != 1 || results.at(0).address() != running) {
            throw notAChain(where, method + " does not return the last stage's output");
        }
    }

    /** The name in the next named node of the graph's text, which must be a {@code kind} node. */
    private static String nameOf(Matcher named, String kind, String where) {
        if (!named.find() || !kind.equals("prim::" + named.group(1))) {
            throw notAChain(where, "its graph could not be read");
        }
        return named.group(2);
    }

    /** {@code torch.op(x, ...)} when the node reads the running value once and constants otherwise, else null. */
    private static String call(String op, ValueArrayRef args, long running, Map<Long, String> literals) {
        StringBuilder b = new StringBuilder("torch.").append(op).append('(');
        int seen = 0;
        for (int i = 0; i < args.size(); i++) {
            long a = args.at(i).address();
            String lit = a == running ? "x" : literals.get(a);
            if (lit == null) {
                return null;
            }
            seen += a == running ? 1 : 0;
            b.append(i > 0 ? ", " : "").append(lit);
        }
        return seen == 1 ? b.append(')').toString() : null;
    }

    /** The TorchScript literal of a constant, or null for one this class does not write. */
    private static String literal(Value v) {
        IValueOptional o = org.bytedeco.pytorch.global.torch.toIValue(v);
        if (!o.has_value()) {
            return null;
        }
        IValue c = o.get();
        if (c.isNone()) {
            return "None";
        }
        if (c.isBool()) {
            return c.toBool() ? "True" : "False";
        }
        if (c.isInt()) {
            return Long.toString(c.toInt());
        }
        if (c.isDouble()) {
            double d = c.toDouble();
            return Double.isFinite(d) ? Double.toString(d) : null;
        }
        if (c.isIntList()) {
            long[] xs = c.toIntVector().get();
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < xs.length; i++) {
                b.append(i > 0 ? ", " : "").append(xs[i]);
            }
            return b.append(']').toString();
        }
        return null;
    }

    /** The values of TorchScript literals, computed by TorchScript itself. */
    private static List<IValue> constants(List<String> literals) {
        List<IValue> out = new ArrayList<>();
        for (String lit : literals) {
            JitModule jm = new JitModule(new QualifiedName("__torch__.jtorch.stages.Constant"), new CompilationUnit(), true);
            try {
                jm.define("def forward(self):\n    return " + lit + "\n");
                out.add(new IValue(jm.forward(new IValueVector())));
            } catch (RuntimeException e) {
                throw Errors.translate(e, "the constant " + lit);
            }
        }
        return out;
    }

    /** A parameter-free script module whose forward is {@code return call}. */
    private static ScriptModule opModule(String call) {
        JitModule jm = new JitModule(new QualifiedName("__torch__.jtorch.stages.Op"), new CompilationUnit(), true);
        // The training flag every module has, which train() and eval() set.
        jm.register_attribute("training", new Type.TypePtr(new SingletonTypePtr(BoolType.get().get())), new IValue(false), false, false);
        try {
            jm.define("def forward(self, x: Tensor) -> Tensor:\n    return " + call + "\n");
        } catch (RuntimeException e) {
            throw Errors.translate(e, "compiling the stage " + call);
        }
        return new ScriptModule(jm);
    }

    private static UnsupportedOperationException notAChain(String where, String why) {
        return new UnsupportedOperationException("the forward of " + where + " is not a chain of its children: " + why);
    }
}
