package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.PythonCheck;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import org.junit.jupiter.api.Test;

class VisionTransformerTest {
    @Test
    void stateDictKeysAndShapesAreTorchvisions() {
        FamilyChecks.assertTorchvisionKeys("vit_b_16", Models.vitB16());
        FamilyChecks.assertTorchvisionKeys("vit_b_32", Models.vitB32());
        FamilyChecks.assertTorchvisionKeys("vit_l_16", Models.vitL16());
    }

    @Test
    void weightsAreTorchvisions() {
        FamilyChecks.assertWeights("ViT_B_16_Weights", ViTB16Weights.values(), ViTB16Weights.DEFAULT);
        FamilyChecks.assertWeights("ViT_B_32_Weights", ViTB32Weights.values(), ViTB32Weights.DEFAULT);
        FamilyChecks.assertWeights("ViT_L_16_Weights", ViTL16Weights.values(), ViTL16Weights.DEFAULT);
        assertEquals(384, ViTB16Weights.IMAGENET1K_SWAG_E2E_V1.meta().cropSize());
    }

    @Test
    void headsHeadIsReplaceableAsInPython() {
        VisionTransformer m = Models.vitB32(1000, 64);
        Linear head = new Linear(768, 10);
        m.heads().set(-1, head);
        assertSame(head, m.getSubmodule("heads.head"));
        assertEquals(java.util.List.of(10L, 768L), java.util.List.of(m.stateDict().get("heads.head.weight").shape()[0],
                m.stateDict().get("heads.head.weight").shape()[1]));
        m.replaceHead(4);
        m.eval();
        assertEquals(java.util.List.of(2L, 4L), java.util.List.of(m.forward(Torch.randn(2, 3, 64, 64)).shape()[0], 4L));
        assertEquals(4, m.forward(Torch.randn(1, 3, 64, 64)).size(1));
        assertEquals(2 * 2 + 1, m.encoder().stateDict().get("pos_embedding").size(1));
    }

    @Test
    void badInputIsAJavaException() {
        VisionTransformer m = Models.vitB32(10, 64);
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(1, 3, 32, 32)));
        assertThrows(IllegalArgumentException.class, () -> m.forward(Torch.randn(3, 64, 64)));
        assertThrows(IllegalArgumentException.class, () -> Models.vitB16(10, 100));
        assertThrows(IllegalArgumentException.class, () -> new EncoderBlock(2, 8, 16, 0, 0).forward(Torch.randn(4, 8)));
    }

    @Test
    void vitB32MatchesTorchvision() throws Exception {
        assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        FamilyChecks.assertNumericParity("vit_b_32", Models.vitB32(1000, 64));
    }
}
