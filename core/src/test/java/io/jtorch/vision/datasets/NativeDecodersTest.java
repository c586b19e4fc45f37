package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEG and PNG files decoded through libjpeg-turbo and libpng against the pixels PIL gives for
 * them (fixtures/decode.json, written by tools/fixtures/decode_fixtures.py), the variants left to
 * javax.imageio, and damaged files, which must behave as they do without the native decoders.
 */
class NativeDecodersTest {
    private static JsonNode json;
    private static Path folder;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path index = Path.of(NativeDecodersTest.class.getResource("/fixtures/decode.json").toURI());
        json = new ObjectMapper().readTree(index.toFile());
        folder = index.resolveSibling("decode");
    }

    @AfterAll
    static void restore() {
        System.clearProperty(NativeDecoders.PROPERTY);
    }

    private static byte[] bytes(JsonNode values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) values.get(i).asInt();
        }
        return out;
    }

    private static void assumeLibraries() {
        assumeTrue(NativeDecoders.TurboJpeg.LOADED && NativeDecoders.Png.LOADED,
                "libturbojpeg.so.0 and libpng16.so.16 are not both installed (apt-get install libturbojpeg0 libpng16-16): "
                        + "the native decoders are not checked here");
    }

    /** {@code call} with the native decoders off for the whole JVM, as {@code -Djtorch.image.nativeDecoders=false}. */
    private static <T> T withoutNative(Supplier<T> call) {
        System.setProperty(NativeDecoders.PROPERTY, "false");
        try {
            return call.get();
        } finally {
            System.clearProperty(NativeDecoders.PROPERTY);
        }
    }

    @Test
    void everyFixtureReadsAsPilReadsIt() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) json::fields) {
            Path file = folder.resolve(e.getKey());
            JsonNode want = e.getValue();
            for (int channels : new int[] {3, 1}) {
                Pixels p = Pixels.read(file, channels);
                assertEquals(want.get("height").asInt(), p.height(), e.getKey());
                assertEquals(want.get("width").asInt(), p.width(), e.getKey());
                // javax.imageio rounds 16-bit samples to 8 bits where PIL keeps the high byte, and reads
                // CMYK its own way: those two are checked for their size only.
                if (want.get("native").asBoolean() || e.getKey().equals("gama.png")) {
                    assertArrayEquals(bytes(want.get(channels == 3 ? "rgb" : "gray")), p.planar().values(), e.getKey() + ", " + channels + " channels");
                    checked++;
                }
            }
        }
        assertEquals(2 * 21, checked);
    }

    @Test
    void nativeDecodersTakeTheFilesPilDecodesAlikeAndGivePilsPixels() throws IOException {
        assumeLibraries();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) json::fields) {
            Path file = folder.resolve(e.getKey());
            byte[] data = Files.readAllBytes(file);
            JsonNode want = e.getValue();
            Pixels rgb = NativeDecoders.decode(file, data, 3);
            if (!want.get("native").asBoolean()) {
                assertNull(rgb, e.getKey() + " is left to javax.imageio");
                continue;
            }
            assertNotNull(rgb, e.getKey());
            assertArrayEquals(bytes(want.get("rgb")), rgb.planar().values(), e.getKey());
            assertArrayEquals(bytes(want.get("gray")), NativeDecoders.decode(file, data, 1).planar().values(), e.getKey() + " as gray");
        }
    }

    @Test
    void nativePixelsStayInterleavedAndBecomeTheSameTensorAsChannelMajorOnes() {
        assumeLibraries();
        for (String name : new String[] {"q75_420.jpg", "gray.jpg", "rgb8.png", "rgba8.png", "palette_trns.png"}) {
            Path file = folder.resolve(name);
            Pixels p = Pixels.read(file, 3);
            assertEquals(name.endsWith(".jpg") ? 3 : 4, p.pixelStride(), name + ": as the decoder wrote them");
            io.jtorch.Tensor view = Images.toTensor(p);
            io.jtorch.Tensor planar = Images.toTensor(p.planar());
            assertArrayEquals(new long[] {3, p.height(), p.width()}, view.shape(), name);
            assertFalse(view.isContiguous(), name);
            assertTrue(planar.isContiguous() && view.equal(planar), name);
            io.jtorch.Tensor read = Images.readImage(file);
            assertTrue(read.isContiguous() && read.equal(planar), name + ": read_image's tensor is contiguous");
            assertTrue(Pixels.read(file, 1).isPlanar(), name + " as gray");
        }
    }

    @Test
    void theImageioPathGivesTheSamePixelsForTheFilesBothRead() {
        for (String name : new String[] {"q75_420.jpg", "q95_444.jpg", "progressive.jpg", "gray.jpg", "rgb8.png", "rgba8.png",
                                         "gray8.png", "palette8.png", "rgb8_adam7.png"}) {
            Path file = folder.resolve(name);
            Pixels imageio = withoutNative(() -> Pixels.read(file, 3));
            assertArrayEquals(Pixels.read(file, 3).planar().values(), imageio.planar().values(), name);
        }
    }

    @Test
    void damagedFilesAreLeftToImageioAndBehaveAsWithoutNativeDecoders() throws IOException {
        assumeLibraries();
        List<Path> damaged = new ArrayList<>();
        for (String name : new String[] {"q75_420.jpg", "progressive.jpg", "rgb8.png", "rgb8_adam7.png"}) {
            byte[] data = Files.readAllBytes(folder.resolve(name));
            Path half = tmp.resolve("half-" + name);
            Files.write(half, Arrays.copyOf(data, data.length / 2));
            damaged.add(half);
            byte[] flipped = data.clone();
            flipped[data.length * 2 / 3] ^= 0x5a; // inside the entropy-coded or deflated data
            Path bad = tmp.resolve("flipped-" + name);
            Files.write(bad, flipped);
            damaged.add(bad);
        }
        Path garbage = tmp.resolve("garbage.png");
        Files.write(garbage, Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, 64));
        damaged.add(garbage);
        Path jpegHead = tmp.resolve("head.jpg");
        Files.write(jpegHead, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        damaged.add(jpegHead);
        int declined = 0;
        for (Path file : damaged) {
            byte[] data = Files.readAllBytes(file);
            if (NativeDecoders.decode(file, data, 3) == null) {
                declined++;
            }
            String with = outcome(file);
            String without = withoutNative(() -> outcome(file));
            assertEquals(without, with, file.getFileName().toString());
        }
        // Truncated files, a bad CRC and headers alone are all refused; a flipped byte inside a JPEG's
        // entropy-coded data can decode to other pixels without a warning, as in every decoder.
        assertTrue(declined >= damaged.size() - 2, declined + " of " + damaged.size() + " declined");
    }

    /** What reading {@code file} gives: its pixels' hash, or the exception's class and message. */
    private static String outcome(Path file) {
        try {
            Pixels p = Pixels.read(file, 3);
            return p.size() + " " + Arrays.hashCode(p.planar().values());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void thePixelLimitHoldsBeforeNativeDecoding() {
        assumeLibraries();
        long before = Images.maxImagePixels();
        try {
            for (String name : new String[] {"q75_420.jpg", "palette8.png"}) {
                Path file = folder.resolve(name);
                JsonNode want = json.get(name);
                Images.setMaxImagePixels(want.get("height").asLong() * want.get("width").asLong() - 1);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> NativeDecoders.decode(file, Files.readAllBytes(file), 3));
                assertTrue(e.getMessage().contains("more than the limit") && e.getMessage().contains(name), e.getMessage());
            }
            Images.setMaxImagePixels(19 * 13);
            assertNotNull(NativeDecoders.decode(folder.resolve("rgb8.png"), readUnchecked(folder.resolve("rgb8.png")), 3));
        } finally {
            Images.setMaxImagePixels(before);
        }
    }

    private static byte[] readUnchecked(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void threadsDecodeAtOnceToTheSamePixels() throws Exception {
        assumeLibraries();
        String[] names = {"q75_420.jpg", "q90_422.jpg", "progressive.jpg", "rgba8.png", "palette_trns.png", "gray2_adam7.png"};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String name = names[i % names.length];
                        byte[] got = Pixels.read(folder.resolve(name), 3).planar().values();
                        if (!Arrays.equals(bytes(json.get(name).get("rgb")), got)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void filesNamedAsOtherFormatsAreNotReadForTheNativeDecoders() throws IOException {
        for (String name : new String[] {"a.bmp", "b.TIF", "c.tiff", "d.gif"}) {
            assertTrue(NativeDecoders.otherFormat(Path.of("x", name)), name);
        }
        for (String name : new String[] {"a.jpg", "b.JPEG", "c.png", "noextension"}) {
            assertFalse(NativeDecoders.otherFormat(Path.of("x", name)), name);
        }
        // A PNG named .jpg is still told apart by its bytes, and read.
        assumeLibraries();
        Path misnamed = tmp.resolve("really-a-png.jpg");
        Files.copy(folder.resolve("rgb8.png"), misnamed);
        assertArrayEquals(bytes(json.get("rgb8.png").get("rgb")), Pixels.read(misnamed, 3).planar().values());
    }

    @Test
    void thePropertyTurnsThemOff() {
        assertTrue(NativeDecoders.enabled());
        assertFalse(withoutNative(NativeDecoders::enabled));
        assertTrue(NativeDecoders.enabled());
    }

    /**
     * Mutated copies of the fixtures (flipped bytes, truncations, overwritten header fields,
     * repeated slices; PNG chunks re-checksummed half the time, so that libpng reads on into
     * the damaged data): each decodes, is declined (left to javax.imageio) or is refused for its
     * declared size, and none takes the JVM down. {@code -Djtorch.fuzz.seed} picks other cases.
     */
    @Test
    void mutatedFilesAreDecodedDeclinedOrRefusedNeverACrash() throws IOException {
        assumeLibraries();
        java.util.Random random = new java.util.Random(Long.getLong("jtorch.fuzz.seed", 20261202L));
        List<byte[]> seeds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) json::fields) {
            seeds.add(Files.readAllBytes(folder.resolve(e.getKey())));
        }
        long before = Images.maxImagePixels();
        Images.setMaxImagePixels(1 << 20);
        int decoded = 0;
        int declined = 0;
        int refused = 0;
        try {
            for (int i = 0; i < 4000; i++) {
                byte[] d = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Path name = Path.of("case-" + i + (NativeDecoders.isJpeg(d) ? ".jpg" : ".png"));
                int channels = random.nextBoolean() ? 3 : 1;
                Pixels p;
                try {
                    p = NativeDecoders.decode(name, d, channels);
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().contains("declares"), "case " + i + ": " + e.getMessage());
                    refused++;
                    continue;
                }
                if (p == null) {
                    declined++;
                } else {
                    assertEquals(channels, p.channels());
                    assertEquals((long) (p.isPlanar() ? channels : p.pixelStride()) * p.height() * p.width(), p.values().length, "case " + i);
                    decoded++;
                }
            }
        } finally {
            Images.setMaxImagePixels(before);
        }
        System.out.printf("native decoders, 4000 mutated files: %d decoded, %d declined, %d refused for their size%n", decoded, declined, refused);
        assertTrue(decoded > 100 && declined > 100, decoded + " decoded, " + declined + " declined, " + refused + " refused");
    }

    private static byte[] mutate(byte[] seed, java.util.Random random) {
        byte[] d = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    d[random.nextInt(d.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> d = Arrays.copyOf(d, random.nextInt(d.length));
            case 2 -> { // a header field: sizes, bit depths, marker lengths
                int at = random.nextInt(Math.min(d.length, 200));
                byte fill = (byte) new int[] {0, 0xFF, 0x7F, random.nextInt(256)}[random.nextInt(4)];
                for (int k = 0; k < 4 && at + k < d.length; k++) {
                    d[at + k] = fill;
                }
            }
            default -> {
                int from = random.nextInt(d.length);
                int len = Math.min(d.length - from, 1 + random.nextInt(64));
                byte[] out = new byte[d.length + len];
                System.arraycopy(d, 0, out, 0, from + len);
                System.arraycopy(d, from, out, from + len, d.length - from);
                d = out;
            }
        }
        if (!NativeDecoders.isJpeg(d) && random.nextBoolean()) {
            rechecksum(d);
        }
        return d;
    }

    /** Rewrites every whole chunk's CRC of a PNG, so that libpng accepts the chunks and reads their damaged contents. */
    private static void rechecksum(byte[] d) {
        int at = 8;
        while (at + 12 <= d.length) {
            long length = ((d[at] & 0xffL) << 24) | ((d[at + 1] & 0xff) << 16) | ((d[at + 2] & 0xff) << 8) | (d[at + 3] & 0xff);
            if (length > d.length - at - 12) {
                return;
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(d, at + 4, 4 + (int) length);
            long v = crc.getValue();
            int end = at + 8 + (int) length;
            d[end] = (byte) (v >>> 24);
            d[end + 1] = (byte) (v >>> 16);
            d[end + 2] = (byte) (v >>> 8);
            d[end + 3] = (byte) v;
            at = end + 4;
        }
    }
}
