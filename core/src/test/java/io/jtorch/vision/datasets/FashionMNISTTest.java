package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.data.Batch;
import io.jtorch.data.Example;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading Fashion-MNIST's IDX files, against the values torchvision's
 * {@code FashionMNIST(transform=ToTensor())} gives for the same 10 images of each split.
 */
class FashionMNISTTest {
    private static final JsonNode FX = VisionFixtures.json("fashion-mnist.json");
    private static final Path DIR = VisionFixtures.path("fashion-mnist");

    @Test
    void gzippedTestSplitReadsAsTorchvisionReadsIt() {
        FashionMNIST test = new FashionMNIST(DIR, false);
        assertEquals(10, test.size());
        for (JsonNode expected : FX.get("t10k")) {
            Example e = test.get(expected.get("index").asLong());
            assertArrayEquals(new long[] {1, 28, 28}, e.input().shape());
            assertEquals(DType.FLOAT32, e.input().dtype());
            assertEquals(0, e.label().dim(), "labels are 0-dimensional");
            assertEquals(DType.INT64, e.label().dtype());
            assertEquals(expected.get("label").asLong(), e.label().itemLong());
            assertEquals(expected.get("sum").asDouble(), e.input().sum().item(), 1e-4);
            for (JsonNode probe : expected.get("probes")) {
                Tensor pixel = e.input().get(0).get(probe.get("row").asLong()).get(probe.get("col").asLong());
                assertEquals(probe.get("value").floatValue(), (float) pixel.item(), 1e-7f, "pixel " + probe);
            }
        }
    }

    @Test
    void uncompressedTrainSplitKeepsRawBytesInData() {
        FashionMNIST train = new FashionMNIST(DIR, true);
        assertArrayEquals(new long[] {10, 28, 28}, train.data().shape());
        assertEquals(DType.UINT8, train.data().dtype());
        for (JsonNode expected : FX.get("train")) {
            int i = expected.get("index").asInt();
            assertEquals(expected.get("uint8_sum").asLong(), train.data().get(i).to(DType.INT64).sum().itemLong());
            assertEquals(expected.get("label").asLong(), train.label(i));
            JsonNode probe = expected.get("probes").get(1);
            assertEquals(probe.get("uint8").asLong(), train.data().get(i).get(probe.get("row").asLong()).get(probe.get("col").asLong()).itemLong());
        }
    }

    @Test
    void normalizeMatchesTorchvisionNormalize() {
        FashionMNIST test = new FashionMNIST(DIR, false).normalize(FX.get("mean").asDouble(), FX.get("std").asDouble());
        for (JsonNode expected : FX.get("t10k")) {
            Tensor image = test.get(expected.get("index").asLong()).input();
            for (JsonNode probe : expected.get("probes")) {
                double pixel = image.get(0).get(probe.get("row").asLong()).get(probe.get("col").asLong()).item();
                assertEquals(probe.get("normalized").asDouble(), pixel, 1e-6, "pixel " + probe);
            }
        }
    }

    @Test
    void classesAreTorchvisionsNames() {
        List<String> expected = new ArrayList<>();
        FX.get("classes").forEach(c -> expected.add(c.asText()));
        assertEquals(expected, new FashionMNIST(DIR, false).classes());
        assertEquals(expected, FashionMNIST.CLASSES);
        assertEquals(4, new FashionMNIST(DIR, false).classToIdx().get("Coat"));
    }

    @Test
    void getBatchEqualsStackedSamples() {
        FashionMNIST test = new FashionMNIST(DIR, false).normalize(0.2860, 0.3530);
        Batch batch = test.getBatch(new long[] {3, 0, 7});
        assertArrayEquals(new long[] {3, 1, 28, 28}, batch.inputs().shape());
        assertArrayEquals(new long[] {test.label(3), test.label(0), test.label(7)}, batch.labels().toLongArray());
        assertTrue(batch.inputs().get(0).equal(test.get(3).input()));
        assertTrue(batch.inputs().get(2).equal(test.get(7).input()));
    }

    @Test
    void streamsAndResourcesReadTheSameAsTheFolder() throws IOException {
        FashionMNIST fromFolder = new FashionMNIST(DIR, false);
        FashionMNIST fromStreams;
        try (InputStream images = Files.newInputStream(DIR.resolve("t10k-images-idx3-ubyte.gz"));
             InputStream labels = Files.newInputStream(DIR.resolve("t10k-labels-idx1-ubyte.gz"))) {
            fromStreams = FashionMNIST.fromStreams(images, labels);
        }
        FashionMNIST fromResources = FashionMNIST.fromResources("fixtures/vision/fashion-mnist/t10k-images-idx3-ubyte.gz",
                "/fixtures/vision/fashion-mnist/t10k-labels-idx1-ubyte.gz");
        assertTrue(fromFolder.data().equal(fromStreams.data()));
        assertTrue(fromFolder.data().equal(fromResources.data()));
        assertArrayEquals(fromFolder.targets().toLongArray(), fromResources.targets().toLongArray());
    }

    @Test
    void mnistNamesItsClassesAsTorchvision() {
        MNIST digits = MNIST.fromStreams(new ByteArrayInputStream(IdxBytes.images(2, 2, 3)), new ByteArrayInputStream(IdxBytes.labels(9, 0)));
        assertEquals("9 - nine", digits.classes().get((int) digits.label(0)));
        assertArrayEquals(new long[] {1, 2, 3}, digits.get(1).input().shape());
        assertEquals(13f / 255f, (float) digits.get(1).input().get(0).get(1).get(0).item(), 0f, "image 1, row 1, col 0: 10 * 1 + 3");
    }

    @Test
    void missingFileNamesTheFolderAndTheFile(@TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FashionMNIST(empty, true));
        assertEquals("no train-images-idx3-ubyte or train-images-idx3-ubyte.gz in " + empty, e.getMessage());
    }

    @Test
    void labelsFileGivenAsImagesIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMNIST.fromResources("fixtures/vision/fashion-mnist/t10k-labels-idx1-ubyte.gz",
                        "fixtures/vision/fashion-mnist/t10k-labels-idx1-ubyte.gz"));
        assertEquals("fixtures/vision/fashion-mnist/t10k-labels-idx1-ubyte.gz is not an IDX file of images (magic 0x00000803):"
                + " it starts with 0x00000801", e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MNIST.fromStreams(new ByteArrayInputStream(IdxBytes.images(2, 2, 2)), new ByteArrayInputStream(IdxBytes.labels(1))));
        assertEquals("images stream has 2 images but labels stream has 1 labels", e.getMessage());
    }

    @Test
    void truncatedImagesAreReported() {
        byte[] images = IdxBytes.images(3, 2, 2);
        byte[] cut = Arrays.copyOf(images, images.length - 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MNIST.fromStreams(new ByteArrayInputStream(cut), new ByteArrayInputStream(IdxBytes.labels(1, 2, 3))));
        assertEquals("images stream is truncated: its header announces 3 images of 2x2 (12 bytes) but only 7 bytes follow", e.getMessage());
    }

    @Test
    void labelsOutsideTheClassesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MNIST.fromStreams(new ByteArrayInputStream(IdxBytes.images(2, 2, 2)), new ByteArrayInputStream(IdxBytes.labels(0, 2)),
                        List.of("a", "b")));
        assertEquals("label 2 of sample 1 is not one of the 2 classes [a, b]", e.getMessage());
    }

    @Test
    void indexOutOfRangeIsReported() {
        FashionMNIST test = new FashionMNIST(DIR, false);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> test.getBatch(new long[] {0, 10}));
        assertEquals("index 10 is out of range for a dataset of size 10", e.getMessage());
    }
}
