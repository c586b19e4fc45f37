package io.jtorch.misuse;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kinds of tensor a caller can get wrong, each made for a shape the receiving code expects:
 * released ones, tensors on the meta device, empty ones, NaN and infinity, every dtype, wrong
 * ranks, and views whose memory layout is unusual (transposed, stride 0, offset into a larger
 * storage). The first kind, {@code float32}, is the correct input, as a control.
 */
final class Kinds {
    /** A kind of tensor: its name and how to make one from the shape the receiver expects. */
    record Kind(String name, Function<long[], Tensor> make) {
        Tensor of(long... shape) {
            return make.apply(shape);
        }

        /** Whether a tensor of this kind was released before use. */
        boolean released() {
            return name.startsWith("released");
        }

        /** Whether this kind holds the control's values in an unusual layout (its results must equal the control's). */
        boolean layoutOnly() {
            return name.endsWith("view");
        }
    }

    static final Map<String, Kind> ALL = new LinkedHashMap<>();

    static {
        add("float32", Torch::randn);
        add("released-by-scope", shape -> {
            Tensor t;
            try (Scope s = Scope.open()) {
                t = Torch.randn(shape);
            }
            return t;
        });
        add("released-by-batch", Kinds::fromFinishedBatch);
        add("meta", shape -> Torch.randn(shape).to(Device.meta()));
        add("zero-size-first", shape -> Torch.randn(with(shape, 0, 0)));
        add("zero-size-last", shape -> Torch.randn(with(shape, shape.length - 1, 0)));
        add("nan", shape -> Torch.full(shape, Double.NaN));
        add("inf", shape -> {
            Tensor t = Torch.randn(shape);
            return t.gt(0.0).to(DType.FLOAT32).mul(2.0).sub(1.0).mul(Double.POSITIVE_INFINITY);
        });
        add("huge-values", shape -> Torch.randn(shape).mul(3e38));
        add("int64", shape -> Torch.randint(0, 3, shape));
        add("int32", shape -> Torch.randint(0, 3, shape).to(DType.INT32));
        add("uint8", shape -> Torch.randint(0, 255, shape).to(DType.UINT8));
        add("bool", shape -> Torch.randn(shape).gt(0.0));
        add("float64", shape -> Torch.randn(shape).to(DType.FLOAT64));
        add("float16", shape -> Torch.randn(shape).to(DType.FLOAT16));
        add("bfloat16", shape -> Torch.randn(shape).to(DType.BFLOAT16));
        add("0-dim", shape -> Torch.randn());
        add("rank+2", shape -> Torch.randn(shape).unsqueeze(0).unsqueeze(0));
        add("flattened", shape -> Torch.randn(shape).flatten());
        add("wrong-last-dim", shape -> Torch.randn(with(shape, shape.length - 1, shape[shape.length - 1] + 1)));
        add("requires-grad-leaf", shape -> Torch.randn(shape).requiresGrad(true));
        add("transposed-view", shape -> {
            if (shape.length < 2) {
                return Torch.randn(shape[0], 2).select(1, 0);
            }
            long[] swapped = shape.clone();
            swapped[shape.length - 1] = shape[shape.length - 2];
            swapped[shape.length - 2] = shape[shape.length - 1];
            return Torch.randn(swapped).transpose(shape.length - 1, shape.length - 2);
        });
        add("stride-0-view", shape -> Torch.randn(1).asStrided(shape, new long[shape.length], 0));
        add("offset-view", shape -> {
            long[] bigger = with(shape, 0, shape[0] + 3);
            return Torch.randn(bigger).narrow(0, 2, shape[0]);
        });
    }

    private Kinds() {}

    private static void add(String name, Function<long[], Tensor> make) {
        ALL.put(name, new Kind(name, make));
    }

    static List<Kind> all() {
        return new ArrayList<>(ALL.values());
    }

    static Kind get(String name) {
        return ALL.get(name);
    }

    /** {@code shape} with dimension {@code dim} set to {@code size}. */
    static long[] with(long[] shape, int dim, long size) {
        long[] out = shape.clone();
        out[dim] = size;
        return out;
    }

    /** The inputs of the last batch of a finished pass over a one-batch loader: released when the pass ended. */
    private static Tensor fromFinishedBatch(long[] shape) {
        long n = shape[0];
        TensorDataset data = new TensorDataset(Torch.randn(shape), Torch.randint(0, 3, n));
        Tensor kept = null;
        for (Batch b : new DataLoader(data, (int) n)) {
            kept = b.inputs();
        }
        return kept;
    }
}
