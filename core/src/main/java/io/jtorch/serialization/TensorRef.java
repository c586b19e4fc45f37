package io.jtorch.serialization;

/**
 * A tensor named by a pickle, {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)},
 * before any memory is allocated: a view of {@code storage} checked and built once the whole file
 * has been read. Compared by identity, as the pickle's objects are.
 */
final class TensorRef {
    final StorageRef storage;
    final long offset;
    final long[] size;
    final long[] stride;
    final boolean requiresGrad;
    final boolean parameter;

    TensorRef(StorageRef storage, long offset, long[] size, long[] stride, boolean requiresGrad, boolean parameter) {
        this.storage = storage;
        this.offset = offset;
        this.size = size;
        this.stride = stride;
        this.requiresGrad = requiresGrad;
        this.parameter = parameter;
    }

    /** The same view, as an {@code nn.Parameter}; mirrors {@code torch._utils._rebuild_parameter}. */
    TensorRef asParameter(boolean requiresGrad) {
        return new TensorRef(storage, offset, size, stride, requiresGrad, true);
    }
}
