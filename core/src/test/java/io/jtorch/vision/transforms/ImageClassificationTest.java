package io.jtorch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Tensor;
import org.junit.jupiter.api.Test;

class ImageClassificationTest {
    private static final JsonNode PRESET = TransformFixtures.json().get("preset");

    private static ImageClassification resnet50V2(boolean antialias) {
        return new ImageClassification(224, 232, ImageClassification.IMAGENET_MEAN, ImageClassification.IMAGENET_STD,
                InterpolationMode.BILINEAR, antialias);
    }

    @Test
    void withoutAntialiasEqualsTorchvision014PresetOnATensor() {
        // libtorch 2.10's plain bilinear kernel differs from 1.13's by up to 3e-3 on 0..255 values,
        // which moves 23 of the 188,616 resized uint8 values across a rounding boundary: one
        // uint8 step, 1 / (255 * 0.225) = 0.0175 after normalisation. The sum allows 40 such steps.
        Tensor out = resnet50V2(false).apply(TransformFixtures.image("preset.png"));
        assertEquals(DType.FLOAT32, out.dtype());
        TransformFixtures.assertSampleClose(PRESET.get("tensor"), out, 0.0176, 0.7);
        TransformFixtures.assertSampleMostlyClose(PRESET.get("tensor"), out, 1e-5, 0.01);
    }

    @Test
    void antialiasedEqualsTorchvisionResizeWithAntialias() {
        FloatResize.run(() -> {
            Tensor out = resnet50V2(true).apply(TransformFixtures.image("preset.png"));
            TransformFixtures.assertSampleClose(PRESET.get("tensor_antialias"), out, 1e-5, 1e-2);
        });
    }

    @Test
    void antialiasedIsCloseToThePresetOnPilImages() {
        // PIL resizes in 8-bit fixed point: after normalisation one uint8 step is 1/(255*0.224) = 0.0175.
        // The float path's sum over the 150,528 values is 14.6 from PIL's; libtorch's uint8 kernel (the
        // default on AVX2 CPUs), computing in fixed point too, 0.22 from it
        FloatResize.run(() -> TransformFixtures.assertSampleClose(PRESET.get("pil"), resnet50V2(true).apply(TransformFixtures.image("preset.png")),
                0.02, 30));
        Tensor out = resnet50V2(true).apply(TransformFixtures.image("preset.png"));
        TransformFixtures.assertSampleClose(PRESET.get("pil"), out, 0.02, FloatResize.nativeByDefault() ? 0.5 : 30);
    }

    @Test
    void batchesAreTransformedLikeSingleImages() {
        Tensor img = TransformFixtures.image("preset.png");
        ImageClassification p = new ImageClassification(224);
        Tensor batch = p.apply(io.jtorch.Torch.stack(java.util.List.of(img, img), 0));
        assertArrayEquals(new long[] {2, 3, 224, 224}, batch.shape());
        assertTrue(batch.get(1).allclose(p.apply(img), 0, 1e-6));
    }

    @Test
    void defaultsAreTorchvisions() {
        ImageClassification p = new ImageClassification(224);
        assertEquals(224, p.cropSize());
        assertEquals(256, p.resizeSize());
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, p.mean());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, p.std());
        assertEquals(InterpolationMode.BILINEAR, p.interpolation());
        assertTrue(p.antialias());
    }

    @Test
    void printsAsTorchvisionDoes() {
        assertEquals(PRESET.get("repr").asText(), resnet50V2(true).toString());
        assertEquals(PRESET.get("resize_size").asInt(), 232);
        assertTrue(resnet50V2(true).describe().contains("resize_size=[232]"));
    }

    @Test
    void badArgumentsFailReadably() {
        assertThrows(IllegalArgumentException.class, () -> new ImageClassification(0));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageClassification(224, 256, new float[] {0.5f}, new float[] {0.5f, 0.5f}, InterpolationMode.BILINEAR));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageClassification(224).apply(io.jtorch.Torch.zeros(5)));
        assertTrue(e.getMessage().contains("[5]"), e.getMessage());
    }
}
