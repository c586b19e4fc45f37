package io.jtorch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Random transforms after Torch.manualSeed against torchvision's after torch.manual_seed: same parameters, same outputs. */
class SeededTransformsTest {
    private static final JsonNode SEEDED = TransformFixtures.json().get("seeded");

    private static Tensor img() {
        return TransformFixtures.image("small.png");
    }

    private static Tensor stack(int n, Supplier<Tensor> f) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.get());
        }
        return Torch.stack(out, 0);
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    @Test
    void flipsTheSameImagesAsTorchvision() {
        Tensor x = img();
        Torch.manualSeed(11);
        RandomHorizontalFlip h = new RandomHorizontalFlip(0.3);
        for (JsonNode flipped : SEEDED.get("hflip")) {
            assertEquals(flipped.asBoolean(), h.apply(x).equal(Functional.hflip(x)));
        }
        Torch.manualSeed(12);
        RandomVerticalFlip v = new RandomVerticalFlip();
        for (JsonNode flipped : SEEDED.get("vflip")) {
            assertEquals(flipped.asBoolean(), v.apply(x).equal(Functional.vflip(x)));
        }
    }

    @Test
    void randomCropDrawsTorchvisionsCorners() {
        Torch.manualSeed(13);
        for (JsonNode p : SEEDED.get("crop_params")) {
            assertArrayEquals(ints(p), RandomCrop.getParams(img(), 20, 25));
        }
        Torch.manualSeed(14);
        RandomCrop padded = new RandomCrop(32, 32, new int[] {4}, false, 0, PaddingMode.REFLECT);
        TransformFixtures.assertOutput(SEEDED.get("crop_padded"), stack(3, () -> padded.apply(img())), 0);
        Torch.manualSeed(15);
        TransformFixtures.assertOutput(SEEDED.get("crop_pad_if_needed"),
                new RandomCrop(36, 38, null, true, 9, PaddingMode.CONSTANT).apply(img()), 0);
    }

    @Test
    void randomResizedCropDrawsTorchvisionsRegions() {
        Torch.manualSeed(16);
        for (JsonNode p : SEEDED.get("rrc_params")) {
            assertArrayEquals(ints(p), RandomResizedCrop.getParams(img(), new double[] {0.08, 1.0}, new double[] {3.0 / 4, 4.0 / 3}));
        }
        // an aspect range the image cannot hold: 10 failed attempts, then the central fallback
        Torch.manualSeed(17);
        for (JsonNode p : SEEDED.get("rrc_params_narrow")) {
            assertArrayEquals(ints(p), RandomResizedCrop.getParams(img(), new double[] {0.9, 1.0}, new double[] {3.5, 4.0}));
        }
        Torch.manualSeed(18);
        Tensor f = Functional.convertImageDtype(img(), DType.FLOAT32);
        RandomResizedCrop rrc = new RandomResizedCrop(16);
        TransformFixtures.assertOutput(SEEDED.get("rrc"), stack(2, () -> rrc.apply(f)), 1e-5);
    }

    @Test
    void colorJitterDrawsTorchvisionsOrderAndFactors() {
        Torch.manualSeed(19);
        ColorJitter cj = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        for (JsonNode p : SEEDED.get("jitter_params")) {
            double[] got = cj.getParams();
            for (int k = 0; k < 8; k++) {
                assertEquals(p.get(k).asDouble(), got[k], 1e-7, "param " + k);
            }
        }
        Torch.manualSeed(20);
        Tensor f = Functional.convertImageDtype(img(), DType.FLOAT32);
        TransformFixtures.assertOutput(SEEDED.get("jitter"), stack(2, () -> new ColorJitter(0.4, 0.4, 0.4, 0.1).apply(f)), 1e-5);
        Torch.manualSeed(21);
        // uint8: hue truncates x * 255 after a float round trip; one step where libtorch versions differ
        TransformFixtures.assertOutput(SEEDED.get("jitter_u8"), stack(2, () -> new ColorJitter(0.4, 0.3, 0.2, 0.1).apply(img())), 1);
    }

    @Test
    void rotationAndErasingEqualTorchvision() {
        Torch.manualSeed(22);
        TransformFixtures.assertOutput(SEEDED.get("rotation"), stack(3, () -> new RandomRotation(40).apply(img())), 0);
        Tensor f = Functional.convertImageDtype(img(), DType.FLOAT32);
        Torch.manualSeed(23);
        TransformFixtures.assertOutput(SEEDED.get("erasing"), stack(2, () -> new RandomErasing(0.7, new double[] {0.02, 0.33},
                new double[] {0.3, 3.3}, new double[] {0}).apply(f)), 1e-6);
        Torch.manualSeed(24);
        TransformFixtures.assertOutput(SEEDED.get("erasing_random"), stack(2, () -> new RandomErasing(1.0, new double[] {0.02, 0.33},
                new double[] {0.3, 3.3}, null).apply(f)), 1e-6);
    }

    @Test
    void aTrainingPipelineGivesTorchvisionsTensors() {
        Transform train = new Compose(new RandomResizedCrop(24), new RandomHorizontalFlip(), new ConvertImageDtype(DType.FLOAT32),
                new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}));
        FloatResize.run(() -> {
            Torch.manualSeed(25);
            TransformFixtures.assertOutput(SEEDED.get("train_pipeline"), stack(2, () -> train.apply(img())), 1e-5);
        });
        // the uint8 kernel (the default on AVX2 CPUs) draws the same crops and rounds some pixels the other way:
        // one uint8 step is 1 / (255 * 0.224) = 0.0175 after normalisation
        Torch.manualSeed(25);
        TransformFixtures.assertOutput(SEEDED.get("train_pipeline"), stack(2, () -> train.apply(img())), 0.0176, 0.0176 * 2 * 3 * 24 * 24 / 4);
    }

    @Test
    void badRandomArgumentsFail() {
        assertThrows(IllegalArgumentException.class, () -> new RandomHorizontalFlip(1.5));
        assertThrows(IllegalArgumentException.class, () -> new RandomResizedCrop(8, new double[] {1.0, 0.5}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new ColorJitter(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, 0, 0, 0.7));
        assertThrows(IllegalArgumentException.class, () -> new RandomRotation(-3));
        assertThrows(IllegalArgumentException.class, () -> new RandomErasing(0.5, new double[] {0.1, 2}, new double[] {0.3, 3.3}, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RandomErasing(1, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, new double[] {1, 2}).apply(img().to(DType.FLOAT32)));
    }
}
