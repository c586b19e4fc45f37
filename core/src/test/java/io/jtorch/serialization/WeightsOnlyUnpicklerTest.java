package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import java.io.ByteArrayOutputStream;
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

/** Hand-made pickles: what the weights-only unpickler refuses, and the odd shapes it must survive. */
class WeightsOnlyUnpicklerTest {
    @TempDir
    Path dir;

    @Test
    void stackGlobalOfABuiltinIsForbidden() throws Exception {
        byte[] pickle = bytes(0x80, 4, 0x8c, 8, "builtins", 0x8c, 4, "eval", 0x93, 0x8c, 3, "1+1", 0x85, 'R', '.');
        assertRefused(archive(pickle, Map.of()), "forbidden global 'builtins.eval' in archive/data.pkl: jtorch loads weights only");
    }

    @Test
    void aUserClassIsReportedAsAPickledClass() throws Exception {
        byte[] pickle = bytes(0x80, 2, 'c', "__main__\nNet\n", ')', 0x81, '.');
        assertRefused(archive(pickle, Map.of()), "holds a pickled Python class '__main__.Net', which cannot be loaded safely");
    }

    @Test
    void controlCharactersInANameAreEscaped() throws Exception {
        byte[] pickle = bytes(0x80, 4, 0x8c, 2, "os", 0x8c, 8, "sys\rtem\u0007", 0x93, '.');
        SerializationException e = assertRefused(archive(pickle, Map.of()), "forbidden global 'os.sys\\x0dtem\\x07'");
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), e.getMessage());
    }

    @Test
    void unsupportedStorageDtypeIsNamed() throws Exception {
        byte[] pickle = bytes(0x80, 2, 'c', "torch\nComplexFloatStorage\n", '.');
        assertRefused(archive(pickle, Map.of()), "storage class 'torch.ComplexFloatStorage' in archive/data.pkl holds a dtype jtorch does not load");
    }

    @Test
    void sparseTensorsAreNamedUnsupported() throws Exception {
        byte[] pickle = bytes(0x80, 2, 'c', "torch._utils\n_rebuild_sparse_tensor\n", '.');
        assertRefused(archive(pickle, Map.of()), "rebuilds a kind of tensor jtorch does not load");
    }

    @Test
    void viewReachingPastItsStorageIsRefused() throws Exception {
        assertRefused(archive(tensorPickle(4, 0, 5, 1, false), Map.of("0", new byte[16])),
                "a tensor of shape [5], strides [1] and offset 0 needs 5 elements of storage '0', which holds 4");
        assertRefused(archive(tensorPickle(4, 3, 2, 1, false), Map.of("0", new byte[16])), "needs 5 elements of storage '0'");
    }

    @Test
    void storageEntryOfTheWrongSizeIsRefused() throws Exception {
        assertRefused(archive(tensorPickle(4, 0, 4, 1, false), Map.of("0", new byte[12])),
                "archive/data/0 holds 12 bytes, but archive/data.pkl declares 4 elements of torch.float32 (16 bytes)");
    }

    @Test
    void missingStorageEntryIsRefused() throws Exception {
        assertRefused(archive(tensorPickle(4, 0, 4, 1, false), Map.of()), "names storage '0' but the archive has no entry archive/data/0");
    }

    @Test
    void hugeDeclaredStorageIsRefusedBeforeAllocating() throws Exception {
        assertRefused(archive(tensorPickle(1L << 60, 0, 4, 1, false), Map.of("0", new byte[16])),
                "holds 16 bytes, but archive/data.pkl declares 1152921504606846976 elements");
    }

    @Test
    void stridedViewLoadsTheRightElements() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            data.putFloat(i);
        }
        Tensor t = (Tensor) TorchSerialization.load(archive(tensorPickle(6, 1, 3, 2, false), Map.of("0", data.array())));
        assertArrayEquals(new float[] {1, 3, 5}, t.toFloatArray());
    }

    @Test
    void longStringLengthIsCheckedBeforeAllocating() throws Exception {
        byte[] pickle = bytes(0x80, 2, 'X', 0xff, 0xff, 0xff, 0x7f, '.');
        assertRefused(archive(pickle, Map.of()), "declares 2147483647 bytes but only 1 are left");
    }

    @Test
    void unhashableDictKeyIsRefused() throws Exception {
        byte[] pickle = bytes(0x80, 2, '}', ']', 'N', 's', '.');
        assertRefused(archive(pickle, Map.of()), "dict keys and set items may be str, int, float, bool, None or tuples of those, got list");
    }

    @Test
    void memoReadBeforeWriteIsRefused() throws Exception {
        assertRefused(archive(bytes(0x80, 2, 'h', 3, '.'), Map.of()), "memo entry 3 is read before it is written");
    }

    @Test
    void newerProtocolIsRefused() throws Exception {
        assertRefused(archive(bytes(0x80, 6, 'N', '.'), Map.of()), "pickle protocol 6 is newer than 5");
    }

    @Test
    void unknownOpcodeIsRefusedWithItsOffset() throws Exception {
        assertRefused(archive(bytes(0x80, 2, 0xf0, '.'), Map.of()), "archive/data.pkl, byte 2: unknown opcode 0xf0");
    }

    @Test
    void intTensorCannotRequireGrad() throws Exception {
        assertRefused(archive(tensorPickle(4, 0, 4, 1, true, "LongStorage"), Map.of("0", new byte[32])),
                "a tensor of torch.int64 cannot require grad");
    }

    @Test
    void aListContainingItselfLoads() throws Exception {
        List<?> loop = (List<?>) TorchSerialization.load(archive(bytes(0x80, 2, ']', 'q', 0, 'h', 0, 'a', '.'), Map.of()));
        assertSame(loop, loop.get(0));
    }

    @Test
    void deeplyNestedListsLoadWithoutRecursion() throws Exception {
        int depth = 200_000;
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2}, 0, 2);
        for (int i = 0; i <= depth; i++) {
            pickle.write(']');
        }
        for (int i = 0; i < depth; i++) {
            pickle.write('a');
        }
        pickle.write('.');
        Object level = TorchSerialization.load(archive(pickle.toByteArray(), Map.of()));
        int found = 0;
        while (!((List<?>) level).isEmpty()) {
            level = ((List<?>) level).get(0);
            found++;
        }
        assertEquals(depth, found);
    }

    // ---------------------------------------------------------------- helpers

    /** {@code _rebuild_tensor_v2} of a 1-D view (size, stride, offset) of a float storage of {@code numel} elements. */
    private static byte[] tensorPickle(long numel, long offset, long size, long stride, boolean requiresGrad) {
        return tensorPickle(numel, offset, size, stride, requiresGrad, "FloatStorage");
    }

    private static byte[] tensorPickle(long numel, long offset, long size, long stride, boolean requiresGrad, String storage) {
        PickleWriter w = new PickleWriter();
        w.proto();
        w.global("torch._utils", "_rebuild_tensor_v2");
        w.mark();
        w.mark();
        w.string("storage");
        w.global("torch", storage);
        w.string("0");
        w.string("cpu");
        w.integer(numel);
        w.tuple(-1);
        w.binpersid();
        w.integer(offset);
        w.integer(size);
        w.tuple(1);
        w.integer(stride);
        w.tuple(1);
        w.bool(requiresGrad);
        w.emptyDict();
        w.tuple(-1);
        w.reduce();
        w.stop();
        return w.toByteArray();
    }

    private Path archive(byte[] pickle, Map<String, byte[]> storages) throws Exception {
        Path file = Files.createTempFile(dir, "crafted", ".pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("archive/data.pkl", pickle);
            storages.forEach((k, v) -> entries.put("archive/data/" + k, v));
            entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static SerializationException assertRefused(Path file, String expected) {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    /** Pickle bytes from ints (single bytes) and strings (their UTF-8 bytes). */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer) {
                out.write((Integer) p);
            } else if (p instanceof Character) {
                out.write((Character) p);
            } else {
                byte[] b = ((String) p).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }
}
