package io.jtorch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference numbers written by real PyTorch (tools/fixtures/core_fixtures.py), read as tensors.
 */
public final class Fixtures {
    private static JsonNode core;

    private Fixtures() {}

    /** The whole core fixture file. */
    public static synchronized JsonNode core() {
        if (core == null) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/core.json")) {
                core = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return core;
    }

    /** A tensor written as {"shape": [...], "dtype": "...", "data": [...]}. */
    public static Tensor tensor(JsonNode node) {
        JsonNode shapeNode = node.get("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        JsonNode data = node.get("data");
        String dtype = node.get("dtype").asText();
        switch (dtype) {
            case "float32": {
                float[] v = new float[data.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) data.get(i).asDouble();
                }
                return Torch.tensor(v, shape);
            }
            case "float64": {
                double[] v = new double[data.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = data.get(i).asDouble();
                }
                return Torch.tensor(v, shape);
            }
            case "int64": {
                long[] v = new long[data.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = data.get(i).asLong();
                }
                return Torch.tensor(v, shape);
            }
            case "bool": {
                boolean[] v = new boolean[data.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = data.get(i).asLong() != 0;
                }
                return Torch.tensor(v).reshape(shape);
            }
            default:
                throw new IllegalArgumentException("fixture dtype " + dtype);
        }
    }

    /** A state dict written as {name: tensor}. */
    public static Map<String, Tensor> stateDict(JsonNode node) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), tensor(e.getValue()));
        }
        return out;
    }
}
