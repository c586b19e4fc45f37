package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.vision.transforms.ImageClassification;
import java.nio.file.NoSuchFileException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weights enums say what torchvision's say (vision_models_keys.json's "weights"). */
class WeightsTest {
    /** torchvision's enum name → the Java enum. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("ResNet18_Weights", ResNet18Weights.class), Map.entry("ResNet34_Weights", ResNet34Weights.class),
            Map.entry("ResNet50_Weights", ResNet50Weights.class), Map.entry("ResNet101_Weights", ResNet101Weights.class),
            Map.entry("ResNet152_Weights", ResNet152Weights.class),
            Map.entry("ResNeXt50_32X4D_Weights", ResNeXt50_32X4DWeights.class),
            Map.entry("ResNeXt101_32X8D_Weights", ResNeXt101_32X8DWeights.class),
            Map.entry("ResNeXt101_64X4D_Weights", ResNeXt101_64X4DWeights.class),
            Map.entry("Wide_ResNet50_2_Weights", WideResNet50_2Weights.class),
            Map.entry("Wide_ResNet101_2_Weights", WideResNet101_2Weights.class),
            Map.entry("VGG11_Weights", VGG11Weights.class), Map.entry("VGG11_BN_Weights", VGG11BNWeights.class),
            Map.entry("VGG13_Weights", VGG13Weights.class), Map.entry("VGG13_BN_Weights", VGG13BNWeights.class),
            Map.entry("VGG16_Weights", VGG16Weights.class), Map.entry("VGG16_BN_Weights", VGG16BNWeights.class),
            Map.entry("VGG19_Weights", VGG19Weights.class), Map.entry("VGG19_BN_Weights", VGG19BNWeights.class),
            Map.entry("DenseNet121_Weights", DenseNet121Weights.class), Map.entry("DenseNet161_Weights", DenseNet161Weights.class),
            Map.entry("DenseNet169_Weights", DenseNet169Weights.class), Map.entry("DenseNet201_Weights", DenseNet201Weights.class));

    @Test
    void everyEnumConstantCarriesTorchvisionsMetadata() throws Exception {
        JsonNode all = VisionFixtures.json("vision_models_keys.json").get("weights");
        int checked = 0;
        for (Map.Entry<String, Class<? extends Enum<?>>> e : ENUMS.entrySet()) {
            JsonNode want = all.get(e.getKey());
            Enum<?>[] constants = e.getValue().getEnumConstants();
            assertEquals(want.size(), constants.length, e.getKey() + " constants");
            for (Enum<?> c : constants) {
                Weights w = (Weights) c;
                JsonNode m = want.get(c.name());
                String where = e.getKey() + "." + c.name();
                assertEquals(m.get("file").asText(), w.fileName(), where);
                assertEquals(m.get("num_classes").isNull() ? 1000 : m.get("num_classes").asInt(), w.numClasses(), where);
                ImageClassification t = w.transforms();
                assertEquals(m.get("crop_size").asInt(), t.cropSize(), where);
                assertEquals(m.get("resize_size").asInt(), t.resizeSize(), where);
                assertEquals(m.get("interpolation").asText(), t.interpolation().value(), where);
                for (int i = 0; i < 3; i++) {
                    assertEquals(m.get("mean").get(i).asDouble(), t.mean()[i], 1e-7, where);
                    assertEquals(m.get("std").get(i).asDouble(), t.std()[i], 1e-7, where);
                }
                assertEquals(m.get("num_params").asLong(), w.meta().numParams(), where);
                assertEquals(m.get("acc1").isNull() ? Double.NaN : m.get("acc1").asDouble(), w.meta().acc1(), 0, where);
                boolean isDefault = e.getValue().getField("DEFAULT").get(null) == c;
                assertEquals(m.get("default").asBoolean(), isDefault, where + " DEFAULT");
                checked++;
            }
        }
        assertEquals(30, checked);
    }

    @Test
    void urlAndCacheFollowTorchvision() {
        assertEquals("https://download.pytorch.org/models/resnet50-11ad3fa6.pth", ResNet50Weights.IMAGENET1K_V2.url());
        assertSame(ResNet50Weights.IMAGENET1K_V2, ResNet50Weights.DEFAULT);
        assertTrue(ResNet50Weights.IMAGENET1K_V2.cachedFile().endsWith(java.nio.file.Path.of("hub", "checkpoints",
                "resnet50-11ad3fa6.pth")));
    }

    @Test
    void missingCachedFileSaysWhereToGetIt() {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(DenseNet161Weights.IMAGENET1K_V1.cachedFile()));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Models.densenet161(DenseNet161Weights.IMAGENET1K_V1));
        assertTrue(e.getMessage().contains("https://download.pytorch.org/models/densenet161-8d451a50.pth"), e.getMessage());
    }

    @Test
    void metaArraysCannotBeChangedFromOutside() {
        float[] mean = ResNet18Weights.IMAGENET1K_V1.meta().mean();
        mean[0] = 99;
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, ResNet18Weights.IMAGENET1K_V1.meta().mean());
        assertArrayEquals(ImageClassification.IMAGENET_STD, ResNet18Weights.IMAGENET1K_V1.transforms().std());
    }

    @Test
    void everyJavaEnumIsInTheFixture() {
        JsonNode all = VisionFixtures.json("vision_models_keys.json").get("weights");
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertTrue(names.containsAll(ENUMS.keySet()), names.toString());
    }
}
