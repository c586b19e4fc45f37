package io.jtorch.vision.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The vision fixtures written by real torchvision (tools/assets/make_finetune_assets.py), and the
 * default fine-tuning job's data that the same script committed under cli/.
 */
final class VisionFixtures {
    private static final String ASSETS = "cli/src/main/resources/io/jtorch/cli/default";

    private VisionFixtures() {}

    /** A test resource under fixtures/vision/ as a file path. */
    static Path path(String name) {
        try {
            return Path.of(VisionFixtures.class.getResource("/fixtures/vision/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource fixtures/vision/" + name, e);
        }
    }

    /** A JSON fixture under fixtures/vision/. */
    static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the default fine-tuning job's assets, found from the working directory upwards. */
    static Path assets() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(ASSETS))) {
                return dir.resolve(ASSETS);
            }
        }
        throw new IllegalStateException("no " + ASSETS + " above " + Path.of("").toAbsolutePath());
    }

    /** Values of a fixture array as longs. */
    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
