package io.jtorch.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reference numbers for nn layers, losses, init and utils, written by tools/fixtures/nn_fixtures.py. */
public final class NnFixtures {
    private static JsonNode root;

    private NnFixtures() {}

    /** The node at a path of keys, e.g. {@code node("vision_layers", "x")}. */
    public static synchronized JsonNode node(String... path) {
        if (root == null) {
            try (InputStream in = NnFixtures.class.getResourceAsStream("/fixtures/nn.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode n = root;
        for (String p : path) {
            n = n.get(p);
            if (n == null) {
                throw new IllegalArgumentException("no fixture " + String.join("/", path) + " (rerun tools/fixtures/nn_fixtures.py)");
            }
        }
        return n;
    }

    /** The tensor at a path of keys. */
    public static Tensor tensor(String... path) {
        return Fixtures.tensor(node(path));
    }
}
