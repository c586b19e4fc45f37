package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.LayerNorm;
import io.jtorch.nn.Linear;
import org.junit.jupiter.api.Test;

class ConvNeXtTest {
    @Test
    void stateDictKeysAndShapesAreTorchvisions() {
        FamilyChecks.assertTorchvisionKeys("convnext_tiny", Models.convnextTiny());
        FamilyChecks.assertTorchvisionKeys("convnext_small", Models.convnextSmall());
        FamilyChecks.assertTorchvisionKeys("convnext_base", Models.convnextBase());
        FamilyChecks.assertTorchvisionKeys("convnext_large", Models.convnextLarge());
    }

    @Test
    void weightsAreTorchvisions() {
        FamilyChecks.assertWeights("ConvNeXt_Tiny_Weights", ConvNeXtTinyWeights.values(), ConvNeXtTinyWeights.DEFAULT);
        FamilyChecks.assertWeights("ConvNeXt_Small_Weights", ConvNeXtSmallWeights.values(), ConvNeXtSmallWeights.DEFAULT);
        FamilyChecks.assertWeights("ConvNeXt_Base_Weights", ConvNeXtBaseWeights.values(), ConvNeXtBaseWeights.DEFAULT);
        FamilyChecks.assertWeights("ConvNeXt_Large_Weights", ConvNeXtLargeWeights.values(), ConvNeXtLargeWeights.DEFAULT);
    }

    @Test
    void layerNorm2dNormalisesEachPixelsChannels() {
        Torch.manualSeed(0);
        LayerNorm2d ln = new LayerNorm2d(4);
        Tensor x = Torch.randn(2, 4, 3, 3);
        LayerNorm plain = new LayerNorm(new long[] {4}, 1e-6, true);
        assertEquals(true, ln.forward(x).allclose(plain.forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ln.forward(Torch.randn(2, 3, 3, 3)));
        assertThrows(IllegalArgumentException.class, () -> ln.forward(Torch.randn(2, 4)));
    }

    @Test
    void layerScaleStartsAtOneMillionthAndHeadIsReplaceable() {
        ConvNeXt m = Models.convnextTiny(1000);
        CNBlock block = (CNBlock) m.getSubmodule("features.1.0");
        assertEquals(1e-6, block.layerScale().mean().item(), 1e-12);
        m.classifier().set(-1, new Linear(768, 3));
        m.eval();
        assertEquals(3, m.forward(Torch.randn(1, 3, 32, 32)).size(1));
        assertEquals(java.util.List.of(3L, 768L), java.util.List.of(m.stateDict().get("classifier.2.weight").shape()[0],
                m.stateDict().get("classifier.2.weight").shape()[1]));
    }

    @Test
    void convnextTinyMatchesTorchvision() throws Exception {
        assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        FamilyChecks.assertNumericParity("convnext_tiny", Models.convnextTiny());
    }
}
