package io.jtorch.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference numbers written by real PyTorch (tools/fixtures/optim_fixtures.py), and the setups they were made with. */
final class OptimFixtures {
    private static JsonNode root;

    private OptimFixtures() {}

    /** The whole optimizer and scheduler fixture file. */
    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = OptimFixtures.class.getResourceAsStream("/fixtures/optim.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** A list of fixture tensors as parameters. */
    static List<Parameter> params(JsonNode tensors) {
        List<Parameter> out = new ArrayList<>();
        for (JsonNode t : tensors) {
            out.add(new Parameter(Fixtures.tensor(t)));
        }
        return out;
    }

    /** The fixture's fixed parameters: the first has shape [3, 4], the second [4]. */
    static List<Parameter> fixedParams() {
        return params(root().get("optimizers").get("rmsprop_default").get("initial"));
    }

    /** Gives each parameter exactly {@code grads.get(i)} as its gradient, through backward of sum(p·g). */
    static void setGrads(List<Parameter> params, JsonNode grads) {
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            p.clearGrad();
            p.mul(Fixtures.tensor(grads.get(i))).sum().backward();
        }
    }

    /** The lists of numbers in a JSON array of arrays. */
    static double[][] rows(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[node.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = node.get(i).get(j).asDouble();
            }
        }
        return out;
    }

    /** A JSON value as the Java values a state dict holds: Long, Double, String, List and Map. */
    static Object plain(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(plain(n)));
            return out;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        return null;
    }

    /** Asserts two tensors equal within {@code rtol} relative (plus a tiny absolute floor for zeros). */
    static void assertRelClose(Tensor expected, Tensor actual, double rtol, String what) {
        io.jtorch.Assertions2.assertClose(expected, actual, rtol, 1e-7, what);
    }
}
