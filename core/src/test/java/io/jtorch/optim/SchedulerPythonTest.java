package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.PythonCheck;
import io.jtorch.Torch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State saved by jtorch mid-schedule loads into PyTorch's own optimizer and scheduler, which continue with the same rates. */
class SchedulerPythonTest {
    private static final int STOP = 7;
    private static final int PLATEAU_STOP = 10;

    @TempDir
    Path tmp;

    static Path fixtureScript() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("tools/fixtures/optim_fixtures.py");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/fixtures/optim_fixtures.py not found above " + here);
    }

    @Test
    void pyTorchContinuesEveryScheduleFromJtorchsState() throws Exception {
        Map<String, Object> saved = new LinkedHashMap<>();
        for (String name : SchedulerFixtureTest.names()) {
            Optimizer o = SchedulerFixtureTest.twoGroups(name);
            LRScheduler s = SchedulerFixtureTest.config(name).apply(o);
            for (int epoch = 1; epoch <= STOP; epoch++) {
                s.step();
            }
            saved.put(name, Map.of("optimizer", o.stateDict(), "scheduler", s.stateDict()));
        }
        JsonNode metrics = OptimFixtures.root().get("plateau_metrics");
        for (String name : new String[] {"plateau_default", "plateau_patience", "plateau_abs", "plateau_max"}) {
            Optimizer o = SchedulerFixtureTest.twoGroups(name);
            ReduceLROnPlateau s = SchedulerFixtureTest.plateau(name, o);
            for (int i = 0; i < PLATEAU_STOP; i++) {
                s.step(metrics.get(i).asDouble());
            }
            saved.put(name, Map.of("optimizer", o.stateDict(), "scheduler", s.stateDict()));
        }
        Path file = tmp.resolve("schedules.pt");
        Torch.save(saved, file);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import importlib.util, json, sys, warnings, torch",
                "warnings.filterwarnings('ignore')",
                "spec = importlib.util.spec_from_file_location('fx', sys.argv[2]); fx = importlib.util.module_from_spec(spec)",
                "spec.loader.exec_module(fx)",
                "saved = torch.load(sys.argv[1])",
                "out = {}",
                "for name, sd in saved.items():",
                "    plateau = name in fx.PLATEAUS",
                "    opt = fx.two_groups(fx.SCHEDULER_OPTIMIZER.get(name, 'sgd'))",
                "    sched = (fx.PLATEAUS if plateau else fx.SCHEDULERS)[name](opt)",
                "    opt.load_state_dict(sd['optimizer'])",
                "    sched.load_state_dict(sd['scheduler'])",
                "    lrs = []",
                "    for i in range(" + PLATEAU_STOP + ", len(fx.METRICS)) if plateau else range(" + STOP + ", 20):",
                "        opt.step()",
                "        sched.step(fx.METRICS[i]) if plateau else sched.step()",
                "        lrs.append([g['lr'] for g in opt.param_groups])",
                "    out[name] = lrs",
                "print('RESULT ' + json.dumps(out))"), file.toString(), fixtureScript().toString());
        assertEquals(0, r.exitCode(), r.output());
        String line = r.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(() -> new AssertionError(r.output()));
        JsonNode python = new ObjectMapper().readTree(line.substring("RESULT ".length()));
        assertEquals(saved.keySet().size(), python.size());
        for (String name : SchedulerFixtureTest.names()) {
            double[][] expected = OptimFixtures.rows(SchedulerFixtureTest.FX.get(name).get("lrs"));
            double[][] actual = OptimFixtures.rows(python.get(name));
            for (int k = 0; k < actual.length; k++) {
                for (int g = 0; g < 2; g++) {
                    assertEquals(expected[STOP + 1 + k][g], actual[k][g], 1e-12, name + " epoch " + (STOP + 1 + k) + " group " + g);
                }
            }
            assertTrue(actual.length > 0, name);
        }
        for (String name : new String[] {"plateau_default", "plateau_patience", "plateau_abs", "plateau_max"}) {
            double[][] expected = OptimFixtures.rows(OptimFixtures.root().get("plateaus").get(name).get("lrs"));
            double[][] actual = OptimFixtures.rows(python.get(name));
            for (int k = 0; k < actual.length; k++) {
                for (int g = 0; g < 2; g++) {
                    assertEquals(expected[PLATEAU_STOP + k][g], actual[k][g], 1e-12, name + " metric " + (PLATEAU_STOP + k) + " group " + g);
                }
            }
        }
    }
}
