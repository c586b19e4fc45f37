package io.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import io.jtorch.train.EpochStats;
import io.jtorch.train.Trainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default process group and DistributedDataParallel in a job of one process, inside the test JVM. */
class DistributedTest {
    @TempDir
    Path dir;

    @AfterEach
    void leaveTheGroup() {
        Distributed.destroyProcessGroup();
    }

    private void initAlone() {
        Distributed.initProcessGroup(Backend.GLOO, dir.resolve("store").toUri().toString(), 1, 0, Duration.ofSeconds(30));
    }

    @Test
    void collectivesBeforeInitSayWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Distributed::getRank);
        assertEquals("the default process group has not been initialized: call Distributed.initProcessGroup first", e.getMessage());
        assertFalse(Distributed.isInitialized());
    }

    @Test
    void aGroupOfOneRunsCollectivesInPlace() {
        initAlone();
        assertTrue(Distributed.isInitialized());
        assertEquals(0, Distributed.getRank());
        assertEquals(1, Distributed.getWorldSize());
        Tensor t = Torch.tensor(1f, 2f, 3f);
        Distributed.allReduce(t);
        Distributed.allReduce(t, ReduceOp.MAX);
        Distributed.broadcast(t, 0);
        Distributed.barrier();
        assertArrayEquals(new float[] {1, 2, 3}, t.toFloatArray());
    }

    @Test
    void destroyingTheGroupForgetsIt() {
        initAlone();
        ProcessGroup g = Distributed.defaultGroup();
        Distributed.destroyProcessGroup();
        assertFalse(Distributed.isInitialized());
        assertTrue(g.isDestroyed());
        assertThrows(IllegalStateException.class, () -> g.allReduce(Torch.ones(1)));
    }

    @Test
    void aSecondInitIsRefused() {
        initAlone();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Distributed.initProcessGroup(Backend.GLOO, dir.resolve("other").toUri().toString(), 1, 0, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("already initialized"), e.getMessage());
    }

    @Test
    void unknownInitMethodsAndRanksAreRefused() {
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> Distributed.initProcessGroup(Backend.GLOO, "udp://x:1", 1, 0, Duration.ofSeconds(1)));
        assertEquals("unsupported init method 'udp://x:1': expected file:///path, tcp://host:port or env://", method.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> Distributed.initProcessGroup(Backend.GLOO, dir.resolve("s").toUri().toString(), 2, 2, Duration.ofSeconds(1)));
        assertEquals("rank must be in 0..1 for a world size of 2, got 2", rank.getMessage());
    }

    @Test
    void wrappingAModuleWithoutTrainableParametersIsRefused() {
        initAlone();
        Linear frozen = new Linear(2, 2);
        frozen.requiresGrad(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DistributedDataParallel(frozen));
        assertTrue(e.getMessage().startsWith("DistributedDataParallel is not needed"), e.getMessage());
    }

    @Test
    void oneProcessTrainsExactlyLikeThePlainLoop() throws Exception {
        initAlone();
        Sequential plain = TinyJob.model(0);
        TinyJob.train(plain, plain, 1, 0, step -> { });
        Sequential wrapped = TinyJob.model(0);
        try (DistributedDataParallel ddp = new DistributedDataParallel(wrapped)) {
            TinyJob.train(ddp, wrapped, 1, 0, step -> { });
        }
        Map<String, Tensor> a = plain.stateDict();
        Map<String, Tensor> b = wrapped.stateDict();
        for (String k : a.keySet()) {
            assertTrue(a.get(k).allclose(b.get(k), 0, 1e-6), k);
        }
    }

    @Test
    void noSyncLetsGradientsAccumulateUntilTheNextSynchronisedStep() {
        initAlone();
        Linear layer = new Linear(3, 1);
        Tensor x = Torch.ones(2, 3);
        try (DistributedDataParallel ddp = new DistributedDataParallel(layer)) {
            try (DistributedDataParallel.NoSync s = ddp.noSync()) {
                ddp.forward(x).sum().backward();
            }
            ddp.forward(x).sum().backward();
        }
        // Each backward adds d(sum)/dw = 2 per weight.
        assertArrayEquals(new float[] {4, 4, 4}, layer.weight().grad().toFloatArray());
    }

    @Test
    void aroundRunsAPartThatHoldsEveryTrainableParameter() {
        initAlone();
        Sequential model = new Sequential(new Linear(3, 4), new Linear(4, 2));
        model.get(0).requiresGrad(false);
        try (DistributedDataParallel ddp = new DistributedDataParallel(model)) {
            assertEquals(List.of(model.get(1).parameter("weight"), model.get(1).parameter("bias")), ddp.reducedParameters());
            Module head = ddp.around(model.slice(1));
            head.forward(Torch.ones(5, 4)).sum().backward();
            assertArrayEquals(new float[] {5, 5}, ((Linear) model.get(1)).bias().grad().toFloatArray());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ddp.around(model.slice(0, 1)));
            assertTrue(e.getMessage().contains("'1.weight'"), e.getMessage());
        }
    }

    @Test
    void theTrainerRunsAWrappedModelOnCachedFeaturesLikeThePlainModel() {
        initAlone();
        TensorDataset data = TinyJob.data();
        double[] losses = new double[2];
        Map<String, Tensor> plain = null;
        for (int wrapped = 0; wrapped < 2; wrapped++) {
            Torch.manualSeed(4);
            Sequential model = new Sequential(new Linear(8, 16), new ReLU(), new Linear(16, 3));
            model.get(0).requiresGrad(false);
            SGD optimizer = new SGD(model.parameters(), 0.1);
            DataLoader loader = new DataLoader(data, 12).sampler(new DistributedSampler(data, 1, 0));
            if (wrapped == 0) {
                losses[0] = new Trainer(model, optimizer, new CrossEntropyLoss()).trainEpoch(loader).meanLoss();
                plain = model.stateDict();
            } else {
                try (DistributedDataParallel ddp = new DistributedDataParallel(model)) {
                    Trainer trainer = new Trainer(ddp, optimizer, new CrossEntropyLoss());
                    assertTrue(trainer.featureCacheStatus(loader).startsWith("on: layers 0-1"), trainer.featureCacheStatus(loader));
                    EpochStats stats = trainer.trainEpoch(loader);
                    assertTrue(stats.cached());
                    losses[1] = stats.meanLoss();
                }
                for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
                    assertTrue(e.getValue().allclose(plain.get(e.getKey()), 0, 1e-6), e.getKey());
                }
            }
        }
        assertEquals(losses[0], losses[1], 1e-6);
    }

    @Test
    void theWrapperShowsTheModuleUnderModuleLikePyTorch() {
        initAlone();
        Linear layer = new Linear(2, 3);
        try (DistributedDataParallel ddp = new DistributedDataParallel(layer)) {
            assertEquals(List.of("module.weight", "module.bias"), List.copyOf(ddp.namedParameters().keySet()));
            assertTrue(ddp.toString().startsWith("DistributedDataParallel(\n  (module): Linear(in_features=2, out_features=3"), ddp.toString());
            Parameter w = layer.weight();
            assertTrue(ddp.module() == layer && ddp.reducedParameters().contains(w));
        }
    }
}
