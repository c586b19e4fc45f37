package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every builder's state dict has torchvision's keys, in torchvision's order, with torchvision's
 * shapes (vision_models_keys.json, by tools/fixtures/vision_models_fixtures.py keys).
 */
class ArchitectureKeysTest {
    static final List<String> FAMILIES = List.of("resnet", "vgg", "densenet");

    static Stream<String> archs() {
        List<String> out = new ArrayList<>();
        VisionFixtures.json("vision_models_keys.json").get("archs").fields().forEachRemaining(e -> {
            if (FAMILIES.contains(e.getValue().get("family").asText())) {
                out.add(e.getKey());
            }
        });
        return out.stream();
    }

    static String keyLines(Map<String, Tensor> stateDict) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Tensor> e : stateDict.entrySet()) {
            s.append(s.length() == 0 ? "" : "\n").append(e.getKey()).append(':');
            long[] shape = e.getValue().shape();
            for (int i = 0; i < shape.length; i++) {
                s.append(i == 0 ? "" : ",").append(shape[i]);
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("archs")
    void stateDictKeysAndShapesAreTorchvisions(String arch) {
        JsonNode want = VisionFixtures.json("vision_models_keys.json").get("archs").get(arch);
        VisionModel<?> model = Models.getModel(arch, 1000);
        assertEquals(want.get("keys").asText(), keyLines(model.stateDict()), arch);
        long params = 0;
        for (Parameter p : model.parameters()) {
            params += p.numel();
        }
        assertEquals(want.get("num_params").asLong(), params, arch + " parameters");
        model = null;
        System.gc(); // parameters hold native memory the Java heap does not see
    }

    @Test
    void everyArchitectureOfTheFamiliesHasABuilder() {
        List<String> listed = Models.listModels();
        List<String> fixtures = archs().toList();
        assertEquals(22, fixtures.size(), "resnet, vgg and densenet in the fixture");
        assertTrue(listed.containsAll(fixtures), "missing: " + fixtures.stream().filter(a -> !listed.contains(a)).toList());
    }

    @Test
    void unknownModelNameSaysWhichAreKnown() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Models.getModel("resnet51", 10));
        assertTrue(e.getMessage().contains("resnet51") && e.getMessage().contains("resnet50"), e.getMessage());
        assertFalse(Models.listModels().isEmpty());
    }
}
