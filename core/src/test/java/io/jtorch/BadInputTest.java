package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import org.junit.jupiter.api.Test;

/** Bad input gets one readable line in a Java exception, with libtorch's report kept as the cause. */
class BadInputTest {
    @Test
    void shapeMismatchNamesTheLayerIndexAndBothShapes() {
        Sequential model = new Sequential(new Linear(7, 4), new ReLU(), new Linear(8, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(Torch.randn(5, 7)));
        assertEquals("Sequential[2]: Linear(in_features=8, out_features=2, bias=True) expects input of shape [*, 8], got [5, 4]",
                e.getMessage());
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("mat1 and mat2 shapes cannot be multiplied (5x4 and 8x2)"), root.getMessage());
        assertTrue(root.getMessage().contains("frame #"), "the C++ detail is kept as the cause");
    }

    @Test
    void nestedSequentialsNameEveryLevel() {
        Sequential model = new Sequential(new Sequential(new Linear(3, 3)), new Sequential(new ReLU(), new Linear(4, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(Torch.randn(2, 3)));
        assertEquals("Sequential[1]: Sequential[1]: Linear(in_features=4, out_features=1, bias=True) expects input of shape "
                + "[*, 4], got [2, 3]", e.getMessage());
    }

    @Test
    void classLabelOutsideTheClassesIsNamed() {
        Tensor logits = Torch.randn(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(logits, Torch.tensor(0L, 7L, 1L)));
        assertEquals("CrossEntropyLoss: class label 7 is outside [0, 4) for input with 4 classes", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(logits, Torch.tensor(0L, -2L, 1L)));
        assertEquals("CrossEntropyLoss: class label -2 is outside [0, 4) for input with 4 classes", e.getMessage());
    }

    @Test
    void floatLabelsAreRejectedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Torch.randn(3, 4), Torch.tensor(0f, 2f, 1f)));
        assertEquals("CrossEntropyLoss: labels must be class indices of dtype int64, got torch.float32 labels of shape [3] "
                + "(float labels are class probabilities and must have the input's shape [3, 4]); convert indices with "
                + "labels.to(DType.INT64)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Torch.randn(3, 4), Torch.tensor(0, 2, 1)));
        assertEquals("CrossEntropyLoss: labels must have dtype int64, got torch.int32; convert them with labels.to(DType.INT64)",
                e.getMessage());
    }

    @Test
    void emptySequentialSaysSo() {
        Sequential empty = new Sequential();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> empty.forward(Torch.randn(1, 2)));
        assertEquals("Sequential is empty: append modules before calling forward", e.getMessage());
        IndexOutOfBoundsException e2 = assertThrows(IndexOutOfBoundsException.class, () -> empty.get(-1, Linear.class));
        assertEquals("index -1 is out of range for Sequential of size 0", e2.getMessage());
    }

    @Test
    void negativeLearningRateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(new Linear(2, 2).parameters(), -1e-3));
        assertEquals("Invalid learning rate: -0.001", e.getMessage());
    }

    @Test
    void tensorsOnDifferentDevicesAreNamed() {
        Linear layer = new Linear(3, 2);
        Tensor onMeta = Torch.randn(4, 3).to(Device.meta());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.forward(onMeta));
        assertTrue(e.getMessage().startsWith("Linear(in_features=3, out_features=2, bias=True): "), e.getMessage());
        assertEquals("Linear(in_features=3, out_features=2, bias=True): input is on meta but the weights are on cpu; "
                + "move the input with input.to(device) or the model with model.to(device)", e.getMessage());
    }

    @Test
    void nanAndInfiniteInputsGiveNanNotACrash() {
        Linear layer = new Linear(2, 2);
        Tensor out = layer.forward(Torch.tensor(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, 1, 2));
        assertTrue(Double.isNaN(out.sum().item()));
    }

    @Test
    void zeroSizeBatchesFlowThrough() {
        Sequential model = new Sequential(new Linear(3, 2));
        assertEquals(0, model.forward(Torch.zeros(0, 3)).numel());
    }
}
