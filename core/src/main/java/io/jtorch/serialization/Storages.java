package io.jtorch.serialization;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.TensorOptions;

/**
 * Copies bytes between streams and tensor memory a chunk at a time, so a storage never needs a
 * Java array of its size (and may be larger than 2 GB). Files hold little-endian data; bytes are
 * swapped on the way when the file or the machine says otherwise. The only file of this package
 * that touches the presets.
 */
final class Storages {
    private static final int CHUNK = 1 << 20;

    /** Receives the bytes of a tensor, a chunk at a time. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(byte[] buffer, int length) throws IOException;
    }

    /** Where a tensor's storage starts in memory and how many bytes it holds: tensors with equal ones share memory. */
    record StorageInfo(long address, long nbytes) {}

    private Storages() {}

    /** The storage of a CPU tensor, or {@code null} when it has none or an empty one. */
    static StorageInfo storageOf(Tensor tensor) {
        org.bytedeco.pytorch.Tensor raw = tensor.raw();
        if (!raw.has_storage()) {
            return null;
        }
        org.bytedeco.pytorch.Storage storage = raw.storage();
        Pointer data = storage.data();
        return data == null || data.isNull() ? null : new StorageInfo(data.address(), storage.nbytes());
    }

    /**
     * A new 1-D CPU tensor of {@code numel} elements of {@code dtype}, filled from {@code in},
     * whose data is in {@code order}. Bool bytes other than 0 become 1, as libtorch expects.
     *
     * @throws Malformed if the stream ends early
     */
    static Tensor read(InputStream in, DType dtype, long numel, ByteOrder order, String what) throws IOException {
        long nbytes = Math.multiplyExact(numel, (long) dtype.elementSize());
        Tensor tensor = allocate(dtype, numel);
        if (nbytes == 0) {
            return tensor;
        }
        BytePointer memory = new BytePointer(tensor.raw().data_ptr());
        byte[] buffer = new byte[(int) Math.min(CHUNK, nbytes)];
        boolean swap = dtype.elementSize() > 1 && order != ByteOrder.nativeOrder();
        for (long done = 0; done < nbytes; ) {
            int n = (int) Math.min(buffer.length, nbytes - done);
            int got = in.readNBytes(buffer, 0, n);
            if (got < n) {
                throw new Malformed(what + " ends after " + (done + got) + " of its " + nbytes + " bytes (truncated)");
            }
            if (swap) {
                swapBytes(buffer, n, dtype.elementSize());
            }
            if (dtype == DType.BOOL) {
                for (int i = 0; i < n; i++) {
                    buffer[i] = (byte) (buffer[i] != 0 ? 1 : 0);
                }
            }
            memory.position(done).put(buffer, 0, n);
            done += n;
        }
        return tensor;
    }

    /**
     * Passes the bytes of {@code tensor} (contiguous, on the CPU) to {@code sink} in little-endian
     * order, a chunk at a time.
     */
    static void forEachChunk(Tensor tensor, ChunkConsumer sink) throws IOException {
        long nbytes = Math.multiplyExact(tensor.numel(), (long) tensor.dtype().elementSize());
        if (nbytes == 0) {
            return;
        }
        if (!tensor.isContiguous()) {
            throw new IllegalArgumentException("internal: forEachChunk needs a contiguous tensor");
        }
        BytePointer memory = new BytePointer(tensor.raw().data_ptr());
        byte[] buffer = new byte[(int) Math.min(CHUNK, nbytes)];
        boolean swap = tensor.dtype().elementSize() > 1 && ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN;
        for (long done = 0; done < nbytes; ) {
            int n = (int) Math.min(buffer.length, nbytes - done);
            memory.position(done).get(buffer, 0, n);
            if (swap) {
                swapBytes(buffer, n, tensor.dtype().elementSize());
            }
            sink.accept(buffer, n);
            done += n;
        }
    }

    private static Tensor allocate(DType dtype, long numel) {
        try {
            return Tensor.wrap(org.bytedeco.pytorch.global.torch.empty(new long[] {numel}, new TensorOptions(dtype.scalarType()),
                    new MemoryFormatOptional()));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "allocating " + numel + " elements of " + dtype);
        }
    }

    private static void swapBytes(byte[] buffer, int length, int elementSize) {
        for (int start = 0; start < length; start += elementSize) {
            for (int i = 0, j = elementSize - 1; i < j; i++, j--) {
                byte b = buffer[start + i];
                buffer[start + i] = buffer[start + j];
                buffer[start + j] = b;
            }
        }
    }
}
