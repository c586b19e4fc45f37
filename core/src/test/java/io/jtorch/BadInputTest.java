package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.nn.BatchNorm1d;
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

    // The tests below pin fixes found by the API misuse suite (io.jtorch.misuse.ApiMisuseTest).

    @Test
    void shapeTooLargeForALongIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Torch.tensor(new float[0], 1L << 40, 1L << 40));
        assertEquals("shape [1099511627776, 1099511627776] has more elements than a long can count", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Torch.fromBytes(new byte[0], DType.FLOAT32, Long.MAX_VALUE));
        assertEquals("shape [9223372036854775807] has more elements than a long can count", e.getMessage());
    }

    @Test
    void torchScriptErrorsNameTheFailingOperationNotTheTraceback() throws Exception {
        io.jtorch.jit.ScriptModule model = io.jtorch.jit.ScriptModule.load(
                java.nio.file.Path.of(BadInputTest.class.getResource("/fixtures/jit/resnet.pt").toURI()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(Torch.randn(4, 3)));
        assertEquals("TinyResNet (TorchScript) on input [4, 3]: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input "
                + "of size: [4, 3] (TorchScript code/__torch__/torch/nn/modules/conv.py, line 29, in _conv_forward)", e.getMessage());
    }

    @Test
    void batchNormRefusesOneValuePerChannelWhenTraining() {
        BatchNorm1d bn = new BatchNorm1d(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.randn(1, 3)));
        assertTrue(e.getMessage().endsWith("expected more than 1 value per channel when training, got input of shape [1, 3]"),
                e.getMessage());
        assertEquals(0, bn.buffer("num_batches_tracked").itemLong(), "the refused batch left the statistics alone");
        bn.eval();
        assertEquals(3, bn.forward(Torch.randn(1, 3)).numel(), "eval mode uses the running statistics");
    }

    @Test
    void linearWithoutInputFeaturesIsValidAsInPyTorch() {
        Linear layer = new Linear(0, 2);
        Tensor out = layer.forward(Torch.zeros(4, 0));
        assertEquals(8, out.numel());
        assertTrue(out.sub(layer.bias()).abs().sum().item() == 0, "the output is the bias");
    }

    @Test
    void modulesCannotFormACycle() {
        Sequential outer = new Sequential(new Linear(2, 2));
        Sequential inner = new Sequential(new ReLU());
        outer.append(inner);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inner.append(outer));
        assertEquals("cannot add a Sequential that holds this Sequential (at '1'): modules form a tree, not a cycle", e.getMessage());
    }

    @Test
    void moduleThatCannotMoveInPlaceNamesTheParameter() {
        TorchException e = assertThrows(TorchException.class, () -> new Sequential(new Linear(2, 2)).to(Device.meta()));
        assertTrue(e.getMessage().startsWith("Sequential: cannot convert '0.weight' in place from cpu torch.float32 to meta torch.float32: "),
                e.getMessage());
    }

    @Test
    void cudaOnAMachineWithoutItSaysSo() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Torch.cuda().isAvailable());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Torch.randn(2).to(Device.cuda()));
        assertTrue(e.getMessage().startsWith("CUDA was asked for (cuda) but libtorch sees no CUDA device"), e.getMessage());
    }

    @Test
    void notANumberIsRefusedAsAHyperparameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new io.jtorch.optim.Adam(new Linear(2, 2).parameters(), Double.NaN));
        assertEquals("Invalid learning rate: NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new io.jtorch.optim.Adam(new Linear(2, 2).parameters(), 0.1).eps(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new io.jtorch.nn.Dropout(Double.NaN));
    }

    @Test
    void stateDictErrorsListTenKeysAndCountTheRest() {
        Sequential big = new Sequential();
        for (int i = 0; i < 12; i++) {
            big.append(new Linear(1, 1));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> big.loadStateDict(java.util.Map.of(), true));
        assertTrue(e.getMessage().endsWith("\"4.bias\" and 14 more (24 in all; loadStateDict(stateDict, false) returns every one)."),
                e.getMessage());
    }
}
