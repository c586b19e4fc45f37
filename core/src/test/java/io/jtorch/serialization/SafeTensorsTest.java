package io.jtorch.serialization;

import static io.jtorch.serialization.SerializationFixtures.assertTensor;
import static io.jtorch.serialization.SerializationFixtures.expected;
import static io.jtorch.serialization.SerializationFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing safetensors files. */
class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void fixtureLoadsInHeaderOrderWithExactValues() throws Exception {
        Map<String, Tensor> tensors = SafeTensors.load(path("weights.safetensors"));
        JsonNode want = expected().get("safetensors");
        List<String> order = new ArrayList<>();
        want.get("order").forEach(n -> order.add(n.asText()));
        assertEquals(order, List.copyOf(tensors.keySet()));
        for (Iterator<String> it = want.get("tensors").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertTensor(want.get("tensors").get(name), tensors.get(name), name);
        }
        assertEquals(0, tensors.get("scale").dim());
        assertArrayEquals(new long[] {0, 4}, tensors.get("nothing").shape());
    }

    @Test
    void metadataIsTheHeadersStringMap() throws Exception {
        assertEquals(Map.of("format", "pt", "note", "written by serialization_fixtures.py"),
                SafeTensors.metadata(path("weights.safetensors")));
    }

    @Test
    void saveThenLoadRoundTripsEveryDtype() throws Exception {
        Map<String, Tensor> tensors = TorchSerialization.loadStateDict(path("dtypes.pt"));
        tensors.put("matrix", Torch.arange(0, 6, 1).view(2, 3).t());
        Path file = dir.resolve("all.safetensors");
        SafeTensors.save(tensors, file, Map.of("epoch", "3"));
        Map<String, Tensor> back = SafeTensors.load(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.keySet()));
        for (String name : tensors.keySet()) {
            assertEquals(tensors.get(name).dtype(), back.get(name).dtype(), name);
            assertArrayEquals(tensors.get(name).shape(), back.get(name).shape(), name);
            assertArrayEquals(tensors.get(name).contiguous().toByteArray(), back.get(name).toByteArray(), name);
        }
        assertEquals(Map.of("epoch", "3"), SafeTensors.metadata(file));
    }

    @Test
    void savedHeaderIsPaddedAndDataAligned() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("byte", Torch.tensor(new byte[] {1, 2, 3}, DType.UINT8, 3));
        tensors.put("double", Torch.tensor(1.0, 2.0));
        Path file = dir.resolve("aligned.safetensors");
        SafeTensors.save(tensors, file);
        byte[] bytes = Files.readAllBytes(file);
        long size = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, (8 + size) % 8);
        String header = new String(bytes, 8, (int) size, StandardCharsets.UTF_8);
        assertEquals("{\"byte\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[16,19]},"
                + "\"double\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", header.strip());
        assertEquals(8 + size + 19, bytes.length);
    }

    @Test
    void missingFileThrowsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> SafeTensors.load(dir.resolve("absent.safetensors")));
    }

    @Test
    void gapBetweenTensorsIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        assertRefused(write(header, 12), "tensor 'b' starts at byte 8 of the data, expected 4");
    }

    @Test
    void overlappingTensorsAreRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertRefused(write(header, 8), "starts at byte 4 of the data, expected 8");
    }

    @Test
    void shapeThatDisagreesWithOffsetsIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        assertRefused(write(header, 8), "tensor 'a' of shape [3] and dtype F32 needs 12 bytes, but its data_offsets [0, 8] span 8");
    }

    @Test
    void dataBeyondTheLastTensorIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertRefused(write(header, 5), "its tensors cover 4 bytes of data, but the file holds 5");
    }

    @Test
    void unsupportedDtypeIsNamed() throws Exception {
        String header = "{\"a\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[0,2]}}";
        assertRefused(write(header, 2), "tensor 'a' has dtype 'U16', which jtorch does not load");
    }

    @Test
    void hugeHeaderSizeIsRefusedWithoutReadingIt() throws Exception {
        byte[] bytes = new byte[16];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE);
        assertRefused(Files.write(dir.resolve("huge.safetensors"), bytes), "declares a header of 9223372036854775807 bytes");
    }

    @Test
    void hugeShapeIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}";
        assertRefused(write(header, 8), "too many elements to address");
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}";
        assertRefused(write(header, 2), "duplicate key 'a'");
    }

    @Test
    void fileNeedingMoreThanTheLimitIsRefused() {
        SerializationException e = assertThrows(SerializationException.class, () -> SafeTensors.load(path("weights.safetensors"), 16));
        assertTrue(e.getMessage().contains("more than the limit of 16 bytes"), e.getMessage());
    }

    @Test
    void torchSaveFileIsSentToTorchSerialization() {
        SerializationException e = assertThrows(SerializationException.class, () -> SafeTensors.load(path("state_dict.pt")));
        assertTrue(e.getMessage().contains("TorchSerialization.load"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(path("weights.safetensors"));
        Path cut = Files.write(dir.resolve("cut.safetensors"), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertRefused(cut, "but the file holds");
    }

    @Test
    void reservedNameCannotBeSaved() {
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.save(Map.of("__metadata__", Torch.ones(1)), dir.resolve("x")));
    }

    private Path write(String header, int dataBytes) throws Exception {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return Files.write(dir.resolve("crafted.safetensors"), b.array());
    }

    private static void assertRefused(Path file, String expected) {
        SerializationException e = assertThrows(SerializationException.class, () -> SafeTensors.load(file));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
