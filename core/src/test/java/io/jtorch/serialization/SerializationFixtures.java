package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.DType;
import io.jtorch.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HexFormat;

/** The files written by tools/fixtures/serialization_fixtures.py and the values they hold. */
final class SerializationFixtures {
    private static JsonNode expected;

    private SerializationFixtures() {}

    /** A fixture file by name, e.g. {@code state_dict.pt}. */
    static Path path(String name) {
        URL url = SerializationFixtures.class.getResource("/fixtures/serialization/" + name);
        assertNotNull(url, "fixture " + name + " (run tools/fixtures/serialization_fixtures.py)");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** expected.json. */
    static synchronized JsonNode expected() {
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(path("expected.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    /** Asserts {@code actual} has the dtype, shape and exact bytes that {@code node} describes. */
    static void assertTensor(JsonNode node, Tensor actual, String what) {
        assertNotNull(actual, what);
        assertEquals(DType.fromPythonName(node.get("dtype").asText()), actual.dtype(), what + ": dtype");
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).asLong();
        }
        assertArrayEquals(shape, actual.shape(), what + ": shape");
        assertEquals(node.get("hex").asText(), HexFormat.of().formatHex(actual.toByteArray()), what + ": bytes");
    }
}
