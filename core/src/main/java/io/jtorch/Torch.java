package io.jtorch;

import io.jtorch.internal.Errors;
import io.jtorch.internal.Native;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Tensor factories and library-wide settings. Mirrors the top-level {@code torch} namespace:
 * {@code torch.randn(2, 3)} is {@code Torch.randn(2, 3)}, {@code torch.tensor([1., 2.])} is
 * {@code Torch.tensor(new float[] {1, 2})}, {@code with torch.no_grad():} is
 * {@code try (var g = Torch.noGrad())}. The {@code torch.f(tensor, ...)} forms of tensor methods
 * ({@code Torch.sum}, {@code Torch.max}, {@code Torch.where}, ...) are inherited from
 * {@code TorchFunctions}.
 */
public final class Torch extends TorchFunctions {
    static {
        Native.load();
    }

    private static volatile boolean threadsChosen;

    private Torch() {}

    // ---------------------------------------------------------------- settings

    /**
     * Seeds the global random generator; mirrors {@code torch.manual_seed}. Same seed, same numbers
     * as PyTorch's CPU generator.
     *
     * @param seed the seed of the random generator
     */
    public static void manualSeed(long seed) {
        torch.manual_seed(seed);
    }

    /**
     * Sets the number of threads libtorch uses inside one operation (an elementwise op over a
     * large tensor, a convolution); mirrors {@code torch.set_num_threads}. As in PyTorch, it
     * applies to the calling thread and to threads that run their first parallel operation
     * after it. The default is libtorch's (one per physical core, or {@code OMP_NUM_THREADS});
     * {@code -Djtorch.threads=N} sets it when libtorch loads. Matrix products run in OpenBLAS,
     * whose own thread count is separate: one unless {@code OPENBLAS_NUM_THREADS} or
     * {@code -Djtorch.blasThreads=N} says otherwise (README, "Threads"). A fixed count switches
     * off adaptive counts ({@link #setAdaptiveThreads}).
     *
     * @param threads the number of intra-op threads, at least 1
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public static void setNumThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        threadsChosen = true;
        Native.setThreads(threads);
    }

    /**
     * Switches thread counts that follow the machine's load on or off; jtorch's own, with no
     * PyTorch counterpart ({@code -Djtorch.threads=auto} switches it on when libtorch loads).
     * While other processes leave the cores free, OpenBLAS runs one thread per core; once they
     * keep half a core or more busy it drops to one, and comes back after a second of quiet.
     * A thread that trains in short steps (under 20 ms between its optimizer steps) runs on one
     * intra-op thread while the machine is busy; longer steps, and threads that do not train,
     * keep libtorch's count. Faster on a machine whose load comes and goes (README, "Threads"), at a
     * price: products and reductions split over another number of threads can round
     * differently in the last bits, so two runs of one seeded program may differ slightly.
     * Off by default; {@link #setNumThreads} switches it off too.
     *
     * @param on whether thread counts follow the load
     * @throws UnsupportedOperationException when switching on where the load cannot be read
     *     (it needs Linux's {@code /proc/stat})
     */
    public static void setAdaptiveThreads(boolean on) {
        if (on) {
            threadsChosen = true;
        }
        Native.setAdaptive(on);
    }

    /** {@return whether thread counts follow the machine's load ({@link #setAdaptiveThreads})} */
    public static boolean adaptiveThreads() {
        return io.jtorch.internal.AdaptiveThreads.enabled();
    }

    /** {@return the number of intra-op threads of the calling thread; mirrors {@code torch.get_num_threads}} */
    public static int getNumThreads() {
        return torch.get_num_threads();
    }

    /**
     * Sets the number of threads that run independent operations side by side (TorchScript's
     * {@code fork}); mirrors {@code torch.set_num_interop_threads}. As in PyTorch it can be set
     * once, before any such work starts.
     *
     * @param threads the number of inter-op threads, at least 1
     * @throws IllegalArgumentException when {@code threads} is below 1
     * @throws IllegalStateException when it was set before or inter-op work has started
     */
    public static void setNumInteropThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        try {
            torch.set_num_interop_threads(threads);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the number of inter-op threads can be set only once, before inter-op work starts "
                    + "(it is " + getNumInteropThreads() + ")", e);
        }
    }

    /** {@return the number of inter-op threads; mirrors {@code torch.get_num_interop_threads}} */
    public static int getNumInteropThreads() {
        return (int) torch.get_num_interop_threads();
    }

    /** {@return whether {@link #setNumThreads} has been called in this JVM} */
    public static boolean numThreadsChosen() {
        return threadsChosen;
    }

    /**
     * CUDA availability and device count; mirrors {@code torch.cuda}.
     *
     * @return the CUDA queries, {@code torch.cuda}
     */
    public static Cuda cuda() {
        return Cuda.INSTANCE;
    }

    /**
     * {@return whether autograd records operations on this thread; mirrors {@code
     * torch.is_grad_enabled}}
     */
    public static boolean isGradEnabled() {
        return GradMode.is_enabled();
    }

    /**
     * Turns autograd on or off on this thread, at once, until the returned guard is closed;
     * mirrors {@code torch.set_grad_enabled(mode)}, as a call or in a try-with-resources block
     * ({@code with torch.set_grad_enabled(phase == 'train'):}).
     *
     * @param enabled whether gradients are recorded inside the block
     * @return a guard to close (in try-with-resources) to restore the previous mode
     */
    public static SetGradEnabled setGradEnabled(boolean enabled) {
        return new SetGradEnabled(enabled);
    }

    /**
     * Turns autograd on on this thread until the returned guard is closed; mirrors {@code with
     * torch.enable_grad():}.
     *
     * @return a guard to close (in try-with-resources) to restore the previous mode
     */
    public static SetGradEnabled enableGrad() {
        return new SetGradEnabled(true);
    }

    /**
     * {@return the version of libtorch underneath, e.g. {@code "2.10.0"}; mirrors {@code torch.__version__}}
     * Read from the JavaCPP presets' jar, whose version is libtorch's followed by the presets' own.
     */
    public static String version() {
        String v = org.bytedeco.pytorch.Tensor.class.getPackage().getImplementationVersion();
        if (v == null) {
            throw new IllegalStateException("the PyTorch presets' jar has no version in its manifest");
        }
        int dash = v.indexOf('-');
        return dash < 0 ? v : v.substring(0, dash);
    }

    /**
     * Turns autograd off on this thread until the returned guard is closed; mirrors
     * {@code with torch.no_grad():}.
     * <pre>{@code
     * try (var noGrad = Torch.noGrad()) {
     *     Tensor logits = model.forward(images);
     * }
     * }</pre>
     *
     * @return a guard to close (in try-with-resources) to record gradients again
     */
    public static NoGrad noGrad() {
        return new NoGrad();
    }

    // ---------------------------------------------------------------- random and constant tensors

    /**
     * {@return samples from N(0, 1) in float32; mirrors {@code torch.randn(*size)}}
     *
     * @param shape the size of each dimension
     */
    public static Tensor randn(long... shape) {
        return make(() -> torch.randn(shape), shape);
    }

    /**
     * {@return samples uniformly from [0, 1) in float32; mirrors {@code torch.rand(*size)}}
     *
     * @param shape the size of each dimension
     */
    public static Tensor rand(long... shape) {
        return make(() -> torch.rand(shape), shape);
    }

    /**
     * {@return random integers in [low, high) as int64; mirrors {@code torch.randint(low, high, size)}}
     *
     * @param low the lower bound, included
     * @param high the upper bound, excluded
     * @param shape the size of each dimension
     */
    public static Tensor randint(long low, long high, long... shape) {
        if (high <= low) {
            throw new IllegalArgumentException("randint needs low < high, got [" + low + ", " + high + ")");
        }
        return make(() -> torch.randint(low, high, shape, new TensorOptions(DType.INT64.scalarType())), shape);
    }

    /**
     * {@return a random permutation of 0..n-1 as int64; mirrors {@code torch.randperm(n)}}
     *
     * @param n the number of indices, {@code 0} to {@code n - 1}
     */
    public static Tensor randperm(long n) {
        return make(() -> torch.randperm(n), new long[] {n});
    }

    /**
     * {@return zeros in float32; mirrors {@code torch.zeros(*size)}}
     *
     * @param shape the size of each dimension
     */
    public static Tensor zeros(long... shape) {
        return make(() -> torch.zeros(shape), shape);
    }

    /**
     * {@return zeros of {@code dtype}; mirrors {@code torch.zeros(*size, dtype=dtype)}}
     *
     * @param dtype the element type
     * @param shape the size of each dimension
     */
    public static Tensor zeros(DType dtype, long... shape) {
        return make(() -> torch.zeros(shape, new TensorOptions(dtype.scalarType())), shape);
    }

    /**
     * {@return ones in float32; mirrors {@code torch.ones(*size)}}
     *
     * @param shape the size of each dimension
     */
    public static Tensor ones(long... shape) {
        return make(() -> torch.ones(shape), shape);
    }

    /**
     * {@return ones of {@code dtype}; mirrors {@code torch.ones(*size, dtype=dtype)}}
     *
     * @param dtype the element type
     * @param shape the size of each dimension
     */
    public static Tensor ones(DType dtype, long... shape) {
        return make(() -> torch.ones(shape, new TensorOptions(dtype.scalarType())), shape);
    }

    /**
     * {@return a float32 tensor filled with {@code value}; mirrors {@code torch.full(size, value)}}
     *
     * @param shape the size of each dimension
     * @param value the number, as a Python float would be
     */
    public static Tensor full(long[] shape, double value) {
        return make(() -> torch.full(shape, new Scalar(value)), shape);
    }

    /**
     * {@return zeros with the shape, dtype and device of {@code like}; mirrors {@code torch.zeros_like}}
     *
     * @param like the tensor whose shape, dtype and device the result takes
     */
    public static Tensor zerosLike(Tensor like) {
        return Tensor.wrap(call(() -> torch.zeros_like(like.raw())));
    }

    /**
     * {@return ones with the shape, dtype and device of {@code like}; mirrors {@code torch.ones_like}}
     *
     * @param like the tensor whose shape, dtype and device the result takes
     */
    public static Tensor onesLike(Tensor like) {
        return Tensor.wrap(call(() -> torch.ones_like(like.raw())));
    }

    /**
     * {@return random N(0, 1) values with the shape, dtype and device of {@code like}; mirrors {@code
     * torch.randn_like}}
     *
     * @param like the tensor whose shape, dtype and device the result takes
     */
    public static Tensor randnLike(Tensor like) {
        return Tensor.wrap(call(() -> torch.randn_like(like.raw())));
    }

    /**
     * {@return random values in [0, 1) with the shape, dtype and device of {@code like}; mirrors {@code
     * torch.rand_like}}
     *
     * @param like the tensor whose shape, dtype and device the result takes
     */
    public static Tensor randLike(Tensor like) {
        return Tensor.wrap(call(() -> torch.rand_like(like.raw())));
    }

    /**
     * {@return {@code value} everywhere, with the shape, dtype and device of {@code like}; mirrors
     * {@code torch.full_like}}
     *
     * @param like the tensor whose shape, dtype and device the result takes
     * @param value the number, as a Python float would be
     */
    public static Tensor fullLike(Tensor like, double value) {
        return Tensor.wrap(call(() -> torch.full_like(like.raw(), new Scalar(value))));
    }

    /**
     * {@return a tensor of {@code dtype} filled with {@code value}; mirrors {@code torch.full(size,
     * value, dtype=dtype)}}
     *
     * @param shape the size of each dimension
     * @param value the number, as a Python float would be
     * @param dtype the element type
     */
    public static Tensor full(long[] shape, double value, DType dtype) {
        return make(() -> torch.full(shape, new Scalar(value), new TensorOptions(dtype.scalarType())), shape);
    }

    /**
     * {@return the n x n identity matrix in float32; mirrors {@code torch.eye(n)}}
     *
     * @param n the number of rows
     */
    public static Tensor eye(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("eye needs n >= 0, got " + n);
        }
        return Tensor.wrap(call(() -> torch.eye(n)));
    }

    /**
     * {@return the n x m matrix with ones on the diagonal, in float32; mirrors {@code torch.eye(n,
     * m)}}
     *
     * @param n the number of rows
     * @param m the number of columns (default {@code n})
     */
    public static Tensor eye(long n, long m) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("eye needs n, m >= 0, got " + n + ", " + m);
        }
        return Tensor.wrap(call(() -> torch.eye(n, m)));
    }

    /**
     * {@return an uninitialised float32 tensor; mirrors {@code torch.empty(*size)}}
     *
     * @param shape the size of each dimension
     */
    public static Tensor empty(long... shape) {
        return make(() -> HostCopy.empty(shape, DType.FLOAT32), shape);
    }

    /**
     * {@return 0, 1, ..., end-1 as int64; mirrors {@code torch.arange(end)}}
     *
     * @param end the end value; excluded by {@code arange}, included by {@code linspace}
     */
    public static Tensor arange(long end) {
        return Tensor.wrap(call(() -> torch.arange(new Scalar(end))));
    }

    /**
     * {@return start, start+step, ..} below end, as float32; mirrors {@code torch.arange(start, end, step)}
     * with float arguments.
     *
     * @param start the first value (default 0)
     * @param end the end value; excluded by {@code arange}, included by {@code linspace}
     * @param step the difference between consecutive values (default 1)
     */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange step must not be 0");
        }
        return Tensor.wrap(call(() -> torch.arange(new Scalar(start), new Scalar(end), new Scalar(step))));
    }

    /**
     * {@return start, start+1, ..., end-1 as int64; mirrors {@code torch.arange(start, end)} with integers}
     *
     * @param start the first value (default 0)
     * @param end the end value; excluded by {@code arange}, included by {@code linspace}
     */
    public static Tensor arange(long start, long end) {
        return arange(start, end, 1L);
    }

    /**
     * {@return start, start+step, ..} below end (above it for a negative step), as int64; mirrors {@code
     * torch.arange(start, end, step)} with integers.
     *
     * @param start the first value (default 0)
     * @param end the end value; excluded by {@code arange}, included by {@code linspace}
     * @param step the difference between consecutive values (default 1)
     */
    public static Tensor arange(long start, long end, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange step must not be 0");
        }
        return Tensor.wrap(call(() -> torch.arange(new Scalar(start), new Scalar(end), new Scalar(step))));
    }

    /**
     * {@return {@code steps} evenly spaced float32 values from {@code start} to {@code end}, both
     * included; mirrors {@code torch.linspace}}
     *
     * @param start the first value (default 0)
     * @param end the end value; excluded by {@code arange}, included by {@code linspace}
     * @param steps the number of values
     */
    public static Tensor linspace(double start, double end, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace needs steps >= 0, got " + steps);
        }
        return Tensor.wrap(call(() -> torch.linspace(new Scalar(start), new Scalar(end), steps)));
    }

    // ---------------------------------------------------------------- tensors from Java data

    /**
     * {@return a 1-D float32 tensor; mirrors {@code torch.tensor([...])}}
     *
     * @param data the values, in row-major order
     */
    public static Tensor tensor(float... data) {
        return HostCopy.fromFloats(data, new long[] {data.length});
    }

    /**
     * {@return a float32 tensor with the given shape, values in row-major order}
     *
     * @param data the values, in row-major order
     * @param shape the size of each dimension
     */
    public static Tensor tensor(float[] data, long... shape) {
        return HostCopy.fromFloats(data, shape);
    }

    /**
     * {@return a 2-D float32 tensor from rows of equal length; mirrors {@code torch.tensor([[...],
     * [...]])}}
     *
     * @param rows the rows of a matrix, all of one length
     */
    public static Tensor tensor(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return HostCopy.fromFloats(flat, new long[] {rows.length, cols});
    }

    /**
     * {@return a 1-D float64 tensor}
     *
     * @param data the values, in row-major order
     */
    public static Tensor tensor(double... data) {
        return HostCopy.fromDoubles(data, new long[] {data.length});
    }

    /**
     * {@return a float64 tensor with the given shape}
     *
     * @param data the values, in row-major order
     * @param shape the size of each dimension
     */
    public static Tensor tensor(double[] data, long... shape) {
        return HostCopy.fromDoubles(data, shape);
    }

    /**
     * {@return a 1-D int64 tensor, the type PyTorch uses for class labels}
     *
     * @param data the values, in row-major order
     */
    public static Tensor tensor(long... data) {
        return HostCopy.fromLongs(data, new long[] {data.length});
    }

    /**
     * {@return an int64 tensor with the given shape}
     *
     * @param data the values, in row-major order
     * @param shape the size of each dimension
     */
    public static Tensor tensor(long[] data, long... shape) {
        return HostCopy.fromLongs(data, shape);
    }

    /**
     * {@return a 1-D int32 tensor}
     *
     * @param data the values, in row-major order
     */
    public static Tensor tensor(int... data) {
        return HostCopy.fromInts(data, new long[] {data.length});
    }

    /**
     * {@return a 1-D bool tensor}
     *
     * @param data the values, in row-major order
     */
    public static Tensor tensor(boolean... data) {
        return HostCopy.fromBooleans(data, new long[] {data.length});
    }

    /**
     * {@return a uint8 or int8 tensor of the given shape from raw bytes (e.g. image pixels)}
     *
     * @param data the values, in row-major order
     * @param dtype the element type
     * @param shape the size of each dimension
     */
    public static Tensor tensor(byte[] data, DType dtype, long... shape) {
        return HostCopy.fromBytes(data, shape, dtype);
    }

    /**
     * {@return a tensor of {@code dtype} whose elements are read from {@code data} in the machine's byte
     * order (little-endian on x86 and ARM); mirrors {@code torch.frombuffer(data, dtype=dtype).reshape(shape)}}
     *
     * @param data the values, in row-major order
     * @param dtype the element type
     * @param shape the size of each dimension
     */
    public static Tensor fromBytes(byte[] data, DType dtype, long... shape) {
        return HostCopy.fromRawBytes(data, dtype, shape);
    }

    // ---------------------------------------------------------------- files

    /**
     * Reads a file written by Python's {@code torch.save}, without running any code; mirrors
     * {@code torch.load(path, weights_only=True)}. A state dict comes back as an ordered
     * {@code Map<String, Tensor>}; see {@link io.jtorch.serialization.TorchSerialization#load}.
     *
     * @param path the file
     * @return what the file holds: tensors, maps, lists, numbers and strings
     * @throws java.io.IOException if the file cannot be read, or is not a {@code torch.save} file
     *     of tensors, numbers and strings
     */
    public static Object load(java.nio.file.Path path) throws java.io.IOException {
        return io.jtorch.serialization.TorchSerialization.load(path);
    }

    /**
     * Writes tensors, or maps and lists of them, in {@code torch.save}'s format, atomically;
     * mirrors {@code torch.save(obj, path)}.
     *
     * @param obj a tensor, or a map or list of tensors, numbers and strings (what
     *     {@code torch.save} writes for a state dict)
     * @param path the file
     * @throws java.io.IOException if the file cannot be written
     */
    public static void save(Object obj, java.nio.file.Path path) throws java.io.IOException {
        io.jtorch.serialization.TorchSerialization.save(obj, path);
    }

    // ---------------------------------------------------------------- combining

    /**
     * Joins tensors along an existing dimension; mirrors {@code torch.cat}.
     *
     * @return the tensors joined along {@code dim}
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("cat needs at least one tensor");
        }
        return Tensor.wrap(call(() -> torch.cat(vector(tensors), dim)));
    }

    /**
     * Joins tensors of equal shape along a new dimension; mirrors {@code torch.stack}.
     *
     * @return the tensors stacked along a new dimension {@code dim}
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack needs at least one tensor");
        }
        return Tensor.wrap(call(() -> torch.stack(vector(tensors), dim)));
    }

    private static TensorVector vector(List<Tensor> tensors) {
        org.bytedeco.pytorch.Tensor[] raws = new org.bytedeco.pytorch.Tensor[tensors.size()];
        for (int i = 0; i < raws.length; i++) {
            raws[i] = tensors.get(i).raw();
        }
        return new TensorVector(raws);
    }

    // ---------------------------------------------------------------- helpers

    private static Tensor make(Supplier<org.bytedeco.pytorch.Tensor> f, long[] shape) {
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Shapes.format(shape));
            }
        }
        return Tensor.wrap(call(f));
    }

    private static <T> T call(Supplier<T> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }
}
