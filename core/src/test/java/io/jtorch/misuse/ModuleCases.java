package io.jtorch.misuse;

import static io.jtorch.misuse.MisuseCase.Outcome.ERROR;
import static io.jtorch.misuse.MisuseCase.Outcome.NULL_ARGUMENT;
import static io.jtorch.misuse.MisuseCase.Outcome.RELEASED;
import static io.jtorch.misuse.MisuseCase.Outcome.RESULT_OR_ERROR;
import static io.jtorch.misuse.MisuseCase.of;
import static io.jtorch.misuse.Results.check;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.nn.BatchNorm1d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Sequential} used like a list the wrong way (indices out of range, itself or its parent
 * as an element, null), modules registered under bad names or in cycles, state dicts with
 * released, meta or mistyped tensors, and layers built with impossible sizes.
 */
final class ModuleCases {
    private ModuleCases() {}

    private static Sequential seq() {
        return new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
    }

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        for (int i : new int[] {-4, 3, 100, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            out.add(of("sequential get(" + i + ")", ERROR, () -> seq().get(i)));
            out.add(of("sequential set(" + i + ", ReLU)", ERROR, () -> seq().set(i, new ReLU())));
            out.add(of("sequential remove(" + i + ")", ERROR, () -> seq().remove(i)));
            out.add(of("sequential insert(" + (i == 3 ? 4 : i) + ", ReLU)", ERROR, () -> seq().insert(i == 3 ? 4 : i, new ReLU())));
            out.add(of("sequential slice(" + i + ", " + (-i) + ")", RESULT_OR_ERROR, () -> Results.touch(seq().slice(i, -i).size())));
        }
        out.add(of("sequential get(-1, Conv2d.class) on a Linear", ERROR, () -> seq().get(-1, Conv2d.class)));
        out.add(of("sequential pop() on an empty one", ERROR, () -> new Sequential().pop()));
        out.add(of("sequential forward on an empty one", ERROR, () -> new Sequential().forward(Torch.randn(2, 3))));
        out.add(of("sequential append(itself)", ERROR, () -> {
            Sequential s = seq();
            s.append(s);
        }));
        out.add(of("sequential insert(0, itself)", ERROR, () -> {
            Sequential s = seq();
            s.insert(0, s);
        }));
        out.add(of("sequential set(0, itself)", ERROR, () -> {
            Sequential s = seq();
            s.set(0, s);
        }));
        out.add(of("sequential appended to its own child (a cycle)", ERROR, () -> {
            Sequential outer = seq();
            Sequential inner = new Sequential(new ReLU());
            outer.append(inner);
            inner.append(outer);
            outer.forward(Torch.randn(2, 3));
        }));
        out.add(of("sequential cycle through three levels, then toString", ERROR, () -> {
            Sequential a = new Sequential(new ReLU());
            Sequential b = new Sequential(a);
            Sequential c = new Sequential(b);
            a.set(0, c);
            c.toString();
        }));
        out.add(of("module registerModule of its parent (a cycle)", ERROR, () -> {
            Sequential parent = seq();
            Holder child = new Holder();
            parent.append(child);
            child.registerModule("up", parent);
            parent.parameters();
            Jit.script(parent);
        }));
        out.add(of("sequential extend(itself) appends its layers again", RESULT_OR_ERROR, () -> {
            Sequential s = new Sequential(new Linear(3, 3), new ReLU());
            s.extend(s);
            check(s.size() == 4 && s.get(2) == s.get(0), "extend(itself) gave " + s);
            Results.touch(s.forward(Torch.randn(2, 3)));
        }));
        out.add(of("sequential holding one layer twice shares it", RESULT_OR_ERROR, () -> {
            Linear shared = new Linear(3, 3);
            Sequential s = new Sequential(shared, new ReLU(), shared);
            check(s.parameters().size() == 2, "shared parameters listed twice: " + s.parameters().size());
            Results.touch(s.forward(Torch.randn(2, 3)));
            Results.touch(Jit.script(s).forward(Torch.randn(2, 3)));
        }));
        out.add(of("sequential append(null)", NULL_ARGUMENT, () -> seq().append(null)));
        out.add(of("sequential set(0, null)", NULL_ARGUMENT, () -> seq().set(0, null)));
        out.add(of("sequential of a null module", NULL_ARGUMENT, () -> new Sequential(new Linear(2, 2), null)));
        out.add(of("sequential registerModule(\"x\", ReLU) adds a named child, as add_module", RESULT_OR_ERROR, () -> {
            Sequential s = seq();
            s.registerModule("x", new ReLU());
            check(s.namedChildren().containsKey("x") && s.get(-1) instanceof ReLU, "registerModule gave " + s);
            Results.touch(s.forward(Torch.randn(2, 3)));
        }));
        out.add(of("sequential slice step 0", ERROR, () -> seq().slice(0, 2, 0)));
        out.add(of("module list get(99)", ERROR, () -> new io.jtorch.nn.ModuleList(new ReLU()).get(99)));
        out.add(of("module dict get(missing)", ERROR, () -> new io.jtorch.nn.ModuleDict().get("missing")));
        out.add(of("setSubmodule on a missing path", ERROR, () -> seq().setSubmodule("9.x", new ReLU())));
        out.add(of("sequential iterator remove()", ERROR, () -> {
            java.util.Iterator<Module> it = seq().iterator();
            it.next();
            it.remove();
        }));
        out.add(of("sequential modified while forward of a copy runs", RESULT_OR_ERROR, () -> {
            Sequential s = seq();
            Sequential head = s.slice(0, 2);
            s.remove(0);
            Results.touch(head.forward(Torch.randn(2, 3)));
        }));
        for (String name : new String[] {"", "a.b", null}) {
            out.add(of("module registerParameter(" + name + ")", ERROR, () -> new Holder().registerParameter(name, new Parameter(Torch.randn(2)))));
            out.add(of("module registerBuffer(" + name + ")", ERROR, () -> new Holder().registerBuffer(name, Torch.randn(2))));
            out.add(of("module registerModule(" + name + ")", ERROR, () -> new Holder().registerModule(name, new ReLU())));
        }
        out.add(of("module registerModule(itself)", ERROR, () -> {
            Holder h = new Holder();
            h.registerModule("self", h);
        }));
        out.add(of("module registerBuffer(released)", RELEASED, () -> new Holder().registerBuffer("b", ShapeOps.released(Torch.randn(2)))));
        out.add(of("module new Parameter(released)", RELEASED, () -> new Parameter(ShapeOps.released(Torch.randn(2)))));
        out.add(of("module getSubmodule(\"0.weight\")", ERROR, () -> seq().getSubmodule("0.weight")));
        out.add(of("module getSubmodule(\"..\")", ERROR, () -> seq().getSubmodule("..")));
        out.add(of("module to(int64)", ERROR, () -> seq().to(DType.INT64)));
        out.add(of("module to(cuda) without CUDA", ERROR, () -> seq().to(Device.cuda())));
        out.add(of("module to(meta) then stateDict", RESULT_OR_ERROR, () -> {
            Sequential s = seq();
            s.to(Device.meta());
            Results.touch(s.stateDict());
        }));
        Map<String, java.util.function.Function<Tensor, Tensor>> bad = new LinkedHashMap<>();
        bad.put("released", ShapeOps::released);
        bad.put("meta", t -> t.to(Device.meta()));
        bad.put("float64", t -> t.to(DType.FLOAT64));
        bad.put("int64", t -> t.to(DType.INT64));
        bad.put("bool", t -> t.gt(0.0));
        bad.put("NaN", t -> Torch.full(t.shape(), Double.NaN));
        bad.put("transposed", t -> t.dim() == 2 ? t.t().contiguous().t() : t);
        bad.put("wrong shape", t -> Torch.randn(t.numel() + 1));
        bad.put("requires grad", t -> t.clone().requiresGrad(true));
        for (Map.Entry<String, java.util.function.Function<Tensor, Tensor>> b : bad.entrySet()) {
            out.add(of("module loadStateDict with a " + b.getKey() + " tensor", b.getKey().equals("released") ? RELEASED : RESULT_OR_ERROR,
                    () -> {
                        Sequential target = seq();
                        Map<String, Tensor> state = new LinkedHashMap<>(seq().stateDict());
                        state.put("0.weight", b.getValue().apply(state.get("0.weight")));
                        target.loadStateDict(state, true);
                        Results.touch(target.stateDict());
                        Tensor expected = state.get("0.weight");
                        if (expected.device().isCpu()) {
                            Results.assertSame(expected.detach().to(DType.FLOAT32), target.stateDict().get("0.weight"), "loaded weight");
                        }
                        Results.touch(target.forward(Torch.randn(2, 3)));
                    }));
        }
        out.add(of("module loadStateDict(null)", NULL_ARGUMENT, () -> seq().loadStateDict(null, true)));
        out.add(of("module loadStateDict with a null value", RESULT_OR_ERROR, () -> {
            Map<String, Tensor> state = new LinkedHashMap<>(seq().stateDict());
            state.put("0.weight", null);
            seq().loadStateDict(state, true);
        }));
        out.add(of("layer Linear(-1, 2)", ERROR, () -> new Linear(-1, 2)));
        out.add(of("layer Linear(2^40, 2^40)", ERROR, () -> new Linear(1L << 40, 1L << 40)));
        out.add(of("layer Linear(0, 0) forward", RESULT_OR_ERROR, () -> {
            Tensor y = new Linear(0, 0).forward(Torch.randn(5, 0));
            check(java.util.Arrays.equals(y.shape(), new long[] {5, 0}), "shape");
        }));
        out.add(of("layer Conv2d(3, 2, 0)", ERROR, () -> new Conv2d(3, 2, 0).forward(Torch.randn(1, 3, 4, 4))));
        out.add(of("layer Conv2d(3, 2, -1)", ERROR, () -> new Conv2d(3, 2, -1)));
        out.add(of("layer Conv2d(3, 2, 3, stride 0)", ERROR, () -> new Conv2d(3, 2, 3, 0, 0).forward(Torch.randn(1, 3, 5, 5))));
        out.add(of("layer Conv2d(3, 2, 3, padding -1)", ERROR, () -> new Conv2d(3, 2, 3, 1, -1).forward(Torch.randn(1, 3, 5, 5))));
        out.add(of("layer Conv2d(0, 0, 3) forward", RESULT_OR_ERROR, () -> Results.touch(new Conv2d(0, 0, 3).forward(Torch.randn(1, 0, 5, 5)))));
        out.add(of("layer Conv2d(-3, 2, 3)", ERROR, () -> new Conv2d(-3, 2, 3)));
        out.add(of("layer Conv2d(4, 4, 3, groups 0)", ERROR, () -> new Conv2d(4, 4, new long[] {3}, new long[] {1}, new long[] {0},
                new long[] {1}, 0, true)));
        out.add(of("layer Conv2d with a kernel of 3 values", ERROR, () -> new Conv2d(4, 4, new long[] {3, 3, 3}, new long[] {1},
                new long[] {0}, new long[] {1}, 1, true)));
        out.add(of("layer Conv2d dilation 0", ERROR, () -> new Conv2d(3, 2, new long[] {3}, new long[] {1}, new long[] {0},
                new long[] {0}, 1, true).forward(Torch.randn(1, 3, 5, 5))));
        out.add(of("layer BatchNorm1d(0)", ERROR, () -> new BatchNorm1d(0)));
        out.add(of("layer BatchNorm1d training on one sample", ERROR, () -> new BatchNorm1d(3).forward(Torch.randn(1, 3))));
        out.add(of("layer BatchNorm1d(eps -1, momentum NaN)", RESULT_OR_ERROR,
                () -> Results.touch(new BatchNorm1d(3, -1, Double.NaN, true, true).forward(Torch.randn(4, 3)))));
        out.add(of("layer Dropout(NaN)", ERROR, () -> new Dropout(Double.NaN).forward(Torch.randn(2, 2))));
        out.add(of("layer Dropout(-0.1)", ERROR, () -> new Dropout(-0.1)));
        return out;
    }

    /** A module with a Java forward, for registering things on. */
    static final class Holder extends Module {
        @Override
        public Tensor forward(Tensor input) {
            Tensor x = input;
            for (Module m : children()) {
                x = m.forward(x);
            }
            return x;
        }
    }
}
