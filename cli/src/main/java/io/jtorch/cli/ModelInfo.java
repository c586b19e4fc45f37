package io.jtorch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jtorch.jit.Jit;
import io.jtorch.vision.transforms.ImageClassification;
import io.jtorch.vision.transforms.InterpolationMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What jtorch knows about a model beyond its weights: class names, input shape and
 * normalisation. Stored inside models that {@code jtorch finetune} saves (the archive's
 * {@code extra/jtorch.json}); for the built-in backbone, read from its resource.
 *
 * @param classes the output classes, or empty when unknown
 * @param inputShape (C, H, W) of one input, or null when unknown
 * @param mean per-channel mean to subtract, or null for none
 * @param std per-channel standard deviation to divide by, or null for none
 * @param resize whether images of another size are resized to the input shape (as the model was
 *     trained with --resize) rather than refused
 * @param preset the weights' preprocessing (resize, center crop, normalise) applied to every
 *     image instead of the above, for models built with {@code --arch}; or null
 */
record ModelInfo(List<String> classes, long[] inputShape, double[] mean, double[] std, boolean resize, ImageClassification preset) {
    static final String EXTRA_FILE = "jtorch.json";
    private static final String DEFAULT_MODEL = "/io/jtorch/cli/default/backbone.pt";
    private static final String DEFAULT_INFO = "/io/jtorch/cli/default/backbone.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing known. */
    static ModelInfo unknown() {
        return new ModelInfo(List.of(), null, null, null, false, null);
    }

    /** The built-in backbone, copied out of the jar to {@code dir}, and what is known about it. */
    static Path extractDefaultModel(Path dir) throws IOException {
        Path file = dir.resolve("backbone.pt");
        try (InputStream in = ModelInfo.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IOException("the built-in backbone " + DEFAULT_MODEL + " is missing from the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    static ModelInfo defaultModel() throws IOException {
        try (InputStream in = ModelInfo.class.getResourceAsStream(DEFAULT_INFO)) {
            return parse(JSON.readTree(in));
        }
    }

    /** What a model file says about itself, or {@link #unknown()}. */
    static ModelInfo of(Path model) throws IOException {
        Optional<String> extra = Jit.extraFile(model, EXTRA_FILE);
        return extra.isPresent() ? parse(JSON.readTree(extra.get())) : unknown();
    }

    private static ModelInfo parse(JsonNode n) {
        List<String> classes = new ArrayList<>();
        n.path("classes").forEach(c -> classes.add(c.asText()));
        long[] shape = null;
        if (n.has("input_shape")) {
            shape = new long[n.get("input_shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = n.get("input_shape").get(i).asLong();
            }
        }
        double[] mean = doubles(n.path("normalize").path("mean"));
        double[] std = doubles(n.path("normalize").path("std"));
        return new ModelInfo(classes, shape, mean, std, n.path("resize").asBoolean(false), preset(n.path("preset"), mean, std));
    }

    /** What an {@code --arch} model is: its weights' preset, its normalisation set to the preset's (or to --mean/--std). */
    static ModelInfo ofPreset(ImageClassification preset, double[] mean, double[] std) {
        double[] m = mean != null ? mean : floats(preset.mean());
        double[] s = std != null ? std : floats(preset.std());
        ImageClassification p = new ImageClassification(preset.cropSize(), preset.resizeSize(), toFloats(m), toFloats(s),
                preset.interpolation(), preset.antialias());
        return new ModelInfo(List.of(), new long[] {3, p.cropSize(), p.cropSize()}, m, s, false, p);
    }

    private static ImageClassification preset(JsonNode p, double[] mean, double[] std) {
        if (!p.isObject()) {
            return null;
        }
        InterpolationMode mode = InterpolationMode.BILINEAR;
        for (InterpolationMode i : InterpolationMode.values()) {
            if (i.value().equals(p.path("interpolation").asText("bilinear"))) {
                mode = i;
            }
        }
        try {
            return new ImageClassification(p.path("crop_size").asInt(), p.path("resize_size").asInt(), toFloats(mean), toFloats(std),
                    mode, p.path("antialias").asBoolean(true));
        } catch (RuntimeException e) {
            throw new UserError("the model's " + EXTRA_FILE + " has an unusable preset " + p + ": " + e.getMessage(), e);
        }
    }

    /** Floats as the decimals they were written as (0.485f is 0.485, not 0.48500001430511475). */
    private static double[] floats(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.parseDouble(Float.toString(v[i]));
        }
        return out;
    }

    private static float[] toFloats(double[] v) {
        if (v == null) {
            return null;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return null;
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** This information for a model with new classes. */
    ModelInfo withClasses(List<String> newClasses) {
        return new ModelInfo(List.copyOf(newClasses), inputShape, mean, std, resize, preset);
    }

    /** This information with another normalisation. */
    ModelInfo withNormalization(double[] newMean, double[] newStd) {
        ImageClassification p = preset == null ? null : new ImageClassification(preset.cropSize(), preset.resizeSize(),
                toFloats(newMean), toFloats(newStd), preset.interpolation(), preset.antialias());
        return new ModelInfo(classes, inputShape, newMean, newStd, resize, p);
    }

    /** This information for a model trained on inputs of shape (C, H, W), resized to it or not. */
    ModelInfo withInput(long[] shape, boolean resized) {
        return new ModelInfo(classes, shape.clone(), mean, std, resized, preset);
    }

    /** The JSON stored in a saved model. */
    String toJson() {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode c = n.putArray("classes");
        classes.forEach(c::add);
        if (inputShape != null) {
            ArrayNode s = n.putArray("input_shape");
            for (long v : inputShape) {
                s.add(v);
            }
        }
        if (resize) {
            n.put("resize", true);
        }
        if (mean != null) {
            ObjectNode norm = n.putObject("normalize");
            ArrayNode m = norm.putArray("mean");
            for (double v : mean) {
                m.add(v);
            }
            ArrayNode s = norm.putArray("std");
            for (double v : std) {
                s.add(v);
            }
        }
        if (preset != null) {
            ObjectNode p = n.putObject("preset");
            p.put("crop_size", preset.cropSize());
            p.put("resize_size", preset.resizeSize());
            p.put("interpolation", preset.interpolation().value());
            p.put("antialias", preset.antialias());
        }
        return n.toPrettyString();
    }
}
