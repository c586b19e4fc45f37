package io.jtorch.train;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.Dataset;
import io.jtorch.data.Example;
import io.jtorch.data.TensorDataset;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import io.jtorch.vision.models.ResNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The feature cache on models that are not a Sequential: TorchScript classifiers (torchvision's
 * ResNet class, scripted and traced, from tools/fixtures/feature_cache_fixtures.py) and the Java
 * ResNet-18; head-only training and the second phase with layer4 unfrozen.
 */
class StagedFeatureCacheTest {
    private static final List<String> RESNET_STAGES = List.of("conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4",
            "avgpool", "torch.flatten", "fc");

    private static ScriptModule load(String name) {
        try {
            return ScriptModule.load(Path.of(StagedFeatureCacheTest.class.getResource("/fixtures/cache/" + name).toURI()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A dataset that counts the samples read from it: an epoch on cached features reads none. */
    private static final class Counting implements Dataset {
        final TensorDataset base;
        final AtomicLong reads = new AtomicLong();

        Counting(TensorDataset base) {
            this.base = base;
        }

        @Override
        public long size() {
            return base.size();
        }

        @Override
        public Example get(long index) {
            reads.incrementAndGet();
            return base.get(index);
        }
    }

    /** Noise images whose brightness tells the class, so that a few epochs learn something. */
    private static TensorDataset images(int n, long classes, long side) {
        Torch.manualSeed(5);
        Tensor labels = Torch.randint(0, classes, n);
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(Torch.randn(3, side, side).add(labels.get(i).itemLong() * 0.5));
        }
        return new TensorDataset(Torch.stack(xs, 0), labels);
    }

    /** Freezes everything, then makes {@code trainable} trainable and in training mode, the rest in eval mode. */
    private static void freezeAllBut(Module model, Module... trainable) {
        model.requiresGrad(false);
        model.eval();
        for (Module m : trainable) {
            m.requiresGrad(true);
            m.train();
        }
    }

    private record Run(List<Double> losses, List<Boolean> cached, List<Long> reads, Map<String, Tensor> state, String status) {}

    private static Run train(Module model, boolean cache, Counting data, int epochs) {
        List<Parameter> params = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.requiresGrad()) {
                params.add(p);
            }
        }
        Trainer trainer = new Trainer(model, new SGD(params, 0.01).momentum(0.5), new CrossEntropyLoss()).featureCache(cache);
        DataLoader loader = new DataLoader(data, 8, true).seed(3);
        String status = trainer.featureCacheStatus(loader);
        List<Double> losses = new ArrayList<>();
        List<Boolean> cached = new ArrayList<>();
        List<Long> reads = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            long before = data.reads.get();
            EpochStats s = trainer.trainEpoch(loader);
            losses.add(s.meanLoss());
            cached.add(s.cached());
            reads.add(data.reads.get() - before);
        }
        Map<String, Tensor> state = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> state.put(k, v.clone().retain()));
        return new Run(losses, cached, reads, state, status);
    }

    /** Trains a fresh model both ways and checks equal numbers, and that the cached run reads the data once. */
    private static Run compare(Supplier<Module> fresh, java.util.function.Consumer<Module> setUp, TensorDataset data, int epochs,
            double tol) {
        Module a = fresh.get();
        setUp.accept(a);
        Run plain = train(a, false, new Counting(data), epochs);
        Module b = fresh.get();
        setUp.accept(b);
        Run cached = train(b, true, new Counting(data), epochs);
        for (int e = 0; e < epochs; e++) {
            assertFalse(plain.cached().get(e));
            assertTrue(cached.cached().get(e), cached.status());
            assertEquals(plain.losses().get(e), cached.losses().get(e), tol, "loss of epoch " + e);
            assertEquals(data.size(), plain.reads().get(e));
        }
        // The frozen layers ran once, in the first epoch (while computing the features); never again.
        assertEquals(data.size(), cached.reads().get(0));
        for (int e = 1; e < epochs; e++) {
            assertEquals(0L, cached.reads().get(e), "samples read by epoch " + e);
        }
        for (String k : plain.state().keySet()) {
            assertClose(plain.state().get(k), cached.state().get(k), tol, tol, k);
        }
        assertTrue(plain.losses().get(epochs - 1) < plain.losses().get(0), "training lowers the loss: " + plain.losses());
        return cached;
    }

    @Test
    void scriptedAndTracedTorchvisionResNetsAreChainsOfTheirChildren() {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(2, 3, 32, 32);
        for (String file : List.of("resnet_scripted.pt", "resnet_traced.pt")) {
            ScriptModule m = load(file).eval();
            LinkedHashMap<String, Module> stages = m.stages();
            assertEquals(RESNET_STAGES, new ArrayList<>(stages.keySet()), file);
            assertTrue(stages.get("layer4") == m.get("layer4"), "stages are the children themselves");
            assertTrue(stages.get("torch.flatten").parameters().isEmpty());
            Tensor y = x;
            for (Module s : stages.values()) {
                y = s.forward(y);
            }
            assertClose(m.forward(x), y, 1e-6, 1e-6, file);
            assertEquals(List.of("0"), new ArrayList<>(m.get("layer1").stages().keySet()), "a scripted Sequential");
        }
    }

    @Test
    void aForwardThatBranchesIsNotSplit() {
        ScriptModule m = load("branching.pt");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, m::stages);
        assertTrue(e.getMessage().startsWith("the forward of Branching is not a chain of its children: "), e.getMessage());
        m.requiresGrad(false);
        m.get("fc").requiresGrad(true);
        String why = FeatureCache.whyNot(m, images(2, 3, 1));
        assertTrue(why.startsWith("the model is a ScriptModule, not a chain of stages"), why);
        assertTrue(why.contains("used twice"), why);
        // A block with a skip connection is not split either: BasicBlock adds its input back.
        assertThrows(UnsupportedOperationException.class, () -> load("resnet_scripted.pt").get("layer1.0").stages());
    }

    @Test
    void headOnlyTrainingOfAScriptedResNetIsCachedAndEqual() {
        Run r = compare(() -> load("resnet_scripted.pt"), m -> freezeAllBut(m, ((ScriptModule) m).get("fc")), images(24, 5, 32), 3,
                1e-5);
        assertEquals("on: layers conv1-torch.flatten computed once per dataset", r.status());
    }

    @Test
    void phaseTwoOfATracedResNetCachesTheLayersBelowLayer4() {
        Run r = compare(() -> load("resnet_traced.pt"), m -> {
            ScriptModule s = (ScriptModule) m;
            freezeAllBut(s, s.get("layer4"), s.get("fc"));
        }, images(24, 5, 32), 3, 1e-5);
        assertEquals("on: layers conv1-layer3 computed once per dataset", r.status());
    }

    @Test
    void aScriptBackboneInsideASequentialIsSplitInsideTheBackbone() {
        // The fine-tuning command's model: the backbone, then a new head.
        Supplier<Module> fresh = () -> {
            Torch.manualSeed(2);
            return new Sequential(load("resnet_scripted.pt"), new Linear(5, 3));
        };
        Run r = compare(fresh, m -> {
            Sequential s = (Sequential) m;
            freezeAllBut(s, ((ScriptModule) s.get(0)).get("layer4"), s.get(1));
        }, images(24, 3, 32), 3, 1e-5);
        assertEquals("on: layers 0.conv1-0.layer3 computed once per dataset", r.status());
    }

    @Test
    void javaResNet18HeadOnlyAndPhaseTwoAreCachedAndEqual() {
        Supplier<Module> fresh = () -> {
            Torch.manualSeed(4);
            return ResNet.resnet18(4);
        };
        TensorDataset data = images(16, 4, 32);
        Run head = compare(fresh, m -> freezeAllBut(m, ((ResNet) m).fc()), data, 2, 1e-5);
        assertEquals("on: layers conv1-torch.flatten computed once per dataset", head.status());
        Run phase2 = compare(fresh, m -> freezeAllBut(m, m.getSubmodule("layer4"), ((ResNet) m).fc()), data, 2, 1e-4);
        assertEquals("on: layers conv1-layer3 computed once per dataset", phase2.status());
    }

    @Test
    void unfreezingAPrefixLayerMovesTheSplitAndRecomputesTheFeatures() {
        ScriptModule m = load("resnet_scripted.pt");
        freezeAllBut(m, m.get("layer4"), m.get("fc"));
        TensorDataset data = images(8, 5, 32);
        FeatureCache cache = new FeatureCache();
        FeatureCache.Analysis a = FeatureCache.analyse(m, data);
        assertNull(a.whyNot());
        assertEquals(RESNET_STAGES.subList(0, 7), a.prefixNames());
        assertEquals(List.of(8L, 8L, 2L, 2L), shape(cache.featuresOf(a, data, 4, null)), "layer3's output");
        TensorDataset first = cache.featuresOf(a, data, 4, null);
        assertTrue(first == cache.featuresOf(FeatureCache.analyse(m, data), data, 4, null), "unchanged prefix: the same features");

        m.get("layer2").requiresGrad(true);
        FeatureCache.Analysis b = FeatureCache.analyse(m, data);
        assertEquals(RESNET_STAGES.subList(0, 5), b.prefixNames());
        assertEquals(List.of(8L, 4L, 8L, 8L), shape(cache.featuresOf(b, data, 4, null)), "layer1's output now");

        // A change to a prefix parameter, in place, is seen too.
        TensorDataset before = cache.featuresOf(b, data, 4, null);
        try (var g = Torch.noGrad()) {
            m.get("conv1").parameter("weight").mul_(0.5);
        }
        assertFalse(before == cache.featuresOf(FeatureCache.analyse(m, data), data, 4, null));

        m.get("conv1").requiresGrad(true);
        assertEquals("the first layer has trainable parameters, so there is no frozen prefix", FeatureCache.whyNot(m, data));
    }

    private static List<Long> shape(TensorDataset d) {
        List<Long> out = new ArrayList<>();
        out.add(d.size());
        for (long s : d.get(0).input().shape()) {
            out.add(s);
        }
        return out;
    }

    @Test
    void aFrozenBatchNormInTrainingModeOrRandomAugmentationTurnsItOff() {
        ScriptModule m = load("resnet_traced.pt");
        freezeAllBut(m, m.get("fc"));
        m.get("layer2").train();
        String why = FeatureCache.whyNot(m, images(4, 5, 32));
        assertTrue(why.startsWith("layer layer2.0.bn1 is in training mode with BatchNorm2d"), why);
        m.get("layer2").eval();
        TensorDataset base = images(4, 5, 32);
        Dataset augmented = new Dataset() {
            @Override
            public long size() {
                return base.size();
            }

            @Override
            public Example get(long index) {
                return base.get(index);
            }

            @Override
            public boolean isRandom() {
                return true;
            }
        };
        assertEquals("the dataset applies random augmentation (Dataset.isRandom()), so the frozen layers' outputs differ between"
                + " epochs and every epoch runs the whole model", FeatureCache.whyNot(m, augmented));
        Trainer trainer = new Trainer(m, new SGD(m.get("fc").parameters(), 0.1), new CrossEntropyLoss());
        DataLoader loader = new DataLoader(augmented, 2);
        assertFalse(trainer.trainEpoch(loader).cached());
        assertTrue(trainer.featureCacheStatus(loader).startsWith("off: the dataset applies random augmentation"));
        assertTrue(trainer.trainEpoch(new DataLoader(base, 2)).cached());
    }

    @Test
    void javaMobileNetV2AndDenseNetStagesRunAsTheirForward() {
        Torch.manualSeed(6);
        Tensor x = Torch.randn(2, 3, 32, 32);
        for (Module m : List.of(io.jtorch.vision.models.Models.mobilenetV2(3), io.jtorch.vision.models.Models.densenet121(3))) {
            m.eval();
            Tensor y = x;
            LinkedHashMap<String, Module> stages = ((io.jtorch.nn.Staged) m).stages();
            for (Module s : stages.values()) {
                y = s.forward(y);
            }
            assertClose(m.forward(x), y, 1e-5, 1e-5, m.getClass().getSimpleName());
            assertEquals(List.of("features", "classifier"), stages.keySet().stream().filter(k -> !k.contains(".")).toList());
            // Phase 2 on the last feature block: the blocks below it are the prefix.
            m.requiresGrad(false);
            List<Module> blocks = new ArrayList<>(m.getSubmodule("features").namedChildren().values());
            blocks.get(blocks.size() - 1).requiresGrad(true);
            m.getSubmodule("classifier").requiresGrad(true);
            FeatureCache.Analysis a = FeatureCache.analyse(m, images(2, 3, 32));
            assertNull(a.whyNot());
            assertEquals(blocks.size() - 1, a.split(), a.prefixNames().toString());
            assertTrue(a.prefixNames().get(0).startsWith("features."), a.prefixNames().toString());
        }
    }

    @Test
    void aScriptedForwardThatCallsTorchNnFunctionalIsAChainToo() {
        ScriptModule m = load("densenet_scripted.pt").eval();
        LinkedHashMap<String, Module> stages = m.stages();
        assertEquals(List.of("features", "torch.nn.functional.relu", "torch.nn.functional.adaptive_avg_pool2d", "torch.flatten",
                "classifier"), new ArrayList<>(stages.keySet()));
        Torch.manualSeed(8);
        Tensor x = Torch.randn(2, 3, 16, 16);
        Tensor y = x;
        for (Module s : stages.values()) {
            y = s.forward(y);
        }
        assertClose(m.forward(x), y, 1e-6, 1e-6, "the chain runs as forward");
        Run head = compare(() -> load("densenet_scripted.pt"), n -> freezeAllBut(n, ((ScriptModule) n).get("classifier")),
                images(24, 3, 16), 3, 1e-5);
        assertEquals("on: layers features-torch.flatten computed once per dataset", head.status());
        Run phase2 = compare(() -> load("densenet_scripted.pt"), n -> {
            ScriptModule s = (ScriptModule) n;
            freezeAllBut(s, s.get("features.3"), s.get("features.4"), s.get("classifier"));
        }, images(24, 3, 16), 3, 1e-5);
        assertEquals("on: layers features.0-features.2 computed once per dataset", phase2.status());
    }
}
