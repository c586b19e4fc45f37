package io.jtorch.serialization;

import io.jtorch.DType;
import io.jtorch.Shapes;

/**
 * A storage named by a pickle's persistent id, {@code ('storage', torch.FloatStorage, key, location, numel)},
 * before its bytes are read: the zip entry {@code data/<key>} holds {@code numel} elements of {@code dtype}.
 */
record StorageRef(String key, DType dtype, long numel) {
    /** The storage's size in bytes. */
    long nbytes() {
        return Math.multiplyExact(numel, (long) dtype.elementSize());
    }

    /**
     * Checks that a view with these sizes, strides and offset (in elements) stays inside this
     * storage, as {@code as_strided} requires; {@code where} names the pickle in the message.
     */
    void checkView(long offset, long[] size, long[] stride, String where) {
        if (size.length != stride.length) {
            throw new Malformed(where + ": a tensor has " + size.length + " sizes but " + stride.length + " strides");
        }
        String view = "a tensor of shape " + Shapes.format(size) + ", strides " + Shapes.format(stride) + " and offset " + offset;
        if (offset < 0) {
            throw new Malformed(where + ": " + view + " has a negative offset");
        }
        try {
            long last = offset;
            boolean empty = false;
            for (int i = 0; i < size.length; i++) {
                if (size[i] < 0 || stride[i] < 0) {
                    throw new Malformed(where + ": " + view + " has a negative size or stride");
                }
                empty |= size[i] == 0;
                if (size[i] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
                }
            }
            Shapes.numel(size); // the element count must fit in a long too
            long needed = empty ? offset : Math.addExact(last, 1);
            if (needed > numel) {
                throw new Malformed(where + ": " + view + " needs " + needed + " elements of storage " + PyValues.quote(key)
                        + ", which holds " + numel);
            }
        } catch (ArithmeticException | IllegalArgumentException e) { // Shapes.numel reports overflow as IllegalArgumentException
            throw new Malformed(where + ": " + view + " addresses more elements than a long can count");
        }
    }
}
