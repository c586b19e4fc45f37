package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.PythonCheck;
import io.jtorch.Torch;
import io.jtorch.nn.Module;
import io.jtorch.vision.ops.StochasticDepth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfficientNetTest {
    @Test
    void stateDictKeysAndShapesAreTorchvisions() {
        FamilyChecks.assertTorchvisionKeys("efficientnet_b0", Models.efficientnetB0());
        FamilyChecks.assertTorchvisionKeys("efficientnet_b1", Models.efficientnetB1());
        FamilyChecks.assertTorchvisionKeys("efficientnet_b2", Models.efficientnetB2());
        FamilyChecks.assertTorchvisionKeys("efficientnet_b3", Models.efficientnetB3());
        FamilyChecks.assertTorchvisionKeys("efficientnet_b4", Models.efficientnetB4());
        FamilyChecks.assertTorchvisionKeys("efficientnet_v2_s", Models.efficientnetV2S());
    }

    @Test
    void largestVariantsHaveTorchvisionsKeys() {
        // B5-B7: the width and depth multipliers at their largest, and batch norm eps 1e-3 / momentum 0.01
        FamilyChecks.assertTorchvisionKeys("efficientnet_b5", Models.efficientnetB5());
        FamilyChecks.assertTorchvisionKeys("efficientnet_b6", Models.efficientnetB6());
        EfficientNet b7 = Models.efficientnetB7();
        FamilyChecks.assertTorchvisionKeys("efficientnet_b7", b7);
        String bn = b7.getSubmodule("features.0.1").toString();
        assertTrue(bn.contains("eps=0.001") && bn.contains("momentum=0.01"), bn);
    }

    @Test
    void weightsAreTorchvisions() {
        Weights[][] all = {EfficientNetB0Weights.values(), EfficientNetB1Weights.values(), EfficientNetB2Weights.values(),
            EfficientNetB3Weights.values(), EfficientNetB4Weights.values(), EfficientNetB5Weights.values(),
            EfficientNetB6Weights.values(), EfficientNetB7Weights.values()};
        Weights[] defaults = {EfficientNetB0Weights.DEFAULT, EfficientNetB1Weights.DEFAULT, EfficientNetB2Weights.DEFAULT,
            EfficientNetB3Weights.DEFAULT, EfficientNetB4Weights.DEFAULT, EfficientNetB5Weights.DEFAULT,
            EfficientNetB6Weights.DEFAULT, EfficientNetB7Weights.DEFAULT};
        for (int i = 0; i < all.length; i++) {
            FamilyChecks.assertWeights("EfficientNet_B" + i + "_Weights", all[i], defaults[i]);
        }
        FamilyChecks.assertWeights("EfficientNet_V2_S_Weights", EfficientNetV2SWeights.values(), EfficientNetV2SWeights.DEFAULT);
    }

    @Test
    void stochasticDepthGrowsLinearlyOverTheBlocks() {
        // torchvision: block i of n drops with 0.2 * i / n; B0 has 16 blocks
        List<Double> ps = new ArrayList<>();
        for (Module m : Models.efficientnetB0().modules()) {
            if (m instanceof StochasticDepth) {
                ps.add(((StochasticDepth) m).p());
                assertEquals("row", ((StochasticDepth) m).mode());
            }
        }
        assertEquals(16, ps.size());
        for (int i = 0; i < ps.size(); i++) {
            assertEquals(0.2 * i / 16, ps.get(i), 1e-15);
        }
    }

    @Test
    void v2UsesFusedBlocksFirst() {
        EfficientNet m = Models.efficientnetV2S();
        assertEquals(FusedMBConv.class, m.getSubmodule("features.1.0").getClass());
        assertEquals(FusedMBConv.class, m.getSubmodule("features.3.3").getClass());
        assertEquals(MBConv.class, m.getSubmodule("features.4.0").getClass());
    }

    @Test
    void headReplacementAndBadInput() {
        EfficientNet m = Models.efficientnetB0(1000).replaceHead(7);
        m.eval();
        assertEquals(7, m.forward(Torch.randn(1, 3, 32, 32)).size(1));
        assertThrows(RuntimeException.class, () -> m.forward(Torch.randn(1, 1, 32, 32)));
        assertThrows(IllegalArgumentException.class, () -> new EfficientNet(List.of(), 0.2, 0.2, 10, io.jtorch.nn.BatchNorm2d::new, 0));
    }

    @Test
    void efficientnetB0MatchesTorchvision() throws Exception {
        assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        FamilyChecks.assertNumericParity("efficientnet_b0", Models.efficientnetB0());
    }
}
