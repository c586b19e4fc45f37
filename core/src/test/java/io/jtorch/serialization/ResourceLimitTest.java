package io.jtorch.serialization;

import static io.jtorch.serialization.SerializationFixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Device;
import io.jtorch.jit.ScriptModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every loader refuses a file whose tensors need more memory than its limit (by default the
 * machine's physical memory, or a limit the caller gives) before it allocates anything; a file
 * that declares a gigantic tensor is refused in milliseconds, not after an attempt to allocate it.
 */
class ResourceLimitTest {
    private static final long GIGANTIC = 1L << 40; // elements: 4 TiB of float32

    @TempDir
    Path dir;

    @Test
    void torchLoadRefusesAFileOverTheGivenLimit() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("state_dict.pt"), 100));
        assertTrue(e.getMessage().contains("more than the limit of 100 bytes") && e.getMessage().contains("nothing was allocated"),
                e.getMessage());
    }

    @Test
    void torchLoadRefusesAGiganticDeclaredStorage() throws IOException {
        Path file = withFirstStorageNumel(path("state_dict.pt"), GIGANTIC);
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(file));
        assertTrue(e.getMessage().contains("declares " + GIGANTIC + " elements"), e.getMessage());
    }

    @Test
    void safetensorsRefusesAFileOverTheGivenLimit() {
        SerializationException e = assertThrows(SerializationException.class, () -> SafeTensors.load(path("weights.safetensors"), 10));
        assertTrue(e.getMessage().contains("more than the limit of 10 bytes"), e.getMessage());
    }

    /**
     * A real, well-formed safetensors file holding more bytes than the machine has memory: the
     * data is a hole in a sparse file, so it costs no disk. The default limit refuses it.
     */
    @Test
    void safetensorsRefusesAFileLargerThanThePhysicalMemoryByDefault() throws IOException {
        long bytes = TorchSerialization.defaultMaxBytes() + (1L << 30);
        long elements = bytes / 4;
        String json = "{\"big\":{\"dtype\":\"F32\",\"shape\":[" + elements + "],\"data_offsets\":[0," + elements * 4 + "]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("big.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            f.write(header);
            f.setLength(8 + header.length + elements * 4);
        }
        long start = System.nanoTime();
        SerializationException e = assertThrows(SerializationException.class, () -> SafeTensors.load(file));
        assertTrue(e.getMessage().contains("more than the limit") && e.getMessage().contains("nothing was allocated"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refusing took more than 5 s");
    }

    @Test
    void scriptModuleLoadRefusesAFileOverTheGivenLimit() throws Exception {
        Path file = jitFixture("sequential.pt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(file, Device.CPU, 1000));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("more than the limit of 1000 bytes")
                && e.getMessage().contains("nothing was allocated"), e.getMessage());
        long fits = 1784 + 14 * ScriptArchives.PER_VALUE_BYTES + 4728 * ScriptArchives.PER_CODE_BYTE;
        assertEquals(7, ScriptModule.load(file, Device.CPU, fits).children().size(),
                "the file's 1,784 bytes of storages, 14 tensors and modules and 4,728 bytes of code fit");
        assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(file, Device.CPU, fits - 1));
    }

    @Test
    void scriptModuleLoadRefusesAGiganticDeclaredStorageBeforeLibtorchReadsIt() throws Exception {
        Path file = withFirstStorageNumel(jitFixture("sequential.pt"), GIGANTIC);
        long start = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(file));
        assertTrue(e.getMessage().contains("its tensors need " + GIGANTIC * 4 + " bytes") && e.getMessage().contains("more than the limit"),
                e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refusing took more than 5 s");
    }

    /** A copy of a zip archive whose data.pkl declares {@code numel} elements for its first storage. */
    private Path withFirstStorageNumel(Path archive, long numel) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(Mutations.readZip(archive));
        String pkl = entries.keySet().stream().filter(n -> n.endsWith("/data.pkl")).findFirst().orElseThrow();
        byte[] pickle = entries.get(pkl);
        List<int[]> ops = Mutations.scan(pickle);
        for (int i = 0; i + 1 < ops.size(); i++) {
            int[] op = ops.get(i);
            // ('storage', <type>, key, 'cpu', numel): the integer after the location is the element count
            if (pickle[op[0]] == 'X' && new String(pickle, op[0] + 5, op[1] - 5, StandardCharsets.UTF_8).equals("cpu")) {
                int next = i + 1;
                while (pickle[ops.get(next)[0]] == 'q' || pickle[ops.get(next)[0]] == 'r') {
                    next++; // BINPUT, LONG_BINPUT: the string was memoized
                }
                int[] count = ops.get(next);
                PickleWriter w = new PickleWriter();
                w.integer(numel);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(pickle, 0, count[0]);
                b.write(w.toByteArray());
                b.write(pickle, count[0] + count[1], pickle.length - count[0] - count[1]);
                entries.put(pkl, b.toByteArray());
                Path out = dir.resolve("gigantic-" + archive.getFileName());
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        zip.putNextEntry(new ZipEntry(e.getKey()));
                        zip.write(e.getValue());
                        zip.closeEntry();
                    }
                }
                return out;
            }
        }
        throw new AssertionError("no storage in " + archive);
    }

    private static Path jitFixture(String name) throws Exception {
        return Path.of(ResourceLimitTest.class.getResource("/fixtures/jit/" + name).toURI());
    }
}
