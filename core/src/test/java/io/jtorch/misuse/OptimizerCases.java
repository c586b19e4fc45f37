package io.jtorch.misuse;

import static io.jtorch.misuse.MisuseCase.Outcome.ERROR;
import static io.jtorch.misuse.MisuseCase.Outcome.NULL_ARGUMENT;
import static io.jtorch.misuse.MisuseCase.Outcome.RELEASED;
import static io.jtorch.misuse.MisuseCase.Outcome.RESULT_OR_ERROR;
import static io.jtorch.misuse.Results.check;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import io.jtorch.misuse.MisuseCase.Outcome;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.Adam;
import io.jtorch.optim.AdamW;
import io.jtorch.optim.Optimizer;
import io.jtorch.optim.ParamGroup;
import io.jtorch.optim.SGD;
import io.jtorch.optim.StepLR;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Optimizers used out of order or on parameters that changed under them: stepping before any
 * backward, after the parameters were released or moved to another dtype or device, with NaN
 * gradients, with groups added, duplicated or emptied, and with bad hyperparameters.
 */
final class OptimizerCases {
    private OptimizerCases() {}

    private record Kind(String name, Function<List<Parameter>, Optimizer> make) {}

    private static List<Kind> optimizers() {
        return List.of(
                new Kind("SGD", ps -> new SGD(ps, 0.1)),
                new Kind("SGD(momentum, nesterov, weight decay)", ps -> new SGD(ps, 0.1).momentum(0.9).nesterov(true).weightDecay(1e-2)),
                new Kind("Adam", ps -> new Adam(ps, 1e-2)),
                new Kind("Adam(amsgrad, weight decay)", ps -> new Adam(ps, 1e-2).amsgrad(true).weightDecay(1e-2)),
                new Kind("AdamW", ps -> new AdamW(ps, 1e-2)));
    }

    private interface Scenario {
        void run(Module model, Optimizer optimizer, Kind kind) throws Exception;
    }

    private static Sequential model() {
        return new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
    }

    private static void trainStep(Module model, Optimizer optimizer) {
        optimizer.zeroGrad();
        Tensor loss = new CrossEntropyLoss().forward(model.forward(Torch.randn(5, 3)), Torch.randint(0, 2, 5));
        loss.backward();
        optimizer.step();
    }

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        for (Kind kind : optimizers()) {
            add(out, kind, "step before any backward leaves the parameters unchanged", RESULT_OR_ERROR, (m, o, k) -> {
                Map<String, Tensor> before = clone(m.stateDict());
                o.step();
                o.step();
                for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
                    Results.assertSame(before.get(e.getKey()), e.getValue(), e.getKey());
                }
            });
            add(out, kind, "zeroGrad then step leaves the parameters unchanged", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                Map<String, Tensor> before = clone(m.stateDict());
                o.zeroGrad();
                o.step();
                for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
                    Results.assertSame(before.get(e.getKey()), e.getValue(), e.getKey());
                }
            });
            add(out, kind, "step with NaN gradients makes the parameters NaN", RESULT_OR_ERROR, (m, o, k) -> {
                Tensor loss = m.forward(Torch.full(new long[] {2, 3}, Double.NaN)).sum();
                loss.backward();
                o.step();
                check(Double.isNaN(m.parameters().get(0).sum().item()), "NaN gradients left finite parameters");
            });
            add(out, kind, "step with infinite gradients", RESULT_OR_ERROR, (m, o, k) -> {
                m.forward(Torch.randn(2, 3).mul(Double.POSITIVE_INFINITY)).sum().backward();
                o.step();
                Results.touch(m.parameters());
            });
            add(out, kind, "step after a parameter's handle was released", RELEASED, (m, o, k) -> {
                trainStep(m, o);
                m.parameters().get(0).raw().deallocate();
                o.step();
            });
            add(out, kind, "forward after a parameter's handle was released", RELEASED, (m, o, k) -> {
                m.parameters().get(2).raw().deallocate();
                m.forward(Torch.randn(2, 3));
            });
            add(out, kind, "step after model.to(float64)", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                m.to(DType.FLOAT64);
                m.forward(Torch.randn(5, 3).to(DType.FLOAT64)).sum().backward();
                o.step();
                Results.touch(m.parameters());
            });
            add(out, kind, "step after model.to(float16)", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                m.to(DType.FLOAT16);
                o.step();
                Results.touch(m.parameters());
            });
            add(out, kind, "step after model.to(meta)", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                m.to(Device.meta());
                o.step();
                for (Parameter p : m.parameters()) {
                    check(p.device().equals(Device.meta()), "a parameter left the meta device");
                }
            });
            add(out, kind, "forward on CPU after model.to(meta)", ERROR, (m, o, k) -> {
                m.to(Device.meta());
                m.forward(Torch.randn(2, 3));
            });
            add(out, kind, "step with a gradient of another shape", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                Parameter p = m.parameters().get(0);
                p.raw().mutable_grad().put(Torch.randn(7).raw());
                o.step();
                Results.touch(m.parameters());
            });
            add(out, kind, "step with a meta gradient", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                Parameter p = m.parameters().get(0);
                p.raw().mutable_grad().put(Torch.randn(4, 3).to(Device.meta()).raw());
                o.step();
                Results.touch(m.parameters());
            });
            add(out, kind, "addParamGroup with a parameter already in the optimizer", ERROR,
                    (m, o, k) -> o.addParamGroup(new ParamGroup(m.parameters().subList(0, 1))));
            add(out, kind, "addParamGroup with a new layer, then step", RESULT_OR_ERROR, (m, o, k) -> {
                Linear extra = new Linear(2, 2);
                o.addParamGroup(new ParamGroup(extra.parameters()).lr(0.5));
                extra.forward(m.forward(Torch.randn(3, 3))).sum().backward();
                o.step();
                check(o.paramGroups().size() == 2 && o.paramGroups().get(1).lr() == 0.5, "groups " + o.paramGroups());
            });
            add(out, kind, "addParamGroup with an empty group", RESULT_OR_ERROR, (m, o, k) -> {
                o.addParamGroup(new ParamGroup(List.of()));
                trainStep(m, o);
            });
            add(out, kind, "addParamGroup(null)", NULL_ARGUMENT, (m, o, k) -> o.addParamGroup(null));
            add(out, kind, "ParamGroup with a null parameter", NULL_ARGUMENT,
                    (m, o, k) -> new ParamGroup(java.util.Arrays.asList(m.parameters().get(0), null)));
            add(out, kind, "setLr(-1)", ERROR, (m, o, k) -> o.setLr(-1));
            add(out, kind, "setLr(NaN)", ERROR, (m, o, k) -> o.setLr(Double.NaN));
            add(out, kind, "group lr set to NaN", ERROR, (m, o, k) -> o.paramGroups().get(0).lr(Double.NaN));
            add(out, kind, "group option that the optimizer does not have", ERROR, (m, o, k) -> o.paramGroups().get(0).get("rho"));
            add(out, kind, "lr changed between steps by a scheduler", RESULT_OR_ERROR, (m, o, k) -> {
                StepLR s = new StepLR(o, 1, 0.5);
                for (int i = 0; i < 3; i++) {
                    trainStep(m, o);
                    s.step();
                }
                check(Math.abs(o.paramGroups().get(0).lr() - s.baseLrs().get(0) / 8) < 1e-12, "lr " + o.paramGroups().get(0).lr());
            });
            add(out, kind, "step on frozen parameters changes nothing", RESULT_OR_ERROR, (m, o, k) -> {
                trainStep(m, o);
                m.requiresGrad(false);
                Map<String, Tensor> before = clone(m.stateDict());
                o.step();
                for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
                    Results.assertSame(before.get(e.getKey()), e.getValue(), e.getKey());
                }
            });
            add(out, kind, "optimizer over parameters of a ScriptModule whose head was replaced", RESULT_OR_ERROR, (m, o, k) -> {
                ScriptModule script = LayerCases.script("sequential.pt");
                Optimizer opt = k.make().apply(script.parameters());
                script.replaceHead(5);
                Tensor out5 = script.forward(Torch.randn(2, 3, 16, 16));
                check(out5.size(1) == 5, "head not replaced");
                new CrossEntropyLoss().forward(out5, Torch.tensor(0L, 4L)).backward();
                opt.step();
                Results.touch(script.parameters());
            });
            add(out, kind, "state read for a parameter it does not hold", RESULT_OR_ERROR,
                    (m, o, k) -> check(o.state(new Parameter(Torch.randn(2))).isEmpty(), "state for a foreign parameter"));
        }
        for (Kind kind : optimizers()) {
            out.add(MisuseCase.of("optimizer " + kind.name() + " over zero-size parameters, empty batches", RESULT_OR_ERROR, () -> {
                Sequential m = new Sequential(new Linear(3, 0), new Linear(0, 2));
                Optimizer o = kind.make().apply(m.parameters());
                for (long batch : new long[] {0, 4, 0}) {
                    o.zeroGrad();
                    m.forward(Torch.randn(batch, 3)).sum().backward();
                    o.step();
                }
                check(m.get(1, Linear.class).bias().numel() == 2, "bias lost");
                Results.touch(m.parameters());
            }));
            out.add(MisuseCase.of("optimizer " + kind.name() + " after a mean loss over an empty batch", RESULT_OR_ERROR, () -> {
                Sequential m = model();
                Optimizer o = kind.make().apply(m.parameters());
                Tensor loss = new CrossEntropyLoss().forward(m.forward(Torch.randn(0, 3)), Torch.randint(0, 2, 0));
                check(Double.isNaN(loss.item()), "the mean over no samples is NaN in PyTorch, got " + loss.item());
                loss.backward();
                o.step();
                Results.touch(m.parameters());
            }));
        }
        out.add(MisuseCase.of("optimizer SGD over an empty parameter list", ERROR, () -> new SGD(List.<Parameter>of(), 0.1)));
        out.add(MisuseCase.of("optimizer Adam over no groups", ERROR, () -> new Adam(List.<ParamGroup>of(), 0.1)));
        out.add(MisuseCase.of("optimizer SGD(lr NaN)", ERROR, () -> new SGD(model().parameters(), Double.NaN)));
        out.add(MisuseCase.of("optimizer Adam(lr -1)", ERROR, () -> new Adam(model().parameters(), -1)));
        out.add(MisuseCase.of("optimizer Adam(lr NaN)", ERROR, () -> new Adam(model().parameters(), Double.NaN)));
        out.add(MisuseCase.of("optimizer Adam betas(1, 0.999)", ERROR, () -> new Adam(model().parameters(), 0.1).betas(1, 0.999)));
        out.add(MisuseCase.of("optimizer Adam eps(-1)", ERROR, () -> new Adam(model().parameters(), 0.1).eps(-1)));
        out.add(MisuseCase.of("optimizer SGD momentum(-1)", ERROR, () -> new SGD(model().parameters(), 0.1).momentum(-1)));
        out.add(MisuseCase.of("optimizer SGD nesterov without momentum", ERROR, () -> new SGD(model().parameters(), 0.1).nesterov(true)));
        out.add(MisuseCase.of("optimizer SGD with a parameter listed twice", ERROR, () -> {
            Parameter p = new Parameter(Torch.randn(2));
            new SGD(List.of(p, p), 0.1);
        }));
        out.add(MisuseCase.of("optimizer SGD(null)", NULL_ARGUMENT, () -> new SGD((Iterable<Parameter>) null, 0.1)));
        out.add(MisuseCase.of("optimizer over a released parameter", RELEASED, () -> {
            Parameter p = new Parameter(Torch.randn(2));
            p.raw().deallocate();
            SGD sgd = new SGD(List.of(p), 0.1);
            sgd.zeroGrad();
            sgd.step();
        }));
        return out;
    }

    private static void add(List<MisuseCase> out, Kind kind, String what, Outcome outcome, Scenario s) {
        out.add(MisuseCase.of("optimizer " + kind.name() + ": " + what, outcome, () -> {
            Sequential m = model();
            s.run(m, kind.make().apply(m.parameters()), kind);
        }));
    }

    private static Map<String, Tensor> clone(Map<String, Tensor> state) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }
}
