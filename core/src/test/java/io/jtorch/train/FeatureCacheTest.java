package io.jtorch.train;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.Dataset;
import io.jtorch.data.Example;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.BatchNorm1d;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The frozen-prefix cache gives the uncached results and switches itself off when it must. */
class FeatureCacheTest {
    private static Sequential model(long seed) {
        Torch.manualSeed(seed);
        Sequential m = new Sequential(new Linear(10, 32), new BatchNorm1d(32), new ReLU(), new Dropout(0.3),
                new Linear(32, 16), new ReLU(), new Linear(16, 3));
        for (int i = 0; i < 6; i++) {
            m.get(i).requiresGrad(false);
        }
        m.slice(0, 6).eval();
        return m;
    }

    private static TensorDataset data(int n) {
        Torch.manualSeed(99);
        return new TensorDataset(Torch.randn(n, 10), Torch.randint(0, 3, n));
    }

    private record Run(List<Double> losses, List<Double> accuracies, Map<String, Tensor> state, List<Boolean> cached) {}

    private static Run train(boolean cache) {
        Sequential m = model(1);
        TensorDataset train = data(200);
        TensorDataset val = data(80);
        Trainer trainer = new Trainer(m, new SGD(m.parameters(), 0.1).momentum(0.9), new CrossEntropyLoss()).featureCache(cache);
        DataLoader loader = new DataLoader(train, 16, true).seed(7);
        DataLoader valLoader = new DataLoader(val, 32);
        List<Double> losses = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        List<Boolean> cached = new ArrayList<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            EpochStats s = trainer.trainEpoch(loader);
            losses.add(s.meanLoss());
            cached.add(s.cached());
            accuracies.add(trainer.evaluate(valLoader).accuracy());
        }
        Map<String, Tensor> state = new java.util.LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> state.put(k, v.clone().retain()));
        return new Run(losses, accuracies, state, cached);
    }

    @Test
    void cachedAndUncachedTrainingAgreeTo1e6() {
        Run plain = train(false);
        Run cached = train(true);
        assertEquals(List.of(false, false, false, false), plain.cached());
        assertEquals(List.of(true, true, true, true), cached.cached());
        for (int i = 0; i < 4; i++) {
            assertEquals(plain.losses().get(i), cached.losses().get(i), 1e-6, "loss of epoch " + i);
        }
        assertEquals(plain.accuracies(), cached.accuracies());
        for (String k : plain.state().keySet()) {
            assertClose(plain.state().get(k), cached.state().get(k), 1e-6, 1e-6, k);
        }
    }

    @Test
    void aTrainablePrefixParameterTurnsTheCacheOff() {
        Sequential m = model(1);
        assertNull(FeatureCache.whyNot(m, data(4)));
        assertEquals(6, FeatureCache.analyse(m, data(4)).split());
        m.get(0).requiresGrad(true);
        assertEquals("the first layer has trainable parameters, so there is no frozen prefix", FeatureCache.whyNot(m, data(4)));
        m.get(0).requiresGrad(false);
        m.get(4).requiresGrad(true);
        assertEquals(4, FeatureCache.analyse(m, data(4)).split());
        assertNull(FeatureCache.whyNot(m, data(4)));
    }

    @Test
    void trainModeDropoutOrBatchNormInThePrefixTurnsItOff() {
        Sequential m = model(1);
        m.get(3).train();
        assertEquals("layer 3 is in training mode with Dropout(p=0.3, inplace=False); call eval() on the frozen layers",
                FeatureCache.whyNot(m, data(4)));
        m.get(3).eval();
        m.get(1).train();
        assertTrue(FeatureCache.whyNot(m, data(4)).startsWith("layer 1 is in training mode with BatchNorm1d(32"));
    }

    @Test
    void randomAugmentationTurnsItOff() {
        TensorDataset base = data(8);
        Dataset augmented = new Dataset() {
            @Override
            public long size() {
                return base.size();
            }

            @Override
            public Example get(long index) {
                Example e = base.get(index);
                return new Example(e.input().add(Torch.randn(10).mul(0.01)), e.label());
            }

            @Override
            public boolean isRandom() {
                return true;
            }
        };
        assertEquals("the dataset applies random augmentation (Dataset.isRandom()), so the frozen layers' outputs differ between"
                + " epochs and every epoch runs the whole model",
                FeatureCache.whyNot(model(1), augmented));
    }

    @Test
    void modelsThatAreNotSequentialAreNotCached() {
        assertTrue(FeatureCache.whyNot(new Linear(2, 2), data(4)).startsWith("the model is a Linear"));
    }

    @Test
    void theReasonIsLoggedOnceNotEveryEpoch() {
        List<String> messages = new ArrayList<>();
        Logger jul = Logger.getLogger(Trainer.class.getName());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jul.addHandler(h);
        try {
            Sequential m = model(1);
            m.get(3).train();
            Trainer trainer = new Trainer(m, new SGD(m.parameters(), 0.1), new CrossEntropyLoss());
            DataLoader loader = new DataLoader(data(32), 16);
            for (int i = 0; i < 3; i++) {
                assertFalse(trainer.trainEpoch(loader).cached());
            }
            assertEquals(1, messages.stream().filter(s -> s.startsWith("feature cache off: layer 3 is in training mode")).count(),
                    messages.toString());
            assertTrue(trainer.featureCacheStatus(loader).startsWith("off: layer 3"));
        } finally {
            jul.removeHandler(h);
        }
    }

    @Test
    void cachedFeaturesAreRecomputedWhenThePrefixChanges() {
        Sequential m = model(1);
        TensorDataset val = data(40);
        Trainer trainer = new Trainer(m, new SGD(m.parameters(), 0.1), new CrossEntropyLoss());
        DataLoader loader = new DataLoader(val, 8);
        double before = trainer.evaluate(loader).meanLoss();
        try (var g = Torch.noGrad()) {
            m.get(0, Linear.class).weight().mul_(0.0);
        }
        double after = trainer.evaluate(loader).meanLoss();
        Trainer fresh = new Trainer(m, new SGD(m.parameters(), 0.1), new CrossEntropyLoss()).featureCache(false);
        assertEquals(fresh.evaluate(loader).meanLoss(), after, 1e-6);
        assertTrue(Math.abs(before - after) > 1e-4, "zeroing the first layer changes the result");
    }
}
