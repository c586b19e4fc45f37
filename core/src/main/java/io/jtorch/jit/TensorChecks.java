package io.jtorch.jit;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks that every parameter and buffer of a loaded module lies inside its storage.
 *
 * <p>libtorch rebuilds a TorchScript file's tensors from the sizes, strides and offsets its
 * pickle declares without checking them against the storage it read; a damaged file can
 * declare a view larger than its data, and reading that tensor would read past the end of the
 * allocation. {@link io.jtorch.serialization.ScriptArchives} checks every tensor of the file's
 * pickles before libtorch reads it; this second check, right after loading, covers the tensors
 * as libtorch built them. Sums and products that do not fit in a long count as out of bounds.
 */
final class TensorChecks {
    private TensorChecks() {}

    static void checkInBounds(ScriptModule module, Path path) {
        for (Map.Entry<String, ? extends Tensor> e : module.namedParameters().entrySet()) {
            check(e.getKey(), e.getValue(), path);
        }
        for (Map.Entry<String, Tensor> e : module.namedBuffers().entrySet()) {
            check(e.getKey(), e.getValue(), path);
        }
    }

    private static void check(String name, Tensor t, Path path) {
        org.bytedeco.pytorch.Tensor raw = t.raw();
        long numel = raw.numel();
        if (numel == 0) {
            return;
        }
        long[] sizes = t.shape();
        long[] strides = t.strides();
        long offset = raw.storage_offset();
        long needed = -1; // -1: negative, or more than a long can count
        if (offset >= 0) {
            try {
                long last = offset;
                for (int i = 0; i < sizes.length; i++) {
                    if (sizes[i] < 0 || strides[i] < 0) {
                        throw new ArithmeticException("negative");
                    }
                    last = Math.addExact(last, Math.multiplyExact(sizes[i] - 1, strides[i]));
                }
                needed = Math.multiplyExact(Math.addExact(last, 1), raw.itemsize());
            } catch (ArithmeticException e) {
                needed = -1;
            }
        }
        long available = raw.has_storage() ? raw.storage().nbytes() : 0;
        if (needed < 0 || needed > available) {
            throw new IllegalArgumentException(path + " is damaged: tensor '" + name + "' of shape " + Shapes.format(sizes)
                    + " with strides " + Shapes.format(strides) + " and offset " + offset + " needs " + needed
                    + " bytes but its storage has " + available);
        }
    }
}
