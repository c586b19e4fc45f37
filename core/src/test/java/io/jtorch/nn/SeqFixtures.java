package io.jtorch.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The reference numbers of tools/fixtures/seq_fixtures.py (fixtures/seq.json). */
final class SeqFixtures {
    private static JsonNode root;

    private SeqFixtures() {}

    /** The section {@code name} of seq.json. */
    static synchronized JsonNode get(String name) {
        if (root == null) {
            try (InputStream in = SeqFixtures.class.getResourceAsStream("/fixtures/seq.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root.get(name);
    }

    /** The tensor at {@code node.field}, or null when absent. */
    static Tensor tensor(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : Fixtures.tensor(n);
    }

    /** The field names of an object node, in order. */
    static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                out.add(it.next());
            }
        }
        return out;
    }
}
