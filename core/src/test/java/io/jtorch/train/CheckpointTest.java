package io.jtorch.train;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.Adam;
import io.jtorch.optim.LRScheduler;
import io.jtorch.optim.Optimizer;
import io.jtorch.optim.SGD;
import io.jtorch.optim.StepLR;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run interrupted after epoch k and resumed from its checkpoint ends bit-identical to one that never stopped. */
class CheckpointTest {
    @TempDir
    Path tmp;

    private static final TensorDataset DATA = data();

    private static TensorDataset data() {
        Torch.manualSeed(123);
        return new TensorDataset(Torch.randn(96, 12).retain(), Torch.randint(0, 4, 96).retain());
    }

    /** Everything one run needs; built fresh for each run so that nothing is shared but the checkpoint. */
    private static final class Run {
        final Sequential model = new Sequential(new Linear(12, 32), new ReLU(), new Dropout(0.2), new Linear(32, 4));
        final Optimizer optimizer;
        final LRScheduler scheduler;
        final DataLoader loader = new DataLoader(DATA, 16, true).seed(5);

        Run(Function<Sequential, Optimizer> optimizer) {
            this.optimizer = optimizer.apply(model);
            this.scheduler = new StepLR(this.optimizer, 2, 0.5);
        }

        void epoch() {
            CrossEntropyLoss criterion = new CrossEntropyLoss();
            for (Batch b : loader) {
                optimizer.zeroGrad();
                criterion.forward(model.forward(b.inputs()), b.labels()).backward();
                optimizer.step();
            }
            scheduler.step();
        }
    }

    private void resumedRunEqualsUninterruptedOne(Function<Sequential, Optimizer> optimizer) throws IOException {
        Torch.manualSeed(7);
        Run straight = new Run(optimizer);
        for (int e = 0; e < 5; e++) {
            straight.epoch();
        }

        Torch.manualSeed(7);
        Run first = new Run(optimizer);
        for (int e = 0; e < 2; e++) {
            first.epoch();
        }
        Path file = tmp.resolve("ckpt.pt");
        Checkpoint.of(first.model, first.optimizer).scheduler(first.scheduler).loader(first.loader).epoch(2).extra("note", "half way")
                .save(file);

        Torch.manualSeed(999); // a different process would start from other random state
        Run resumed = new Run(optimizer);
        Checkpoint ckpt = Checkpoint.load(file);
        assertEquals("half way", ckpt.extra().get("note"));
        int done = ckpt.restore(resumed.model, resumed.optimizer, resumed.scheduler, resumed.loader);
        assertEquals(2, done);
        for (int e = done; e < 5; e++) {
            resumed.epoch();
        }
        Map<String, Tensor> a = straight.model.stateDict();
        Map<String, Tensor> b = resumed.model.stateDict();
        for (String k : a.keySet()) {
            assertBitEqual(a.get(k), b.get(k), k);
        }
        assertEquals(straight.optimizer.paramGroups().get(0).lr(), resumed.optimizer.paramGroups().get(0).lr(), 0.0);
    }

    @Test
    void sgdWithMomentumAndASchedulerResumesBitIdentical() throws IOException {
        resumedRunEqualsUninterruptedOne(m -> new SGD(m.parameters(), 0.1).momentum(0.9).weightDecay(1e-4));
    }

    @Test
    void adamResumesBitIdentical() throws IOException {
        resumedRunEqualsUninterruptedOne(m -> new Adam(m.parameters(), 1e-2));
    }

    @Test
    void aCheckpointOfAnotherModelIsRefused() throws IOException {
        Run run = new Run(m -> new SGD(m.parameters(), 0.1));
        Path file = tmp.resolve("other.pt");
        Checkpoint.of(run.model, run.optimizer).save(file);
        Sequential different = new Sequential(new Linear(12, 8), new ReLU(), new Dropout(0.2), new Linear(8, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(file).restore(different, null, null, null));
        assertTrue(e.getMessage().contains("size mismatch for 0.weight"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(file).restore(run.model, run.optimizer, run.scheduler, null));
    }

    @Test
    void pythonReadsTheCheckpointInPyTorchsLayout() throws IOException {
        Run run = new Run(m -> new Adam(m.parameters(), 1e-2));
        run.epoch();
        Path file = tmp.resolve("py.pt");
        Checkpoint.of(run.model, run.optimizer).scheduler(run.scheduler).epoch(1).save(file);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import sys, torch",
                "c = torch.load(sys.argv[1], weights_only=False)",
                "m = torch.nn.Sequential(torch.nn.Linear(12, 32), torch.nn.ReLU(), torch.nn.Dropout(0.2), torch.nn.Linear(32, 4))",
                "m.load_state_dict(c['model'])",
                "o = torch.optim.Adam(m.parameters(), lr=1e-2)",
                "o.load_state_dict(c['optimizer'])",
                "print(c['epoch'], sorted(c.keys()), float(o.state_dict()['state'][0]['step']))"), file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("1 ['epoch', 'extra', 'model', 'optimizer', 'rng_state', 'scheduler'] 6.0"), r.output());
    }
}
