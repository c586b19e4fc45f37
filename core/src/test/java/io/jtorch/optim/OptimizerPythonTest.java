package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.PythonCheck;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RMSprop and Adagrad state saved by jtorch mid-run loads into PyTorch's optimizers, which continue on PyTorch's trajectory. */
class OptimizerPythonTest {
    private static final JsonNode FX = OptimFixtures.root().get("optimizers");
    private static final List<String> NAMES = List.of("rmsprop_all", "rmsprop_groups", "adagrad_all", "adagrad_groups");
    private static final int STOP = 3;

    @TempDir
    Path tmp;

    @Test
    void pyTorchContinuesFromJtorchsOptimizerState() throws Exception {
        Map<String, Object> saved = new LinkedHashMap<>();
        for (String name : NAMES) {
            List<Parameter> ps = OptimFixtures.params(FX.get(name).get("initial"));
            Optimizer o = RMSpropAdagradTest.config(name).apply(ps);
            for (int step = 0; step < STOP; step++) {
                OptimFixtures.setGrads(ps, FX.get(name).get("grads").get(step));
                o.step();
            }
            saved.put(name, Map.of("params", List.copyOf(ps), "optimizer", o.stateDict()));
        }
        Path file = tmp.resolve("optimizers.pt");
        Torch.save(saved, file);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import importlib.util, sys, warnings, torch",
                "warnings.filterwarnings('ignore')",
                "spec = importlib.util.spec_from_file_location('fx', sys.argv[2]); fx = importlib.util.module_from_spec(spec)",
                "spec.loader.exec_module(fx)",
                "saved = torch.load(sys.argv[1])",
                "for name, sd in saved.items():",
                "    ps = [p.detach().clone().requires_grad_() for p in sd['params']]",
                "    opt = fx.OPTIMIZERS[name](ps)",
                "    opt.load_state_dict(sd['optimizer'])",
                "    for grads in fx.fixed_grads(6)[" + STOP + ":]:",
                "        for p, g in zip(ps, grads):",
                "            p.grad = g.clone()",
                "        opt.step()",
                "    print('RESULT', name, ' '.join(repr(v) for p in ps for v in p.detach().reshape(-1).tolist()))"),
                file.toString(), SchedulerPythonTest.fixtureScript().toString());
        assertEquals(0, r.exitCode(), r.output());
        for (String name : NAMES) {
            String line = r.output().lines().filter(l -> l.startsWith("RESULT " + name + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": " + r.output()));
            String[] values = line.substring(("RESULT " + name + " ").length()).split(" ");
            JsonNode last = FX.get(name).get("params").get(FX.get(name).get("params").size() - 1);
            double[] expected = Torch.cat(List.of(Fixtures.tensor(last.get(0)).reshape(-1), Fixtures.tensor(last.get(1)).reshape(-1)), 0)
                    .toDoubleArray();
            assertEquals(expected.length, values.length, name);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], Double.parseDouble(values[i]), 1e-6 * Math.abs(expected[i]) + 1e-7, name + " element " + i);
            }
        }
    }
}
