package io.jtorch.serialization;

import static io.jtorch.serialization.SerializationFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving with TorchSerialization.save and loading the result back in Java. */
class TorchSaveTest {
    @TempDir
    Path dir;

    @Test
    void stateDictRoundTripsBitExactInOrder() throws Exception {
        Map<String, Tensor> state = TorchSerialization.loadStateDict(path("state_dict.pt"));
        Path file = dir.resolve("copy.pt");
        TorchSerialization.save(state, file);
        Map<String, Tensor> back = TorchSerialization.loadStateDict(file);
        assertEquals(List.copyOf(state.keySet()), List.copyOf(back.keySet()));
        for (String key : state.keySet()) {
            assertEquals(state.get(key).dtype(), back.get(key).dtype(), key);
            assertArrayEquals(state.get(key).shape(), back.get(key).shape(), key);
            assertArrayEquals(state.get(key).toByteArray(), back.get(key).toByteArray(), key);
        }
    }

    @Test
    void everyDtypeRoundTripsBitExact() throws Exception {
        Map<String, Tensor> tensors = TorchSerialization.loadStateDict(path("dtypes.pt"));
        Path file = dir.resolve("dtypes.pt");
        TorchSerialization.save(tensors, file);
        Map<String, Tensor> back = TorchSerialization.loadStateDict(file);
        for (DType d : DType.values()) {
            Tensor t = back.get(d.pythonName());
            assertEquals(d, t.dtype());
            assertArrayEquals(tensors.get(d.pythonName()).toByteArray(), t.toByteArray(), d.pythonName());
        }
    }

    @Test
    void viewsOfOneTensorAreSavedAsOneStorage() throws Exception {
        Tensor x = Torch.arange(0, 20, 1);
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("a", x);
        views.put("b", x.narrow(0, 5, 10).view(2, 5));
        views.put("c", x.view(4, 5).t());
        Path file = dir.resolve("views.pt");
        TorchSerialization.save(views, file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertEquals(List.of("archive/data.pkl", "archive/byteorder", "archive/data/0", "archive/version"), names(zip));
        }
        Map<String, Tensor> back = TorchSerialization.loadStateDict(file);
        assertArrayEquals(new long[] {1, 5}, back.get("c").strides());
        assertEquals(5, back.get("b").storageOffset());
        assertArrayEquals(views.get("c") instanceof Tensor ? ((Tensor) views.get("c")).toFloatArray() : null, back.get("c").toFloatArray());
        back.get("a").fill_(7);
        assertEquals(70f, back.get("b").sum().item(), 0f, "b shares a's memory after loading");
    }

    @Test
    void nestedValuesRoundTripWithTheirTypes() throws Exception {
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("epoch", 3);
        obj.put("lr", 0.5f);
        obj.put("name", "ünïcode");
        obj.put("nothing", null);
        obj.put("flags", Arrays.asList(true, false));
        obj.put("big", BigInteger.TWO.pow(80).negate());
        obj.put("long", Long.MIN_VALUE);
        obj.put("bytes", new byte[] {0, (byte) 200, 65});
        obj.put("dtype", DType.BFLOAT16);
        obj.put("intKeys", Map.of(7L, "seven"));
        obj.put("tuple", Tuple.of(1L, "two"));
        obj.put("param", new Parameter(Torch.ones(2)));
        Path file = dir.resolve("nested.pt");
        TorchSerialization.save(obj, file);
        Map<?, ?> back = (Map<?, ?>) TorchSerialization.load(file);
        assertEquals(List.copyOf(obj.keySet()), List.copyOf(back.keySet()));
        assertEquals(3L, back.get("epoch"));
        assertEquals(0.5, back.get("lr"));
        assertEquals("ünïcode", back.get("name"));
        assertEquals(null, back.get("nothing"));
        assertEquals(List.of(true, false), back.get("flags"));
        assertEquals(BigInteger.TWO.pow(80).negate(), back.get("big"));
        assertEquals(Long.MIN_VALUE, back.get("long"));
        assertArrayEquals(new byte[] {0, (byte) 200, 65}, (byte[]) back.get("bytes"));
        assertEquals(DType.BFLOAT16, back.get("dtype"));
        assertEquals(Map.of(7L, "seven"), back.get("intKeys"));
        assertInstanceOf(Tuple.class, back.get("tuple"));
        assertEquals(List.of(1L, "two"), back.get("tuple"));
        Parameter p = assertInstanceOf(Parameter.class, back.get("param"));
        assertTrue(p.requiresGrad());
        assertArrayEquals(new float[] {1, 1}, p.toFloatArray());
    }

    @Test
    void aListThatContainsItselfRoundTrips() throws Exception {
        List<Object> loop = new ArrayList<>();
        loop.add(1L);
        loop.add(loop);
        Path file = dir.resolve("loop.pt");
        TorchSerialization.save(loop, file);
        List<?> back = (List<?>) TorchSerialization.load(file);
        assertEquals(1L, back.get(0));
        assertSame(back, back.get(1));
    }

    @Test
    void singleTensorAndNonContiguousTensorRoundTrip() throws Exception {
        Tensor t = Torch.arange(0, 6, 1).view(2, 3).t();
        Path file = dir.resolve("t.pt");
        TorchSerialization.save(t, file);
        Tensor back = assertInstanceOf(Tensor.class, TorchSerialization.load(file));
        assertArrayEquals(new long[] {3, 2}, back.shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, back.toFloatArray());
    }

    @Test
    void equalInputsGiveIdenticalFiles() throws Exception {
        Map<String, Tensor> state = TorchSerialization.loadStateDict(path("state_dict.pt"));
        TorchSerialization.save(state, dir.resolve("one.pt"));
        TorchSerialization.save(state, dir.resolve("two.pt"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one.pt")), Files.readAllBytes(dir.resolve("two.pt")));
    }

    @Test
    void storageDataStartsAtMultiplesOf64() throws Exception {
        TorchSerialization.save(TorchSerialization.loadStateDict(path("state_dict.pt")), dir.resolve("aligned.pt"));
        byte[] bytes = Files.readAllBytes(dir.resolve("aligned.pt"));
        int checked = 0;
        for (int i = 0; i + 30 < bytes.length; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                int nameLength = u16(bytes, i + 26);
                int extraLength = u16(bytes, i + 28);
                String name = new String(bytes, i + 30, nameLength, StandardCharsets.UTF_8);
                if (name.startsWith("archive/data/")) {
                    assertEquals(0, (i + 30 + nameLength + extraLength) % 64, name);
                    checked++;
                }
            }
        }
        assertEquals(7, checked);
    }

    @Test
    void unsupportedValueIsRefusedWithItsPath() {
        Map<String, Object> obj = Map.of("when", new java.util.Date());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchSerialization.save(obj, dir.resolve("x.pt")));
        assertTrue(e.getMessage().contains("the object['when'], a java.util.Date"), e.getMessage());
        assertEquals(List.of(), dir.toFile().list() == null ? List.of() : List.of(dir.toFile().list()), "nothing written");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static List<String> names(ZipFile zip) {
        List<String> out = new ArrayList<>();
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            out.add(e.getName());
        }
        return out;
    }
}
