package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.PythonCheck;
import io.jtorch.Torch;
import io.jtorch.nn.Hardswish;
import io.jtorch.nn.Linear;
import io.jtorch.vision.ops.SqueezeExcitation;
import org.junit.jupiter.api.Test;

class MobileNetTest {
    @Test
    void stateDictKeysAndShapesAreTorchvisions() {
        FamilyChecks.assertTorchvisionKeys("mobilenet_v2", Models.mobilenetV2());
        FamilyChecks.assertTorchvisionKeys("mobilenet_v3_small", Models.mobilenetV3Small());
        FamilyChecks.assertTorchvisionKeys("mobilenet_v3_large", Models.mobilenetV3Large());
    }

    @Test
    void weightsAreTorchvisions() {
        FamilyChecks.assertWeights("MobileNet_V2_Weights", MobileNetV2Weights.values(), MobileNetV2Weights.DEFAULT);
        FamilyChecks.assertWeights("MobileNet_V3_Small_Weights", MobileNetV3SmallWeights.values(), MobileNetV3SmallWeights.DEFAULT);
        FamilyChecks.assertWeights("MobileNet_V3_Large_Weights", MobileNetV3LargeWeights.values(), MobileNetV3LargeWeights.DEFAULT);
        assertEquals("mobilenet_v3_large-5c1a4163.pth", MobileNetV3LargeWeights.DEFAULT.fileName());
    }

    @Test
    void classifierSetReplacesTheHeadEverywhere() {
        MobileNetV2 m = Models.mobilenetV2(1000);
        Linear head = new Linear(m.lastChannel(), 10);
        m.classifier().set(-1, head);
        assertSame(head, m.head());
        assertEquals(java.util.List.of(10L, 1280L), java.util.List.of(m.stateDict().get("classifier.1.weight").shape()[0],
                m.stateDict().get("classifier.1.weight").shape()[1]));
        m.eval();
        assertEquals(10, m.forward(Torch.randn(1, 3, 32, 32)).size(1));
        MobileNetV3 v3 = Models.mobilenetV3Small(1000).replaceHead(5);
        assertEquals(1024, v3.headInFeatures());
        v3.eval();
        assertEquals(5, v3.forward(Torch.randn(1, 3, 32, 32)).size(1));
    }

    @Test
    void mobilenetV3UsesHardswishSqueezeExcitationAndItsBatchNorm() {
        MobileNetV3 m = Models.mobilenetV3Small(10);
        assertEquals(Hardswish.class, m.getSubmodule("features.0.2").getClass());
        assertEquals(SqueezeExcitation.class, m.getSubmodule("features.1.block.1").getClass());
        String bn = m.getSubmodule("features.0.1").toString();
        assertEquals(true, bn.contains("eps=0.001") && bn.contains("momentum=0.01"), bn);
    }

    @Test
    void badInputIsAJavaException() {
        MobileNetV2 m = Models.mobilenetV2(10);
        m.eval();
        assertThrows(RuntimeException.class, () -> m.forward(Torch.randn(1, 4, 32, 32)));
        assertThrows(RuntimeException.class, () -> m.forward(Torch.randn(3, 32, 32, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new MobileNetV2.InvertedResidual(4, 4, 3, 6));
        assertThrows(IllegalArgumentException.class, () -> m.getSubmodule("features.99"));
    }

    @Test
    void mobilenetV2MatchesTorchvision() throws Exception {
        assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        FamilyChecks.assertNumericParity("mobilenet_v2", Models.mobilenetV2());
    }

    @Test
    void mobilenetV3SmallMatchesTorchvision() throws Exception {
        assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        FamilyChecks.assertNumericParity("mobilenet_v3_small", Models.mobilenetV3Small());
    }
}
