package io.jtorch;

import io.jtorch.internal.Errors;
import io.jtorch.internal.GradLock;
import io.jtorch.internal.MemoryValve;
import io.jtorch.internal.Native;
import java.util.function.Supplier;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;

/**
 * A multi-dimensional array with autograd, backed by a libtorch tensor. Mirrors {@code torch.Tensor}.
 *
 * <p>Methods keep PyTorch's names in camelCase ({@code logSoftmax}, {@code requiresGrad}); methods
 * that modify the tensor in place keep PyTorch's trailing underscore ({@code add_}, {@code zero_}).
 * Operators become methods: {@code a + b} is {@code a.add(b)}, {@code a @ b} is {@code a.matmul(b)},
 * {@code a == b} is {@code a.eq(b)}.
 *
 * <p>Each {@code Tensor} owns one handle to libtorch's data; see {@link Scope} for when handles
 * are released and {@link #retain()} for keeping one longer. A tensor may be read from several
 * threads; modifying it in place while another thread uses it is a data race, as in PyTorch.
 */
public class Tensor {
    static {
        Native.load();
    }

    private final org.bytedeco.pytorch.Tensor raw;

    /** Wraps a handle; the new tensor owns it. */
    protected Tensor(org.bytedeco.pytorch.Tensor raw) {
        if (raw == null) {
            throw new NullPointerException("raw tensor");
        }
        this.raw = raw;
        MemoryValve.tick();
    }

    /**
     * Wraps a presets tensor, taking ownership of the handle: do not deallocate {@code raw}
     * yourself afterwards. Returns {@code null} for an undefined tensor, as PyTorch returns None.
     */
    public static Tensor wrap(org.bytedeco.pytorch.Tensor raw) {
        return raw == null || raw.isNull() || !raw.defined() ? null : new Tensor(raw);
    }

    /**
     * The presets' tensor behind this one: the escape hatch to the whole libtorch API. It stays
     * valid as long as this tensor is alive and not released.
     *
     * @throws IllegalStateException if this tensor's handle has been released
     */
    public final org.bytedeco.pytorch.Tensor raw() {
        if (raw.isNull()) {
            throw new IllegalStateException("this tensor was released when its scope closed (each DataLoader batch is a scope); "
                    + "call retain() on tensors that must outlive their batch or scope");
        }
        return raw;
    }

    /** Whether this tensor's handle has been released (see {@link Scope}). */
    public final boolean isReleased() {
        return raw.isNull();
    }

    /**
     * Keeps this tensor alive past the scope it was created in (a DataLoader batch or a
     * {@link Scope}); the garbage collector releases it once it is unreachable. Returns this.
     */
    public Tensor retain() {
        raw().retainReference();
        return this;
    }

    // ---------------------------------------------------------------- metadata

    /** The shape; mirrors {@code tensor.shape}. */
    public long[] shape() {
        return call(() -> raw().sizes().vec().get());
    }

    /** The size of dimension {@code dim}; negative values count from the end, as in PyTorch. */
    public long size(int dim) {
        long[] shape = shape();
        int d = dim < 0 ? dim + shape.length : dim;
        if (d < 0 || d >= shape.length) {
            throw new IndexOutOfBoundsException("dimension " + dim + " is out of range for a tensor of shape " + Shapes.format(shape));
        }
        return shape[d];
    }

    /** The number of dimensions; mirrors {@code tensor.dim()}. */
    public int dim() {
        return (int) raw().dim();
    }

    /** The number of elements; mirrors {@code tensor.numel()}. */
    public long numel() {
        return raw().numel();
    }

    /** The element type; mirrors {@code tensor.dtype}. */
    public DType dtype() {
        return DType.of(raw().scalar_type());
    }

    /** The device; mirrors {@code tensor.device}. */
    public Device device() {
        return Device.fromNative(raw().device());
    }

    /** Whether autograd records operations on this tensor; mirrors {@code tensor.requires_grad}. */
    public boolean requiresGrad() {
        return raw().requires_grad();
    }

    /** Sets whether autograd records operations on this tensor; mirrors {@code tensor.requires_grad_()}. Returns this. */
    public Tensor requiresGrad(boolean requiresGrad) {
        call(() -> raw().requires_grad_(requiresGrad));
        return this;
    }

    /** The accumulated gradient, or {@code null} when there is none; mirrors {@code tensor.grad}. */
    public Tensor grad() {
        org.bytedeco.pytorch.Tensor r = raw();
        return GradLock.access(() -> {
            org.bytedeco.pytorch.Tensor g = r.grad();
            return g.defined() ? new Tensor(new org.bytedeco.pytorch.Tensor(g)) : null;
        });
    }

    /** Whether this tensor is a leaf of the autograd graph; mirrors {@code tensor.is_leaf}. */
    public boolean isLeaf() {
        return raw().is_leaf();
    }

    // ---------------------------------------------------------------- autograd

    /** Computes gradients of this scalar with respect to the graph's leaves; mirrors {@code tensor.backward()}. */
    public void backward() {
        org.bytedeco.pytorch.Tensor r = raw();
        if (!r.requires_grad()) {
            throw new IllegalStateException("backward() on a tensor that does not require grad: every parameter that produced it "
                    + "is frozen (requiresGrad(false)) or it was computed under Torch.noGrad()");
        }
        if (r.numel() != 1) {
            throw new IllegalArgumentException("backward() without a gradient needs a tensor with one element, got shape "
                    + Shapes.format(shape()) + "; reduce it first (sum() or mean())");
        }
        try {
            GradLock.backward(r::backward);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "backward");
        }
    }

    /** Backpropagates {@code gradient} (same shape as this tensor); mirrors {@code tensor.backward(gradient)}. */
    public void backward(Tensor gradient) {
        org.bytedeco.pytorch.Tensor r = raw();
        org.bytedeco.pytorch.Tensor g = gradient.raw();
        try {
            GradLock.backward(() -> r.backward(g, new org.bytedeco.pytorch.BoolOptional(), false,
                    new org.bytedeco.pytorch.TensorArrayRefOptional()));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "backward");
        }
    }

    /** A tensor sharing this one's data, cut from the autograd graph; mirrors {@code tensor.detach()}. */
    public Tensor detach() {
        return op(() -> raw().detach());
    }

    /** A copy of this tensor's data, still connected to the autograd graph; mirrors {@code tensor.clone()}. */
    @Override
    public Tensor clone() {
        return op(() -> raw().clone());
    }

    /** This tensor in contiguous memory (itself when already contiguous); mirrors {@code tensor.contiguous()}. */
    public Tensor contiguous() {
        return op(() -> raw().contiguous());
    }

    /** This tensor on {@code device}; mirrors {@code tensor.to(device)}. */
    public Tensor to(Device device) {
        raw(); // a released tensor is reported before a missing device
        Cuda.INSTANCE.check(device);
        return op(() -> raw().to(device.toNative(), raw().scalar_type()));
    }

    /**
     * This tensor on {@code device}; with {@code nonBlocking}, a copy between page-locked host
     * memory ({@link #pinMemory()}) and a CUDA device runs asynchronously to the host. Mirrors
     * {@code tensor.to(device, non_blocking=True)}; elsewhere it is an ordinary copy.
     */
    public Tensor to(Device device, boolean nonBlocking) {
        return op(() -> raw().to(device.toNative(), raw().scalar_type(), nonBlocking, false, new org.bytedeco.pytorch.MemoryFormatOptional()));
    }

    /**
     * A copy of this CPU tensor in page-locked (pinned) host memory, which CUDA copies read
     * asynchronously; mirrors {@code tensor.pin_memory()}. Needs the CUDA build of libtorch
     * ({@code mvn -Pgpu}) and a CUDA device.
     */
    public Tensor pinMemory() {
        return op(() -> raw().pin_memory());
    }

    /** Whether this tensor is in page-locked host memory; mirrors {@code tensor.is_pinned()}. */
    public boolean isPinned() {
        return call(() -> raw().is_pinned());
    }

    /** This tensor converted to {@code dtype}; mirrors {@code tensor.to(dtype)}. */
    public Tensor to(DType dtype) {
        return op(() -> raw().to(dtype.scalarType()));
    }

    /** This tensor on {@code device} with element type {@code dtype}; mirrors {@code tensor.to(device, dtype)}. */
    public Tensor to(Device device, DType dtype) {
        raw(); // a released tensor is reported before a missing device
        Cuda.INSTANCE.check(device);
        return op(() -> raw().to(device.toNative(), dtype.scalarType()));
    }

    // ---------------------------------------------------------------- reading values

    /** The single value of a one-element tensor; mirrors {@code tensor.item()}. */
    public double item() {
        checkOneElement();
        return call(() -> raw().item().toDouble());
    }

    /** The single value of a one-element integer tensor, exactly; mirrors {@code tensor.item()} for integers. */
    public long itemLong() {
        checkOneElement();
        return call(() -> raw().item().toLong());
    }

    private void checkOneElement() {
        long n = numel();
        if (n != 1) {
            throw new IllegalStateException("item() needs a tensor with one element, got shape " + Shapes.format(shape()));
        }
    }

    /** All values as floats in row-major order, converting from the tensor's dtype; mirrors {@code tensor.tolist()} flattened. */
    public float[] toFloatArray() {
        return HostCopy.toFloatArray(this);
    }

    /** All values as doubles in row-major order. */
    public double[] toDoubleArray() {
        return HostCopy.toDoubleArray(this);
    }

    /** All values as longs in row-major order (floating values are truncated toward zero). */
    public long[] toLongArray() {
        return HostCopy.toLongArray(this);
    }

    /** All values as ints in row-major order. */
    public int[] toIntArray() {
        return HostCopy.toIntArray(this);
    }

    /**
     * The raw bytes of the elements in row-major order, in the machine's byte order (little-endian
     * on x86 and ARM), whatever the dtype: what {@code tensor.numpy().tobytes()} gives.
     */
    public byte[] toByteArray() {
        return HostCopy.toByteArray(this);
    }

    /** All values as booleans (non-zero is true) in row-major order. */
    public boolean[] toBooleanArray() {
        return HostCopy.toBooleanArray(this);
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return op(() -> raw().add(other.raw()));
    }

    /** {@code this + alpha * other}; mirrors {@code torch.add(input, other, alpha=alpha)}. */
    public Tensor add(Tensor other, double alpha) {
        return op(() -> raw().add(other.raw(), new Scalar(alpha)));
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return op(() -> raw().add(new Scalar(value)));
    }

    /** {@code this + value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor add(long value) {
        return op(() -> raw().add(new Scalar(value)));
    }

    /** {@code this - other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return op(() -> raw().sub(other.raw()));
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return op(() -> raw().sub(new Scalar(value)));
    }

    /** {@code this - value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor sub(long value) {
        return op(() -> raw().sub(new Scalar(value)));
    }

    /** {@code this * other}, element-wise and broadcasting. */
    public Tensor mul(Tensor other) {
        return op(() -> raw().mul(other.raw()));
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return op(() -> raw().mul(new Scalar(value)));
    }

    /** {@code this * value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor mul(long value) {
        return op(() -> raw().mul(new Scalar(value)));
    }

    /** {@code this / other}, element-wise true division. */
    public Tensor div(Tensor other) {
        return op(() -> raw().div(other.raw()));
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return op(() -> raw().div(new Scalar(value)));
    }

    /** {@code this / value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor div(long value) {
        return op(() -> raw().div(new Scalar(value)));
    }

    /** {@code -this}. */
    public Tensor neg() {
        return op(() -> raw().neg());
    }

    /** {@code this ** exponent}. */
    public Tensor pow(double exponent) {
        return op(() -> raw().pow(new Scalar(exponent)));
    }

    /** Element-wise e^x. */
    public Tensor exp() {
        return op(() -> raw().exp());
    }

    /** Element-wise natural logarithm. */
    public Tensor log() {
        return op(() -> raw().log());
    }

    /** Element-wise square root. */
    public Tensor sqrt() {
        return op(() -> raw().sqrt());
    }

    /** Element-wise absolute value. */
    public Tensor abs() {
        return op(() -> raw().abs());
    }

    /** Element-wise logistic sigmoid. */
    public Tensor sigmoid() {
        return op(() -> raw().sigmoid());
    }

    /** Element-wise hyperbolic tangent. */
    public Tensor tanh() {
        return op(() -> raw().tanh());
    }

    /** Element-wise {@code max(x, 0)}. */
    public Tensor relu() {
        return op(() -> org.bytedeco.pytorch.global.torch.relu(raw()));
    }

    /** Values limited to {@code [min, max]}; mirrors {@code tensor.clamp(min, max)}. */
    public Tensor clamp(double min, double max) {
        return op(() -> raw().clamp(new org.bytedeco.pytorch.ScalarOptional(new Scalar(min)),
                new org.bytedeco.pytorch.ScalarOptional(new Scalar(max))));
    }

    /** Matrix product {@code this @ other}; mirrors {@code torch.matmul}. */
    public Tensor matmul(Tensor other) {
        return op(() -> raw().matmul(other.raw()));
    }

    // ---------------------------------------------------------------- comparison (boolean tensors)

    /** Element-wise {@code this == other}. */
    public Tensor eq(Tensor other) {
        return op(() -> raw().eq(other.raw()));
    }

    /** Element-wise {@code this == value}. */
    public Tensor eq(double value) {
        return op(() -> raw().eq(new Scalar(value)));
    }

    /** Element-wise {@code this == value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor eq(long value) {
        return op(() -> raw().eq(new Scalar(value)));
    }

    /** Element-wise {@code this != other}. */
    public Tensor ne(Tensor other) {
        return op(() -> raw().ne(other.raw()));
    }

    /** Element-wise {@code this != value}. */
    public Tensor ne(double value) {
        return op(() -> raw().ne(new Scalar(value)));
    }

    /** Element-wise {@code this != value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor ne(long value) {
        return op(() -> raw().ne(new Scalar(value)));
    }

    /** Element-wise {@code this > other}. */
    public Tensor gt(Tensor other) {
        return op(() -> raw().gt(other.raw()));
    }

    /** Element-wise {@code this > value}. */
    public Tensor gt(double value) {
        return op(() -> raw().gt(new Scalar(value)));
    }

    /** Element-wise {@code this > value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor gt(long value) {
        return op(() -> raw().gt(new Scalar(value)));
    }

    /** Element-wise {@code this >= other}. */
    public Tensor ge(Tensor other) {
        return op(() -> raw().ge(other.raw()));
    }

    /** Element-wise {@code this >= value}. */
    public Tensor ge(double value) {
        return op(() -> raw().ge(new Scalar(value)));
    }

    /** Element-wise {@code this >= value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor ge(long value) {
        return op(() -> raw().ge(new Scalar(value)));
    }

    /** Element-wise {@code this < other}. */
    public Tensor lt(Tensor other) {
        return op(() -> raw().lt(other.raw()));
    }

    /** Element-wise {@code this < value}. */
    public Tensor lt(double value) {
        return op(() -> raw().lt(new Scalar(value)));
    }

    /** Element-wise {@code this < value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor lt(long value) {
        return op(() -> raw().lt(new Scalar(value)));
    }

    /** Element-wise {@code this <= other}. */
    public Tensor le(Tensor other) {
        return op(() -> raw().le(other.raw()));
    }

    /** Element-wise {@code this <= value}. */
    public Tensor le(double value) {
        return op(() -> raw().le(new Scalar(value)));
    }

    /** Element-wise {@code this <= value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor le(long value) {
        return op(() -> raw().le(new Scalar(value)));
    }

    /** Whether both tensors have the same shape and values; mirrors {@code torch.equal}. */
    public boolean equal(Tensor other) {
        return call(() -> raw().equal(other.raw()));
    }

    /** Whether all values are close: {@code |a - b| <= atol + rtol * |b|}; mirrors {@code torch.allclose}. */
    public boolean allclose(Tensor other, double rtol, double atol) {
        DType a = dtype();
        DType b = other.dtype();
        if (a != b) {
            throw new IllegalArgumentException("allclose needs tensors of one dtype, got " + a + " and " + b + "; convert one with to(dtype)");
        }
        return call(() -> raw().allclose(other.raw(), rtol, atol, false));
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements. */
    public Tensor sum() {
        return op(() -> raw().sum());
    }

    /** The sum over dimension {@code dim}. */
    public Tensor sum(int dim, boolean keepDim) {
        return op(() -> raw().sum(new long[] {dim}, keepDim, new org.bytedeco.pytorch.ScalarTypeOptional()));
    }

    /** The mean of all elements. */
    public Tensor mean() {
        return op(() -> raw().mean());
    }

    /** The mean over dimension {@code dim}. */
    public Tensor mean(int dim, boolean keepDim) {
        return op(() -> raw().mean(new long[] {dim}, keepDim, new org.bytedeco.pytorch.ScalarTypeOptional()));
    }

    /** The largest element. */
    public Tensor max() {
        return op(() -> raw().max());
    }

    /** The smallest element. */
    public Tensor min() {
        return op(() -> raw().min());
    }

    /** The index of the largest element of the flattened tensor. */
    public Tensor argmax() {
        return op(() -> raw().argmax());
    }

    /** The indices of the largest elements along {@code dim}; mirrors {@code tensor.argmax(dim)}. */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /** The indices of the largest elements along {@code dim}, keeping the dimension when asked. */
    public Tensor argmax(int dim, boolean keepDim) {
        return op(() -> raw().argmax(new LongOptional(dim), keepDim));
    }

    /** Softmax along {@code dim}; mirrors {@code tensor.softmax(dim)}. */
    public Tensor softmax(int dim) {
        return op(() -> org.bytedeco.pytorch.global.torch.softmax(raw(), dim));
    }

    /** Log-softmax along {@code dim}; mirrors {@code tensor.log_softmax(dim)}. */
    public Tensor logSoftmax(int dim) {
        return op(() -> org.bytedeco.pytorch.global.torch.log_softmax(raw(), dim));
    }

    // ---------------------------------------------------------------- shape and indexing

    /** A tensor with the same data and a new shape (one size may be -1); mirrors {@code tensor.reshape}. */
    public Tensor reshape(long... shape) {
        return op(() -> raw().reshape(shape));
    }

    /** A view with a new shape; mirrors {@code tensor.view}. */
    public Tensor view(long... shape) {
        return op(() -> raw().view(shape));
    }

    /**
     * The same bytes reinterpreted as {@code dtype}; mirrors {@code tensor.view(dtype)}. The last
     * dimension scales by the ratio of element sizes.
     */
    public Tensor view(DType dtype) {
        return op(() -> raw().view(dtype.scalarType()));
    }

    /**
     * A view of this tensor's storage with the given sizes, strides (in elements) and storage
     * offset; mirrors {@code tensor.as_strided(size, stride, storage_offset)}. The view must fit
     * inside the storage.
     */
    public Tensor asStrided(long[] size, long[] stride, long storageOffset) {
        raw(); // a released tensor is reported before a bad argument
        if (size.length != stride.length) {
            throw new IllegalArgumentException("as_strided needs as many strides as sizes, got " + Shapes.format(size) + " and "
                    + Shapes.format(stride));
        }
        return op(() -> raw().as_strided(size, stride, new LongOptional(storageOffset)));
    }

    /** The strides, in elements; mirrors {@code tensor.stride()}. */
    public long[] strides() {
        return call(() -> raw().strides().vec().get());
    }

    /** The offset of the first element in the storage, in elements; mirrors {@code tensor.storage_offset()}. */
    public long storageOffset() {
        return raw().storage_offset();
    }

    /** Whether the elements are laid out contiguously in row-major order; mirrors {@code tensor.is_contiguous()}. */
    public boolean isContiguous() {
        return raw().is_contiguous();
    }

    /** All dimensions flattened into one; mirrors {@code tensor.flatten()}. */
    public Tensor flatten() {
        return op(() -> raw().flatten());
    }

    /** Dimensions {@code startDim..endDim} flattened into one; mirrors {@code tensor.flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        return op(() -> raw().flatten(startDim, endDim));
    }

    /** The transpose of a matrix; mirrors {@code tensor.t()}. */
    public Tensor t() {
        return op(() -> raw().t());
    }

    /** Dimensions {@code dim0} and {@code dim1} swapped. */
    public Tensor transpose(int dim0, int dim1) {
        return op(() -> raw().transpose(dim0, dim1));
    }

    /** Dimensions reordered; mirrors {@code tensor.permute(*dims)}. */
    public Tensor permute(long... dims) {
        long[] shape = shape();
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("permute needs one dimension per dimension of the tensor of shape " + Shapes.format(shape)
                    + ", got " + Shapes.format(dims));
        }
        return op(() -> raw().permute(dims));
    }

    /** All dimensions of size 1 removed. */
    public Tensor squeeze() {
        return op(() -> raw().squeeze());
    }

    /** Dimension {@code dim} removed if its size is 1. */
    public Tensor squeeze(int dim) {
        return op(() -> raw().squeeze((long) dim));
    }

    /** A new dimension of size 1 inserted at {@code dim}. */
    public Tensor unsqueeze(int dim) {
        return op(() -> raw().unsqueeze(dim));
    }

    /** Row {@code index} along the first dimension; mirrors {@code tensor[index]}. */
    public Tensor get(long index) {
        return select(0, index);
    }

    /** The slice at {@code index} along {@code dim}, without that dimension; mirrors {@code tensor.select(dim, index)}. */
    public Tensor select(int dim, long index) {
        long size = size(dim);
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for dimension " + dim + " of size " + size);
        }
        return op(() -> raw().select(dim, index));
    }

    /** {@code length} entries of dimension {@code dim} from {@code start}; mirrors {@code tensor.narrow}. */
    public Tensor narrow(int dim, long start, long length) {
        return op(() -> raw().narrow(dim, start, length));
    }

    /** The entries of {@code dim} at the given int64 indices; mirrors {@code tensor.index_select}. */
    public Tensor indexSelect(int dim, Tensor indices) {
        return op(() -> raw().index_select(dim, indices.raw()));
    }

    // ---------------------------------------------------------------- in place

    /** {@code this += other}; returns this. */
    public Tensor add_(Tensor other) {
        return inPlace(() -> raw().add_(other.raw()));
    }

    /** {@code this += alpha * other}; returns this. */
    public Tensor add_(Tensor other, double alpha) {
        return inPlace(() -> raw().add_(other.raw(), new Scalar(alpha)));
    }

    /** {@code this += value}; returns this. */
    public Tensor add_(double value) {
        return inPlace(() -> raw().add_(new Scalar(value)));
    }

    /** {@code this += value}; returns this. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor add_(long value) {
        return inPlace(() -> raw().add_(new Scalar(value)));
    }

    /** {@code this -= other}; returns this. */
    public Tensor sub_(Tensor other) {
        return inPlace(() -> raw().sub_(other.raw()));
    }

    /** {@code this *= other}; returns this. */
    public Tensor mul_(Tensor other) {
        return inPlace(() -> raw().mul_(other.raw()));
    }

    /** {@code this *= value}; returns this. */
    public Tensor mul_(double value) {
        return inPlace(() -> raw().mul_(new Scalar(value)));
    }

    /** {@code this *= value}; returns this. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor mul_(long value) {
        return inPlace(() -> raw().mul_(new Scalar(value)));
    }

    /** {@code this /= other}; returns this. */
    public Tensor div_(Tensor other) {
        return inPlace(() -> raw().div_(other.raw()));
    }

    /** {@code this += value * t1 * t2}; mirrors {@code tensor.addcmul_}. Returns this. */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) {
        return inPlace(() -> raw().addcmul_(t1.raw(), t2.raw(), new Scalar(value)));
    }

    /** {@code this += value * t1 / t2}; mirrors {@code tensor.addcdiv_}. Returns this. */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) {
        return inPlace(() -> raw().addcdiv_(t1.raw(), t2.raw(), new Scalar(value)));
    }

    /** Sets every element to 0; returns this. */
    public Tensor zero_() {
        return inPlace(() -> raw().zero_());
    }

    /** Sets every element to {@code value}; returns this. */
    public Tensor fill_(double value) {
        return inPlace(() -> raw().fill_(new Scalar(value)));
    }

    /** Sets every element to {@code value}; returns this. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor fill_(long value) {
        return inPlace(() -> raw().fill_(new Scalar(value)));
    }

    /** Copies {@code src} (broadcast, converted) into this tensor; returns this. */
    public Tensor copy_(Tensor src) {
        return inPlace(() -> raw().copy_(src.raw()));
    }

    /** Fills with values drawn uniformly from {@code [from, to)} using the global generator; returns this. */
    public Tensor uniform_(double from, double to) {
        return inPlace(() -> raw().uniform_(from, to, new org.bytedeco.pytorch.GeneratorOptional()));
    }

    /** Fills with values drawn from N(mean, std²) using the global generator; returns this. */
    public Tensor normal_(double mean, double std) {
        return inPlace(() -> raw().normal_(mean, std, new org.bytedeco.pytorch.GeneratorOptional()));
    }

    // ---------------------------------------------------------------- printing

    /** PyTorch's rendering: {@code tensor([[1.0000, 2.0000]], requires_grad=True)}; long tensors are summarised. */
    @Override
    public String toString() {
        if (isReleased()) {
            return "tensor(<released>)";
        }
        return TensorFormat.format(this);
    }

    // ---------------------------------------------------------------- helpers

    private static Tensor op(Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            return new Tensor(f.get());
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    private Tensor inPlace(Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            f.get();
            return this;
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    private static <T> T call(Supplier<T> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }
}
