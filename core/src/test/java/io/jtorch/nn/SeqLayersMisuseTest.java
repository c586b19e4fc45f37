package io.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Wrong dtypes and degenerate inputs to the sequence layers end in one-line Java exceptions, never a crash. */
class SeqLayersMisuseTest {
    private static void refused(Executable call, String what) {
        RuntimeException e = assertThrows(RuntimeException.class, call, what);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": no message");
    }

    @Test
    void wrongDtypesAreJavaExceptions() {
        Tensor ints = Torch.zeros(DType.INT64, 3, 2, 8);
        Tensor doubles = Torch.randn(3, 2, 8).to(DType.FLOAT64);
        refused(() -> new MultiheadAttention(8, 2).forward(ints), "attention on int64");
        refused(() -> new MultiheadAttention(8, 2).forward(doubles), "attention on float64 with float32 weights");
        refused(() -> new LayerNorm(8).forward(ints), "layer norm on int64");
        refused(() -> new GroupNorm(2, 2).forward(Torch.zeros(DType.INT64, 3, 2, 8)), "group norm on int64");
        refused(() -> new LSTM(8, 4).forward(ints), "LSTM on int64");
        refused(() -> new GRU(8, 4).forward(doubles), "GRU on float64 with float32 weights");
        refused(() -> new TransformerEncoderLayer(8, 2, TransformerEncoderLayer.options().dimFeedforward(4)).forward(ints),
                "encoder layer on int64");
        Tensor x = Torch.randn(3, 2, 8);
        refused(() -> new MultiheadAttention(8, 2).forward(x, x, x, Torch.zeros(DType.INT64, 2, 3), true, null),
                "int64 key padding mask");
    }

    @Test
    void emptyInputsGiveEmptyOutputsOrJavaExceptions() {
        assertEquals(0, new Embedding(4, 3).forward(Torch.zeros(DType.INT64, 0)).numel());
        assertEquals(0, new LayerNorm(8).forward(Torch.randn(0, 8)).numel());
        refused(() -> new LSTM(8, 4).forward(Torch.randn(0, 2, 8)), "LSTM on an empty sequence");
        // As in PyTorch: attending over no keys gives the output projection's bias and (N, L, 0) weights.
        MultiheadAttention.Output none = new MultiheadAttention(8, 2).forward(Torch.randn(3, 2, 8), Torch.randn(0, 2, 8),
                Torch.randn(0, 2, 8));
        assertEquals(java.util.List.of(3L, 2L, 8L), java.util.List.of(none.output().size(0), none.output().size(1), none.output().size(2)));
        assertEquals(0, none.weights().numel());
    }
}
