package io.jtorch.jit;

import io.jtorch.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.IValue;

/** The tensors of what a TorchScript {@code forward} returned: a tensor, tuples, lists, {@code None}s. */
final class ScriptResults {
    private ScriptResults() {}

    /** The tensors of {@code v} in order, nested tuples flattened, a {@code None} as {@code null}; {@code module} names the model in errors. */
    static List<Tensor> tensors(IValue v, String module) {
        return flatten(v, new ArrayList<>(), module);
    }

    private static List<Tensor> flatten(IValue v, List<Tensor> out, String module) {
        if (v.isTensor()) {
            out.add(owned(v));
        } else if (v.isNone()) {
            out.add(null);
        } else if (v.isTuple()) {
            org.bytedeco.pytorch.TupleElements elements = v.toTupleRef().elements();
            for (long i = 0; i < elements.size(); i++) {
                flatten(elements.get(i), out, module);
            }
        } else if (v.isTensorList()) {
            org.bytedeco.pytorch.TensorVector list = v.toTensorVector();
            for (long i = 0; i < list.size(); i++) {
                out.add(Tensor.wrap(new org.bytedeco.pytorch.Tensor(list.get(i))));
            }
        } else {
            throw new IllegalStateException(module + ".forward returned a " + v.tagKind().getString()
                    + " where forwardAll reads tensors, tuples, lists of tensors and None");
        }
        return out;
    }

    /**
     * The tensor an IValue holds, as a handle of its own: {@code toTensor()} returns a reference
     * into the IValue, which dies with it.
     */
    static Tensor owned(IValue v) {
        return Tensor.wrap(new org.bytedeco.pytorch.Tensor(v.toTensor()));
    }
}
