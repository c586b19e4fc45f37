package io.jtorch.serialization;

import static io.jtorch.serialization.SerializationFixtures.assertTensor;
import static io.jtorch.serialization.SerializationFixtures.expected;
import static io.jtorch.serialization.SerializationFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading files written by Python's torch.save (tools/fixtures/serialization_fixtures.py). */
class TorchLoadTest {
    @TempDir
    Path dir;

    @Test
    void stateDictLoadsEveryTensorInOrderWithExactValues() throws Exception {
        Map<String, Tensor> state = TorchSerialization.loadStateDict(path("state_dict.pt"));
        JsonNode want = expected().get("state_dict");
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked"), List.copyOf(state.keySet()));
        for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertTensor(want.get(key), state.get(key), key);
        }
        assertEquals(DType.INT64, state.get("1.num_batches_tracked").dtype());
        assertEquals(1, state.get("1.num_batches_tracked").itemLong());
    }

    @Test
    void plainDictLoadsAsMapOfTensors() throws Exception {
        Map<String, Tensor> state = TorchSerialization.loadStateDict(path("plain_dict.pt"));
        JsonNode want = expected().get("plain_dict");
        assertEquals(List.of("weight", "bias", "step"), List.copyOf(state.keySet()));
        for (String key : state.keySet()) {
            assertTensor(want.get(key), state.get(key), key);
        }
    }

    @Test
    void singleTensorLoadsAsTensor() throws Exception {
        Object loaded = TorchSerialization.load(path("tensor.pt"));
        assertTensor(expected().get("tensor"), assertInstanceOf(Tensor.class, loaded), "tensor");
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, ((Tensor) loaded).toFloatArray());
    }

    @Test
    void nestedContainersKeepPythonTypesAndValues() throws Exception {
        Map<?, ?> nested = assertInstanceOf(Map.class, TorchSerialization.load(path("nested.pt")));
        JsonNode want = expected().get("nested");
        assertTensor(want.get("w"), (Tensor) ((Map<?, ?>) nested.get("model")).get("w"), "model.w");
        assertEquals(3L, nested.get("epoch"));
        assertEquals(0.01, nested.get("lr"));
        assertEquals("run-1", nested.get("name"));
        assertEquals(java.util.Arrays.asList(true, false, null), nested.get("flags"));
        List<?> pair = assertInstanceOf(List.class, nested.get("pair"));
        assertEquals(1L, pair.get(0));
        assertTensor(want.get("pair1"), (Tensor) pair.get(1), "pair[1]");
        assertThrows(UnsupportedOperationException.class, () -> pair.remove(0), "tuples load unmodifiable");
        assertEquals(1L << 40, nested.get("big"));
        assertEquals(-5L, nested.get("neg"));
        assertEquals(BigInteger.TWO.pow(70), nested.get("huge"));
        assertTensor(want.get("scalar"), (Tensor) nested.get("scalar"), "scalar");
        assertEquals(0, ((Tensor) nested.get("scalar")).dim());
        assertTensor(want.get("empty"), (Tensor) nested.get("empty"), "empty");
        Tensor param = (Tensor) ((List<?>) nested.get("params")).get(0);
        assertInstanceOf(Parameter.class, param);
        assertTrue(param.requiresGrad());
        assertTensor(want.get("param"), param, "param");
        assertEquals(DType.FLOAT16, nested.get("dtype"));
        assertEquals(List.of(2L, 3L), nested.get("size"));
        assertEquals(Map.of(0L, "a", 1L, "b"), nested.get("int_keys"));
        assertEquals(io.jtorch.Device.CPU, nested.get("device"));
        assertEquals(java.util.Set.of(3L, 4L), nested.get("set"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) nested.get("bytes"));
        Tensor storage = assertInstanceOf(Tensor.class, nested.get("storage"), "a bare storage loads as a 1-D tensor");
        assertEquals(DType.INT16, storage.dtype());
        assertArrayEquals(new long[] {1, 2, 3}, storage.toLongArray());
    }

    @Test
    void everyDtypeLoadsBitExact() throws Exception {
        Map<String, Tensor> tensors = TorchSerialization.loadStateDict(path("dtypes.pt"));
        JsonNode want = expected().get("dtypes");
        assertEquals(10, tensors.size());
        for (DType d : DType.values()) {
            assertTensor(want.get(d.pythonName()), tensors.get(d.pythonName()), d.pythonName());
        }
        assertArrayEquals(new long[] {0, 1, -1, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE}, tensors.get("int64").toLongArray());
        assertArrayEquals(new boolean[] {true, false, true, true}, tensors.get("bool").toBooleanArray());
    }

    @Test
    void tensorsSharingAStorageShareMemory() throws Exception {
        Map<String, Tensor> t = TorchSerialization.loadStateDict(path("shared.pt"));
        JsonNode want = expected().get("shared");
        for (String key : List.of("a", "b", "c", "d")) {
            assertTensor(want.get(key), t.get(key), key);
            assertEquals(want.get(key).get("offset").asLong(), t.get(key).storageOffset(), key + ": offset");
            assertEquals(want.get(key).get("stride").toString(), java.util.Arrays.toString(t.get(key).strides()).replace(" ", ""));
        }
        assertFalse(t.get("c").isContiguous());
        t.get("a").fill_(-1);
        for (String key : List.of("b", "c", "d")) {
            for (float v : t.get(key).toFloatArray()) {
                assertEquals(-1f, v, key + " sees the write to a");
            }
        }
    }

    @Test
    void olderAndNewerPickleProtocolsLoad() throws Exception {
        for (String name : List.of("protocol1.pt", "protocol4.pt")) {
            Map<?, ?> m = assertInstanceOf(Map.class, TorchSerialization.load(path(name)));
            assertTensor(expected().get("protocols").get("w"), (Tensor) m.get("w"), name);
            assertEquals(Boolean.TRUE, m.get("flag"), name);
            assertEquals(Boolean.FALSE, m.get("off"), name);
            assertEquals(300L, m.get("n"), name);
            assertEquals(70000L, m.get("big"), name);
            assertEquals(-3L, m.get("neg"), name);
            assertEquals("x", m.get("name"), name);
            assertEquals(List.of(1L, 2L), m.get("pair"), name);
            assertEquals(java.util.Arrays.asList(1.5, null), m.get("items"), name);
        }
    }

    @Test
    void theSameTensorTwiceLoadsAsOneObject() throws Exception {
        Tensor x = io.jtorch.Torch.tensor(1f, 2f);
        Path file = dir.resolve("twice.pt");
        TorchSerialization.save(List.of(x, x), file);
        List<?> back = (List<?>) TorchSerialization.load(file);
        assertSame(back.get(0), back.get(1));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void missingFileThrowsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> TorchSerialization.load(dir.resolve("absent.pt")));
    }

    @Test
    void pickledModuleIsRefusedWithAdvice() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("module.pt")));
        assertTrue(e.getMessage().contains("pickled Python class 'torch.nn.modules.container.Sequential'"), e.getMessage());
        assertTrue(e.getMessage().contains("torch.save(model.state_dict())"), e.getMessage());
        assertTrue(e.getMessage().startsWith(path("module.pt").toString()), e.getMessage());
    }

    @Test
    void forbiddenGlobalIsRefusedAndNeverRun() throws Exception {
        Path marker = Path.of(expected().get("forbidden_marker").asText());
        Files.deleteIfExists(marker);
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("forbidden_global.pt")));
        assertTrue(e.getMessage().contains("forbidden global 'os.system' in forbidden_global/data.pkl: jtorch loads weights only, "
                + "never code"), e.getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void torchScriptArchiveIsSentToScriptModuleLoad() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("script.pt")));
        assertTrue(e.getMessage().contains("is a TorchScript program") && e.getMessage().contains("ScriptModule.load"), e.getMessage());
    }

    @Test
    void legacyFormatIsNamed() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("legacy.pt")));
        assertTrue(e.getMessage().contains("legacy format"), e.getMessage());
    }

    @Test
    void safetensorsFileIsSentToSafeTensorsLoad() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("weights.safetensors")));
        assertTrue(e.getMessage().contains("SafeTensors.load"), e.getMessage());
    }

    @Test
    void emptyFileIsNamedEmpty() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pt"));
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(empty));
        assertEquals(empty + ": is empty (0 bytes)", e.getMessage());
    }

    @Test
    void truncatedArchiveIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(path("state_dict.pt"));
        Path cut = Files.write(dir.resolve("cut.pt"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(cut));
        assertTrue(e.getMessage().contains("not a readable zip archive (truncated or damaged)"), e.getMessage());
    }

    @Test
    void flippedBitInStorageFailsTheCrcCheck() throws Exception {
        byte[] bytes = Files.readAllBytes(path("tensor.pt"));
        byte[] name = "tensor/data/0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(bytes, name); // the local header's name; the data follows its extra field
        int extra = (bytes[at - 2] & 0xff) | (bytes[at - 1] & 0xff) << 8;
        bytes[at + name.length + extra + 2] ^= 0x10;
        Path flipped = Files.write(dir.resolve("flipped.pt"), bytes);
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(flipped));
        assertTrue(e.getMessage().contains("tensor/data/0 is damaged: its CRC-32 does not match"), e.getMessage());
    }

    @Test
    void fileNeedingMoreThanTheLimitIsRefusedBeforeAllocating() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.load(path("dtypes.pt"), 64));
        assertTrue(e.getMessage().contains("more than the limit of 64 bytes") && e.getMessage().contains("nothing was allocated"),
                e.getMessage());
    }

    @Test
    void checkpointWithMoreThanWeightsIsNotAStateDict() {
        SerializationException e = assertThrows(SerializationException.class, () -> TorchSerialization.loadStateDict(path("nested.pt")));
        assertTrue(e.getMessage().contains("is not a state dict: its entry 'model' holds a dict"), e.getMessage());
        SerializationException single = assertThrows(SerializationException.class,
                () -> TorchSerialization.loadStateDict(path("tensor.pt")));
        assertTrue(single.getMessage().contains("holds a tensor, not a state dict"), single.getMessage());
    }

    @Test
    void defaultLimitIsThePhysicalMemory() {
        long limit = TorchSerialization.defaultMaxBytes();
        assertTrue(limit > 1L << 28 && limit < Long.MAX_VALUE, "limit " + limit);
    }

    @Test
    void loadedValuesHaveNoPlaceholdersLeft() throws Exception {
        Object nested = TorchSerialization.load(path("nested.pt"));
        assertNull(((List<?>) ((Map<?, ?>) nested).get("flags")).get(2));
        assertFalse(nested.toString().contains("TensorRef"));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
