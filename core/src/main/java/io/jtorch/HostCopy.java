package io.jtorch;

import io.jtorch.internal.Errors;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.TensorOptions;

/** Copies between Java arrays and CPU tensor memory, in one pass each way. */
final class HostCopy {
    private HostCopy() {}

    /** A new CPU tensor of {@code dtype} and {@code shape}, uninitialised. */
    static org.bytedeco.pytorch.Tensor empty(long[] shape, DType dtype) {
        try {
            return org.bytedeco.pytorch.global.torch.empty(shape, new TensorOptions(dtype.scalarType()), new org.bytedeco.pytorch.MemoryFormatOptional());
        } catch (RuntimeException e) {
            throw Errors.translate(e, "empty " + Shapes.format(shape));
        }
    }

    static Tensor fromFloats(float[] data, long[] shape) {
        Shapes.checkHolds(shape, data.length);
        org.bytedeco.pytorch.Tensor t = empty(shape, DType.FLOAT32);
        if (data.length > 0) {
            new FloatPointer(t.data_ptr()).put(data, 0, data.length);
        }
        return new Tensor(t);
    }

    static Tensor fromDoubles(double[] data, long[] shape) {
        Shapes.checkHolds(shape, data.length);
        org.bytedeco.pytorch.Tensor t = empty(shape, DType.FLOAT64);
        if (data.length > 0) {
            new DoublePointer(t.data_ptr()).put(data, 0, data.length);
        }
        return new Tensor(t);
    }

    static Tensor fromLongs(long[] data, long[] shape) {
        Shapes.checkHolds(shape, data.length);
        org.bytedeco.pytorch.Tensor t = empty(shape, DType.INT64);
        if (data.length > 0) {
            new LongPointer(t.data_ptr()).put(data, 0, data.length);
        }
        return new Tensor(t);
    }

    static Tensor fromInts(int[] data, long[] shape) {
        Shapes.checkHolds(shape, data.length);
        org.bytedeco.pytorch.Tensor t = empty(shape, DType.INT32);
        if (data.length > 0) {
            new IntPointer(t.data_ptr()).put(data, 0, data.length);
        }
        return new Tensor(t);
    }

    static Tensor fromBytes(byte[] data, long[] shape, DType dtype) {
        if (dtype.elementSize() != 1) {
            throw new IllegalArgumentException("byte data needs a one-byte dtype, got " + dtype);
        }
        Shapes.checkHolds(shape, data.length);
        org.bytedeco.pytorch.Tensor t = empty(shape, dtype);
        if (data.length > 0) {
            new BytePointer(t.data_ptr()).put(data, 0, data.length);
        }
        return new Tensor(t);
    }

    static Tensor fromBooleans(boolean[] data, long[] shape) {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) (data[i] ? 1 : 0);
        }
        return fromBytes(bytes, shape, DType.BOOL);
    }

    /** The tensor's data as a contiguous CPU tensor of {@code dtype}, sharing memory where it already is one. */
    private static org.bytedeco.pytorch.Tensor hostView(Tensor t, DType dtype, int maxElements) {
        long n = t.numel();
        if (n > maxElements) {
            throw new IllegalStateException("tensor of shape " + Shapes.format(t.shape()) + " has " + n
                    + " elements, more than a Java array holds");
        }
        Tensor host = t.device().isCpu() ? t : t.to(Device.CPU);
        if (host.dtype() != dtype) {
            host = host.to(dtype);
        }
        return host.detach().contiguous().raw();
    }

    static float[] toFloatArray(Tensor t) {
        org.bytedeco.pytorch.Tensor h = hostView(t, DType.FLOAT32, Integer.MAX_VALUE - 8);
        float[] out = new float[(int) h.numel()];
        read(h, out.length, p -> new FloatPointer(p).get(out, 0, out.length));
        return out;
    }

    static double[] toDoubleArray(Tensor t) {
        org.bytedeco.pytorch.Tensor h = hostView(t, DType.FLOAT64, Integer.MAX_VALUE - 8);
        double[] out = new double[(int) h.numel()];
        read(h, out.length, p -> new DoublePointer(p).get(out, 0, out.length));
        return out;
    }

    static long[] toLongArray(Tensor t) {
        org.bytedeco.pytorch.Tensor h = hostView(t, DType.INT64, Integer.MAX_VALUE - 8);
        long[] out = new long[(int) h.numel()];
        read(h, out.length, p -> new LongPointer(p).get(out, 0, out.length));
        return out;
    }

    static int[] toIntArray(Tensor t) {
        org.bytedeco.pytorch.Tensor h = hostView(t, DType.INT32, Integer.MAX_VALUE - 8);
        int[] out = new int[(int) h.numel()];
        read(h, out.length, p -> new IntPointer(p).get(out, 0, out.length));
        return out;
    }

    static byte[] toByteArray(Tensor t) {
        long bytes = t.numel() * t.dtype().elementSize();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("tensor of shape " + Shapes.format(t.shape()) + " has " + bytes
                    + " bytes, more than a Java array holds");
        }
        Tensor host = t.device().isCpu() ? t : t.to(Device.CPU);
        org.bytedeco.pytorch.Tensor h = host.detach().contiguous().raw();
        byte[] out = new byte[(int) bytes];
        read(h, out.length, p -> new BytePointer(p).get(out, 0, out.length));
        return out;
    }

    /** A CPU tensor of {@code dtype} and {@code shape} whose elements are the machine-order bytes of {@code data}. */
    static Tensor fromRawBytes(byte[] data, DType dtype, long[] shape) {
        long nbytes = Shapes.nbytes(shape, dtype.elementSize());
        if (nbytes != data.length) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " of " + dtype + " needs "
                    + nbytes + " bytes, got " + data.length);
        }
        org.bytedeco.pytorch.Tensor t = empty(shape, dtype);
        if (data.length > 0) {
            new BytePointer(t.data_ptr()).put(data, 0, data.length);
        }
        return new Tensor(t);
    }

    static boolean[] toBooleanArray(Tensor t) {
        org.bytedeco.pytorch.Tensor h = hostView(t, DType.BOOL, Integer.MAX_VALUE - 8);
        byte[] bytes = new byte[(int) h.numel()];
        read(h, bytes.length, p -> new BytePointer(p).get(bytes, 0, bytes.length));
        boolean[] out = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }

    private static void read(org.bytedeco.pytorch.Tensor h, int length, java.util.function.Consumer<Pointer> reader) {
        if (length > 0) {
            reader.accept(h.data_ptr());
        }
    }
}
