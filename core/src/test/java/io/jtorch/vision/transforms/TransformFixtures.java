package io.jtorch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.vision.datasets.Images;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The images and torchvision outputs written by tools/fixtures/transforms_fixtures.py. */
final class TransformFixtures {
    private static JsonNode json;

    private TransformFixtures() {}

    static synchronized JsonNode json() {
        if (json == null) {
            try {
                json = new ObjectMapper().readTree(resource("/fixtures/transforms.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    static Path resource(String name) {
        try {
            return Path.of(TransformFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** An image of fixtures/transforms/ as uint8 (C, H, W), as torchvision.io.read_image reads it. */
    static Tensor image(String name) {
        return Images.readImage(resource("/fixtures/transforms/" + name));
    }

    static Tensor gray(String name) {
        return Images.readImage(resource("/fixtures/transforms/" + name), 1);
    }

    /** Asserts that {@code actual} equals the tensor {@code expected} within {@code tol} elementwise. */
    static void assertClose(JsonNode expected, Tensor actual, double tol) {
        Tensor e = Fixtures.tensor(expected);
        assertArrayEquals(e.shape(), actual.shape(), "shape");
        double[] a = actual.contiguous().toDoubleArray();
        double[] b = e.toDoubleArray();
        double worst = 0;
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        assertTrue(worst <= tol, "max difference " + worst + " at " + at + " (" + (at < 0 ? "" : a[at] + " vs " + b[at]) + ") > " + tol);
    }

    /** Asserts that at most {@code fraction} of the sampled values differ from torchvision's by more than {@code tol}. */
    static void assertSampleMostlyClose(JsonNode expected, Tensor actual, double tol, double fraction) {
        double[] a = strided(actual).contiguous().toDoubleArray();
        double[] b = Fixtures.tensor(expected.get("sample")).toDoubleArray();
        int off = 0;
        for (int i = 0; i < a.length; i++) {
            off += Math.abs(a[i] - b[i]) > tol ? 1 : 0;
        }
        assertTrue(off <= fraction * a.length, off + " of " + a.length + " sampled values differ by more than " + tol);
    }

    private static Tensor strided(Tensor actual) {
        int d = actual.dim();
        Tensor idxH = io.jtorch.Torch.arange(0, actual.size(d - 2), 11).to(io.jtorch.DType.INT64);
        Tensor idxW = io.jtorch.Torch.arange(0, actual.size(d - 1), 11).to(io.jtorch.DType.INT64);
        return actual.indexSelect(d - 2, idxH).indexSelect(d - 1, idxW);
    }

    /** Asserts a large output against its strided sample [..., ::11, ::11] and its sum. */
    static void assertSampleClose(JsonNode expected, Tensor actual, double tol, double sumTol) {
        long[] shape = new long[expected.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = expected.get("shape").get(i).asLong();
        }
        assertArrayEquals(shape, actual.shape(), "shape");
        assertClose(expected.get("sample"), strided(actual), tol);
        assertEquals(expected.get("sum").asDouble(), actual.to(io.jtorch.DType.FLOAT64).sum().item(), sumTol, "sum");
    }
}
