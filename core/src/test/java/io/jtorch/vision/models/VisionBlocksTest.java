package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Fixtures;
import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Module;
import io.jtorch.optim.SGD;
import io.jtorch.vision.ops.SqueezeExcitation;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The building blocks against torchvision's own classes at a few channels
 * (tools/fixtures/vision_blocks_fixtures.py, committed, so this runs without Python): same state
 * dict keys, eval outputs, train-mode loss and state after one SGD step, and the TorchScript
 * export computing what the Java forward computes.
 */
class VisionBlocksTest {
    private static JsonNode fixture;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = VisionBlocksTest.class.getResourceAsStream("/fixtures/vision_blocks_tiny.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
    }

    static Map<String, Supplier<Module>> blocks() {
        Map<String, Supplier<Module>> b = new LinkedHashMap<>();
        b.put("mobilenet_v2_inverted_residual", () -> new MobileNetV2.InvertedResidual(4, 4, 1, 2));
        b.put("mobilenet_v2_inverted_residual_down", () -> new MobileNetV2.InvertedResidual(4, 8, 2, 1));
        b.put("mobilenet_v3_inverted_residual_se", () -> new MobileNetV3.InvertedResidual(
                MobileNetV3.InvertedResidualConfig.of(8, 3, 16, 8, true, "HS", 1, 1, 1.0), c -> new BatchNorm2d(c, 0.001, 0.01, true, true)));
        b.put("mobilenet_v3_inverted_residual", () -> new MobileNetV3.InvertedResidual(
                MobileNetV3.InvertedResidualConfig.of(8, 5, 24, 16, false, "RE", 2, 1, 1.0), c -> new BatchNorm2d(c, 0.001, 0.01, true, true)));
        b.put("mbconv", () -> new MBConv(MBConvConfig.mbConv(4, 3, 1, 8, 8, 1, 1.0, 1.0), 0.0, BatchNorm2d::new));
        b.put("fused_mbconv", () -> new FusedMBConv(MBConvConfig.fusedMbConv(2, 3, 1, 4, 4, 1), 0.0,
                c -> new BatchNorm2d(c, 1e-3, 0.1, true, true)));
        b.put("fused_mbconv_down", () -> new FusedMBConv(MBConvConfig.fusedMbConv(1, 3, 2, 4, 8, 1), 0.0, BatchNorm2d::new));
        b.put("cnblock", () -> new CNBlock(4, 0.5, 0.0));
        b.put("layer_norm_2d", () -> new LayerNorm2d(4));
        b.put("encoder_block", () -> new EncoderBlock(2, 8, 16, 0.0, 0.0));
        b.put("squeeze_excitation", () -> new SqueezeExcitation(6, 2));
        return b;
    }

    @Test
    void everyFixtureCaseIsChecked() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        fixture.get("cases").fieldNames().forEachRemaining(names::add);
        assertEquals(names, new java.util.TreeSet<>(blocks().keySet()));
    }

    @Test
    void evalOutputsAreTorchvisions() {
        for (Map.Entry<String, Supplier<Module>> e : blocks().entrySet()) {
            JsonNode c = fixture.get("cases").get(e.getKey());
            Module m = e.getValue().get();
            m.loadStateDict(Fixtures.stateDict(c.get("state")), true);
            m.eval();
            try (NoGrad g = Torch.noGrad()) {
                double rel = FamilyChecks.maxRel(m.forward(Fixtures.tensor(c.get("input"))), Fixtures.tensor(c.get("eval")));
                assertTrue(rel < 1e-5, e.getKey() + " eval output differs by " + rel);
            }
        }
    }

    @Test
    void oneSgdStepInTrainModeIsTorchvisions() {
        for (Map.Entry<String, Supplier<Module>> e : blocks().entrySet()) {
            JsonNode c = fixture.get("cases").get(e.getKey());
            Module m = e.getValue().get();
            m.loadStateDict(Fixtures.stateDict(c.get("state")), true);
            m.train();
            SGD sgd = new SGD(m.parameters(), fixture.get("lr").asDouble()).momentum(fixture.get("momentum").asDouble())
                    .weightDecay(fixture.get("weight_decay").asDouble());
            Tensor loss = m.forward(Fixtures.tensor(c.get("input"))).pow(2).mean();
            loss.backward();
            sgd.step();
            assertEquals(c.get("loss").asDouble(), loss.item(), 1e-5 * Math.abs(c.get("loss").asDouble()), e.getKey() + " loss");
            Map<String, Tensor> after = Fixtures.stateDict(c.get("after"));
            assertEquals(after.keySet(), m.stateDict().keySet(), e.getKey());
            for (Map.Entry<String, Tensor> a : after.entrySet()) {
                Tensor got = m.stateDict().get(a.getKey());
                double rel = a.getValue().dtype().isFloatingPoint() ? FamilyChecks.maxRel(got, a.getValue())
                        : got.sub(a.getValue()).abs().max().item();
                assertTrue(rel < 1e-5, e.getKey() + "." + a.getKey() + " after the step differs by " + rel);
            }
        }
    }

    @Test
    void torchScriptExportComputesTheJavaForward() {
        for (Map.Entry<String, Supplier<Module>> e : blocks().entrySet()) {
            JsonNode c = fixture.get("cases").get(e.getKey());
            Module m = e.getValue().get();
            m.loadStateDict(Fixtures.stateDict(c.get("state")), true);
            m.eval();
            Tensor x = Fixtures.tensor(c.get("input"));
            try (NoGrad g = Torch.noGrad()) {
                Module s = Jit.script(m);
                assertEquals(m.stateDict().keySet(), s.stateDict().keySet(), e.getKey());
                double rel = FamilyChecks.maxRel(s.forward(x), m.forward(x));
                assertTrue(rel < 1e-6, e.getKey() + " TorchScript differs from Java by " + rel);
            }
        }
    }
}
