package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * torchvision's building blocks at a few channels against the committed fixture
 * (vision_models_tiny.json, by tools/fixtures/vision_models_fixtures.py tiny): strict load, eval
 * output, one SGD step in train mode (batch norm statistics included), and the TorchScript twin.
 */
class TinyBlocksTest {
    static final Map<String, Supplier<Module>> BUILDERS = Map.of(
            "basic_block", () -> new BasicBlock(4, 4, 1, null),
            "basic_block_downsample", () -> new BasicBlock(4, 8, 2, new Sequential(BasicBlock.conv1x1(4, 8, 2), new BatchNorm2d(8))),
            "bottleneck_downsample", () -> new Bottleneck(4, 4, 2, new Sequential(BasicBlock.conv1x1(4, 16, 2), new BatchNorm2d(16))),
            "bottleneck_grouped", () -> new Bottleneck(16, 4, 1, null, 2, 32, 2),
            "dense_layer", () -> new DenseLayer(6, 4, 2, 0),
            "dense_block", () -> new DenseBlock(2, 6, 2, 4, 0),
            "transition", () -> new Transition(6, 3),
            "vgg_features_bn", () -> VGG.makeLayers(new int[] {4, 0, 8, 0}, true),
            "densenet_small", () -> new DenseNet(DenseNet.options().growthRate(4).blockConfig(1, 1).numInitFeatures(8).bnSize(2)
                    .numClasses(3)));

    private static JsonNode fixture(String name) {
        return VisionFixtures.json("vision_models_tiny.json").get("cases").get(name);
    }

    private static Module loaded(String name) {
        Module m = BUILDERS.get(name).get();
        m.loadStateDict(Fixtures.stateDict(fixture(name).get("state")), true);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic_block", "basic_block_downsample", "bottleneck_downsample", "bottleneck_grouped", "dense_layer",
            "dense_block", "transition", "vgg_features_bn", "densenet_small"})
    void evalOutputIsTorchvisions(String name) {
        Module m = loaded(name).eval();
        Tensor out = m.forward(Fixtures.tensor(fixture(name).get("input")));
        Tensor want = Fixtures.tensor(fixture(name).get("eval"));
        assertArrayEquals(want.shape(), out.shape());
        assertTrue(VisionFixtures.maxRel(out, want) < 1e-5, name + ": " + VisionFixtures.maxRel(out, want));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic_block", "basic_block_downsample", "bottleneck_downsample", "bottleneck_grouped", "dense_layer",
            "dense_block", "transition", "vgg_features_bn", "densenet_small"})
    void sgdStepInTrainModeIsTorchvisions(String name) {
        JsonNode f = fixture(name);
        Module m = loaded(name);
        double loss = VisionFixtures.trainStep(m, Fixtures.tensor(f.get("input")), f.has("labels") ? Fixtures.tensor(f.get("labels")) : null);
        assertEquals(f.get("loss").asDouble(), loss, 1e-5 * Math.abs(f.get("loss").asDouble()), name + " loss");
        Map<String, Tensor> after = m.stateDict();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = f.get("after").fields(); it.hasNext(); checked++) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor want = Fixtures.tensor(e.getValue());
            Tensor got = after.get(e.getKey());
            if (e.getKey().endsWith("num_batches_tracked")) {
                assertEquals(want.itemLong(), got.itemLong(), name + " " + e.getKey());
            } else {
                assertTrue(got.allclose(want, 1e-5, 1e-6), name + " " + e.getKey() + " after the step: " + VisionFixtures.maxRel(got, want));
            }
        }
        assertEquals(after.size(), checked, name + ": every state dict entry is compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic_block", "basic_block_downsample", "bottleneck_grouped", "dense_block", "transition",
            "vgg_features_bn", "densenet_small"})
    void torchScriptTwinComputesTheSame(String name) {
        Module m = loaded(name).eval();
        Tensor x = Fixtures.tensor(fixture(name).get("input"));
        var scripted = Jit.script(m);
        scripted.eval();
        assertTrue(scripted.forward(x).allclose(m.forward(x), 0, 0), name);
        assertEquals(m.stateDict().keySet(), scripted.stateDict().keySet(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense_layer", "densenet_small"})
    void torchScriptTwinTrainsBatchNormLikeJava(String name) {
        Module a = loaded(name);
        Module b = loaded(name);
        Tensor x = Fixtures.tensor(fixture(name).get("input"));
        var scripted = Jit.script(b);
        scripted.train();
        Torch.manualSeed(0);
        Tensor javaOut = a.train().forward(x);
        Tensor scriptOut = scripted.forward(x);
        assertTrue(scriptOut.allclose(javaOut, 1e-6, 1e-6), name);
        assertTrue(b.stateDict().get(name.equals("dense_layer") ? "norm1.running_mean" : "features.norm0.running_mean")
                .allclose(a.stateDict().get(name.equals("dense_layer") ? "norm1.running_mean" : "features.norm0.running_mean"), 0, 1e-7));
    }
}
