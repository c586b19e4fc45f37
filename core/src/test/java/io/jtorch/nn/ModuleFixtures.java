package io.jtorch.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What real PyTorch said about module trees (tools/fixtures/module_fixtures.py, fixtures/module.json). */
public final class ModuleFixtures {
    private static JsonNode root;

    private ModuleFixtures() {}

    /** The case {@code name} of module.json. */
    public static synchronized JsonNode get(String name) {
        if (root == null) {
            try (InputStream in = ModuleFixtures.class.getResourceAsStream("/fixtures/module.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode n = root.get(name);
        if (n == null) {
            throw new IllegalArgumentException("module.json has no case " + name);
        }
        return n;
    }

    /** A JSON array of strings as a list. */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A JSON array of ints as a list. */
    public static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
