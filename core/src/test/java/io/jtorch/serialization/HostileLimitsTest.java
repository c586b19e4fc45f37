package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.Tensor;
import io.jtorch.vision.datasets.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One reproducer per class of hostile file, in this JVM and at sizes that stay small: each
 * failed (hung, ran out of memory or took minutes) before the limits of {@link LoadBudget},
 * {@link PyDict}, {@link InputFiles}, {@link ExtraFiles} and the pixel limit existed.
 */
class HostileLimitsTest {
    @TempDir
    Path dir;

    private Path torchZip(byte[] pickle, int storageBytes) throws IOException {
        Path file = Files.createTempFile(dir, "case", ".pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.putNextEntry(new ZipEntry("archive/data/0"));
            zip.write(new byte[storageBytes]);
        }
        return file;
    }

    @Test
    void dictKeysWithCollidingHashCodesLoadInLinearTime() throws IOException {
        Path file = torchZip(HostileFiles.collidingKeys(new Random(1)), 16); // 40,000 to 80,000 keys: unfinished after a minute before
        long start = System.nanoTime();
        Map<?, ?> dict = (Map<?, ?>) TorchSerialization.load(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "took " + seconds + " s");
        assertTrue(dict.size() >= 40_000 || dict.isEmpty(), "size " + dict.size());
    }

    @Test
    void aPyDictFindsKeysWhoseJavaHashCodesCollide() {
        PyDict d = new PyDict();
        for (long a = 0; a < 20_000; a++) {
            d.put(Tuple.of(a, 31 * (20_000 - a)), a); // every tuple's List.hashCode is the same
            d.put((a << 32) | a, -a); // every Long.hashCode is 0
        }
        assertEquals(40_000, d.size());
        assertEquals(123L, d.get(Tuple.of(123L, 31 * (20_000L - 123))));
        assertEquals(-77L, d.get((77L << 32) | 77L));
        assertEquals(0L, d.keySet().iterator().next() instanceof Tuple ? 0L : 1L, "insertion order");
    }

    @Test
    void aHugeDecimalIntegerIsRefusedAtOnce() throws IOException {
        Path file = torchZip(HostileFiles.hugeDecimal(new Random(2)), 16); // 40 s for 1.8 M digits before
        long start = System.nanoTime();
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(file));
        assertTrue(e.getMessage().contains("at most 4300 digits"), e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        Path fine = torchZip("I12345678901234567890123\n.".getBytes(StandardCharsets.US_ASCII), 0);
        assertEquals(new java.math.BigInteger("12345678901234567890123"), TorchSerialization.load(fine));
    }

    @Test
    void opcodeFloodsAreRefusedAtTheLimit() throws IOException {
        for (int seed = 0; seed < 6; seed++) {
            Path file = torchZip(HostileFiles.opcodeFlood(new Random(seed)), 16); // OutOfMemoryError in a 256 MB heap before
            SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(file, 8 << 20));
            assertTrue(e.getMessage().contains("more than the limit of 8388608 bytes") && e.getMessage().contains("archive/data.pkl, byte"),
                    e.getMessage());
        }
    }

    @Test
    void everyTensorCountsAgainstTheLimitEvenAViewOfASharedStorage() throws IOException {
        Path file = torchZip(HostileFiles.viewsFlood(new Random(3)), 4); // 400,000+ views of 4 bytes: 3.3 GB for 3 M before
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(file, 64 << 20));
        assertTrue(e.getMessage().contains(LoadBudget.TENSOR_COST + " bytes per tensor"), e.getMessage());
    }

    @Test
    void emptySafetensorsTensorsCountAgainstTheLimit() throws IOException {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}");
        }
        byte[] header = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("empty.safetensors");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.writeBytes(header);
        Files.write(file, out.toByteArray());
        SerializationException e = assertThrows(SerializationException.class, () -> SafeTensors.load(file, 1 << 20));
        assertTrue(e.getMessage().contains("more than the limit of 1048576 bytes"), e.getMessage());
        assertEquals(2000, SafeTensors.load(file, 8 << 20).size(), "2,000 tensors fit in 8 MB");
    }

    @Test
    void namedPipesAreRefusedBeforeTheyAreOpened() throws Exception {
        assumeTrue(HostileFiles.canMakePipes(), "no mkfifo on this system");
        Path pt = dir.resolve("pipe.pt");
        Path st = dir.resolve("pipe.safetensors");
        Path png = dir.resolve("pipe.png");
        for (Path p : List.of(pt, st, png)) {
            HostileFiles.mkfifo(p);
        }
        // each of these blocked forever before
        assertTrue(assertThrows(SerializationException.class, () -> TorchSerialization.load(pt)).getMessage()
                .endsWith("pipe.pt: is a named pipe (FIFO), not a regular file; jtorch reads regular files only (a pipe or device could "
                        + "block or never end)"));
        assertTrue(assertThrows(SerializationException.class, () -> SafeTensors.load(st)).getMessage().contains("named pipe"));
        assertTrue(assertThrows(SerializationException.class, () -> io.jtorch.train.Checkpoint.load(pt)).getMessage().contains("named pipe"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Images.readImage(png)).getMessage().contains("named pipe"));
        assertTrue(assertThrows(SerializationException.class, () -> TorchSerialization.load(Path.of("/dev/zero"))).getMessage()
                .contains("a character device"));
    }

    @Test
    void imageHeadersAreCheckedAgainstThePixelLimitBeforeDecoding() throws IOException {
        Path png = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        long before = Images.maxImagePixels();
        try {
            Images.setMaxImagePixels(4999);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Images.readImage(png));
            assertEquals(png + " declares 100x50 pixels (WxH, 5000), more than the limit of 4999 pixels; raise it with "
                    + "Images.setMaxImagePixels or -Djtorch.image.maxPixels if the image is real", e.getMessage());
            Images.setMaxImagePixels(5000);
            Tensor t = Images.readImage(png);
            assertEquals(List.of(3L, 50L, 100L), List.of(t.shape()[0], t.shape()[1], t.shape()[2]));
        } finally {
            Images.setMaxImagePixels(before);
        }
        assertEquals(Images.DEFAULT_MAX_IMAGE_PIXELS, before, "PIL's Image.MAX_IMAGE_PIXELS");
        Path bomb = new HostileFiles(dir).make("huge-image", new Random(5), 0).file(); // decoded whole before
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Images.readImage(bomb)).getMessage().contains("more than the limit"));
    }

    @Test
    void anExtraFileIsRefusedAsSoonAsItInflatesPastTheLimit() throws IOException {
        for (int seed = 0; seed < 2; seed++) {
            Path file = new HostileFiles(dir).make("extra-file", new Random(seed), seed).file(); // 2.5 GiB read whole before
            SerializationException e = assertThrows(SerializationException.class, () -> ExtraFiles.read(file, "jtorch.json", 1 << 20));
            assertTrue(e.getMessage().contains("more than the limit of 1048576 bytes for an extra file"), e.getMessage());
        }
        Path ok = dir.resolve("extra-ok.pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ok))) {
            zip.putNextEntry(new ZipEntry("m/extra/jtorch.json"));
            zip.write("{\"classes\":[]}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("{\"classes\":[]}", ExtraFiles.read(ok, "jtorch.json", ExtraFiles.DEFAULT_MAX_BYTES).orElseThrow());
        assertTrue(ExtraFiles.read(ok, "other.json", ExtraFiles.DEFAULT_MAX_BYTES).isEmpty());
    }

    @Test
    void anEntryLargerThanDeclaredIsRefusedWithoutInflatingIt() throws IOException {
        Path file = new HostileFiles(dir).make("oversized-entry", new Random(4), 0).file();
        long start = System.nanoTime();
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(file));
        // The strict zip reader refuses the entry from its headers, or inflation stops at the declared size.
        assertTrue(e.getMessage().contains("archive/data/0") && (e.getMessage().endsWith("holds more bytes than its declared 16")
                || e.getMessage().contains("does not match the directory")), e.getMessage());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "inflating hundreds of megabytes would take longer");
    }
}
