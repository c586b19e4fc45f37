package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grad-mode guards, the version string, and the tensor accessors that mirror attributes. */
class TorchSettingsTest {
    @Test
    void setGradEnabledTakesEffectAtOnceAndRestoresThePreviousModeOnClose() {
        assertTrue(Torch.isGradEnabled());
        try (SetGradEnabled off = Torch.setGradEnabled(false)) {
            assertFalse(Torch.isGradEnabled());
            Tensor w = Torch.ones(2).requiresGrad(true);
            assertFalse(w.mul(2.0).requiresGrad());
            try (SetGradEnabled on = Torch.enableGrad()) {
                assertTrue(Torch.isGradEnabled());
                assertTrue(w.mul(2.0).requiresGrad());
            }
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void setGradEnabledTrueKeepsGradOnInsideNoGrad() {
        try (NoGrad g = Torch.noGrad(); SetGradEnabled on = Torch.setGradEnabled(true)) {
            assertTrue(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void versionIsLibtorchsVersion() {
        assertEquals("2.10.0", Torch.version());
    }

    @Test
    void dataSharesValuesButNotTheGraph() {
        Tensor w = Torch.ones(3).requiresGrad(true);
        Tensor y = w.mul(2.0);
        Tensor d = y.data();
        assertFalse(d.requiresGrad());
        d.fill_(5.0);
        assertArrayEquals(new float[] {5, 5, 5}, y.toFloatArray());
    }

    @Test
    void cpuOfACpuTensorKeepsTheValues() {
        Tensor x = Torch.tensor(1f, 2f);
        assertEquals(Device.CPU, x.cpu().device());
        assertArrayEquals(new float[] {1, 2}, x.cpu().toFloatArray());
    }

    @Test
    void maxWithIndicesReadsLikePyTorch() {
        Tensor outputs = Torch.tensor(new float[] {0.1f, 0.9f, 0.0f, 0.7f, 0.2f, 0.1f}, 2, 3);
        var mx = outputs.max(1);
        assertArrayEquals(new long[] {1, 0}, mx.indices().toLongArray());
        assertArrayEquals(new float[] {0.9f, 0.7f}, mx.values().toFloatArray());
    }
}
