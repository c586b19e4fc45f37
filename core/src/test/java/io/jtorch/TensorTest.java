package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tensor creation, arithmetic, autograd, conversions and printing. */
class TensorTest {
    @Test
    void printsLikePyTorch() {
        JsonNode fx = Fixtures.core().get("repr");
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor t = Fixtures.tensor(e.getValue().get("tensor"));
            if (e.getKey().equals("double")) {
                t = t.to(DType.FLOAT64);
            }
            if (e.getValue().get("requires_grad").asBoolean()) {
                t.requiresGrad(true);
            }
            assertEquals(e.getValue().get("repr").asText(), t.toString(), e.getKey());
        }
    }

    @Test
    void factoriesGiveShapesAndDtypes() {
        assertArrayEquals(new long[] {2, 3}, Torch.zeros(2, 3).shape());
        assertEquals(DType.FLOAT32, Torch.randn(4).dtype());
        assertEquals(DType.INT64, Torch.arange(5).dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, Torch.arange(5).toLongArray());
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1.5f}, Torch.arange(0, 2, 0.5).toFloatArray());
        assertEquals(6.0, Torch.ones(2, 3).sum().item());
        assertEquals(DType.INT64, Torch.tensor(1L, 2L).dtype());
        assertEquals(DType.FLOAT64, Torch.tensor(1.0, 2.0).dtype());
        assertEquals(DType.BOOL, Torch.tensor(true, false).dtype());
        assertArrayEquals(new float[] {1, 2, 3, 4}, Torch.tensor(new float[][] {{1, 2}, {3, 4}}).toFloatArray());
        assertEquals(7.5, Torch.full(new long[] {2}, 7.5).get(1).item());
        assertEquals(0, Torch.zeros(0, 3).numel());
        assertThrows(IllegalArgumentException.class, () -> Torch.zeros(-1));
        assertThrows(IllegalArgumentException.class, () -> Torch.tensor(new float[] {1, 2, 3}, 2, 2));
    }

    @Test
    void sameSeedSameNumbersAsPyTorch() {
        Torch.manualSeed(0);
        // torch.manual_seed(0); torch.randn(3) in PyTorch 1.13
        assertArrayEquals(new float[] {1.5409961f, -0.2934289f, -2.1787894f}, Torch.randn(3).toFloatArray());
    }

    @Test
    void arithmeticBroadcastsAndPromotesLikePyTorch() {
        Tensor a = Torch.tensor(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Torch.tensor(10f, 20f);
        assertArrayEquals(new float[] {11, 22, 13, 24}, a.add(b).toFloatArray());
        assertArrayEquals(new float[] {-9, -18, -7, -16}, a.sub(b).toFloatArray());
        assertArrayEquals(new float[] {2, 4, 6, 8}, a.mul(2.0).toFloatArray());
        assertArrayEquals(new float[] {7, 10, 15, 22}, a.matmul(a).toFloatArray());
        assertArrayEquals(new float[] {1, 3, 2, 4}, a.t().contiguous().toFloatArray());
        assertEquals(DType.INT64, Torch.arange(3).add(1).dtype());
        assertEquals(DType.FLOAT32, Torch.arange(3).add(0.5).dtype());
        assertArrayEquals(new long[] {1, 1}, a.argmax(1).toLongArray());
        assertArrayEquals(new boolean[] {false, true, true, true}, a.gt(1.5).toBooleanArray());
        assertEquals(2.5, a.mean().item(), 1e-7);
        assertArrayEquals(new float[] {4, 6}, a.sum(0, false).toFloatArray());
        assertArrayEquals(new float[] {0.5f, 0.5f}, Torch.zeros(2).softmax(0).toFloatArray());
        assertTrue(a.allclose(a.add(1e-7), 1e-5, 1e-8));
    }

    @Test
    void autogradComputesGradients() {
        Tensor x = Torch.tensor(1f, 2f, 3f).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        y.backward();
        assertArrayEquals(new float[] {2, 4, 6}, x.grad().toFloatArray());
        assertTrue(x.isLeaf());
        assertFalse(y.isLeaf());
        assertNull(Torch.ones(2).grad());
        try (NoGrad g = Torch.noGrad()) {
            assertFalse(Torch.isGradEnabled());
            assertFalse(x.mul(2.0).requiresGrad());
        }
        assertTrue(Torch.isGradEnabled());
        assertFalse(x.detach().requiresGrad());
    }

    @Test
    void backwardOnAFrozenOrNonScalarResultExplainsItself() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Torch.ones(2).sum().backward());
        assertTrue(e.getMessage().contains("frozen"), e.getMessage());
        Tensor x = Torch.ones(2).requiresGrad(true);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> x.mul(2.0).backward());
        assertTrue(e2.getMessage().contains("shape [2]"), e2.getMessage());
    }

    @Test
    void itemNeedsOneElement() {
        assertEquals(3.0, Torch.tensor(3f).item());
        assertEquals(7L, Torch.tensor(7L).itemLong());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Torch.ones(2).item());
        assertEquals("item() needs a tensor with one element, got shape [2]", e.getMessage());
    }

    @Test
    void conversionsAndRawBytesRoundTrip() {
        Tensor t = Torch.tensor(new float[] {1.5f, -2f}, 2);
        assertArrayEquals(new double[] {1.5, -2}, t.toDoubleArray());
        assertArrayEquals(new long[] {1, -2}, t.toLongArray());
        assertArrayEquals(new int[] {1, -2}, t.toIntArray());
        Tensor back = Torch.fromBytes(t.toByteArray(), DType.FLOAT32, 2);
        assertTrue(t.equal(back));
        assertEquals(DType.FLOAT16, t.to(DType.FLOAT16).dtype());
        assertArrayEquals(new float[] {1.5f, -2f}, t.to(DType.BFLOAT16).toFloatArray());
        Tensor storage = Torch.arange(0, 12, 1);
        Tensor view = storage.asStrided(new long[] {2, 3}, new long[] {1, 2}, 1);
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, view.toFloatArray());
        assertArrayEquals(new long[] {1, 2}, view.strides());
        assertEquals(1, view.storageOffset());
        assertFalse(view.isContiguous());
    }

    @Test
    void shapeOperations() {
        Tensor t = Torch.arange(24).reshape(2, 3, 4);
        assertEquals(4, t.size(-1));
        assertEquals(3, t.dim());
        assertArrayEquals(new long[] {2, 12}, t.flatten(1, -1).shape());
        assertArrayEquals(new long[] {4, 3, 2}, t.permute(2, 1, 0).shape());
        assertArrayEquals(new long[] {2, 1, 3, 4}, t.unsqueeze(1).shape());
        assertArrayEquals(new long[] {3, 4}, t.get(1).shape());
        assertEquals(23, t.get(-1).get(-1).get(-1).itemLong());
        assertArrayEquals(new long[] {2, 4}, t.select(1, 0).shape());
        assertArrayEquals(new long[] {1, 3, 4}, t.narrow(0, 1, 1).shape());
        assertArrayEquals(new long[] {8, 9, 10, 11, 20, 21, 22, 23}, t.indexSelect(1, Torch.tensor(2L)).toLongArray());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.size(3));
        assertEquals("dimension 3 is out of range for a tensor of shape [2, 3, 4]", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2));
        assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 5));
    }

    @Test
    void inPlaceOperationsReturnTheSameTensor() {
        Tensor t = Torch.zeros(3);
        assertTrue(t == t.add_(1L).mul_(3.0).add_(Torch.ones(3), 2.0));
        assertArrayEquals(new float[] {5, 5, 5}, t.toFloatArray());
        t.zero_().fill_(2.0);
        assertEquals(6.0, t.sum().item());
        t.copy_(Torch.tensor(1f, 2f, 3f));
        assertArrayEquals(new float[] {1, 2, 3}, t.toFloatArray());
    }

    @Test
    void combiningTensors() {
        Tensor a = Torch.ones(2, 3);
        Tensor b = Torch.zeros(1, 3);
        assertArrayEquals(new long[] {3, 3}, Torch.cat(List.of(a, b), 0).shape());
        assertArrayEquals(new long[] {2, 2, 3}, Torch.stack(List.of(a, a), 0).shape());
        assertThrows(IllegalArgumentException.class, () -> Torch.stack(List.of(a, b), 0));
    }

    @Test
    void devicesParseAndCompare() {
        assertEquals(Device.cpu(), Device.of("cpu"));
        assertEquals(Device.cuda(1), Device.of("cuda:1"));
        assertEquals("cuda:1", Device.cuda(1).toString());
        assertEquals(Device.CPU, Torch.ones(1).device());
        assertThrows(IllegalArgumentException.class, () -> Device.of("tpu"));
        assertEquals(DType.INT64, DType.fromPythonName("torch.long"));
        assertEquals("torch.float32", DType.FLOAT32.toString());
    }

    @Test
    void generatorsReproduceAndRestoreState() {
        Generator g = new Generator().manualSeed(5);
        Tensor state = g.getState().retain();
        long[] first = g.randperm(10).toLongArray();
        g.setState(state);
        assertArrayEquals(first, g.randperm(10).toLongArray());
        assertEquals(5, g.initialSeed());
    }

    @Test
    void threadsCanBeSet() {
        int before = Torch.getNumThreads();
        Torch.setNumThreads(1);
        assertEquals(1, Torch.getNumThreads());
        Torch.setNumThreads(before);
        assertThrows(IllegalArgumentException.class, () -> Torch.setNumThreads(0));
    }

    @Test
    void openBlasRunsOneThreadWhateverTheIntraOpCount() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("OPENBLAS_NUM_THREADS") == null, "OPENBLAS_NUM_THREADS is set");
        int before = Torch.getNumThreads();
        try {
            Torch.setNumThreads(2);
            assertEquals(1, io.jtorch.internal.Native.blasThreads());
            Torch.setNumThreads(1);
            assertEquals(1, io.jtorch.internal.Native.blasThreads());
        } finally {
            Torch.setNumThreads(before);
        }
    }
}
