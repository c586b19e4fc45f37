package io.jtorch;

import io.jtorch.internal.Errors;
import io.jtorch.internal.GradLock;

/**
 * A multi-dimensional array with autograd, backed by a libtorch tensor. Mirrors {@code torch.Tensor}.
 *
 * <p>Methods keep PyTorch's names in camelCase ({@code logSoftmax}, {@code requiresGrad}); methods
 * that modify the tensor in place keep PyTorch's trailing underscore ({@code add_}, {@code zero_}).
 * Operators become methods: {@code a + b} is {@code a.add(b)}, {@code a @ b} is {@code a.matmul(b)},
 * {@code a == b} is {@code a.eq(b)}, {@code a % b} is {@code a.remainder(b)}. Python's
 * {@code .float()}, {@code .double()}, {@code .long()} are {@link #float_()}, {@link #double_()},
 * {@link #long_()}, since those names are Java keywords.
 *
 * <p>The ops are written by hand in small layers, one family per file, that this class puts
 * together: arithmetic ({@code ArithmeticOps}), element-wise functions and comparisons
 * ({@code MathOps}), reductions and sorting ({@code ReductionOps}), shapes and indexing
 * ({@code ShapeOps}) and in-place updates ({@code InPlaceOps}). This file holds what a tensor is:
 * its metadata, autograd, conversions and values.
 *
 * <p>Each {@code Tensor} owns one handle to libtorch's data; see {@link Scope} for when handles
 * are released and {@link #retain()} for keeping one longer. A tensor may be read from several
 * threads; modifying it in place while another thread uses it is a data race, as in PyTorch.
 */
public class Tensor extends InPlaceOps {
    /**
     * Wraps a handle; the new tensor owns it.
     *
     * @param raw the presets' tensor, owned by the new object from now on
     */
    protected Tensor(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
    }

    /**
     * Wraps a presets tensor, taking ownership of the handle: do not deallocate {@code raw}
     * yourself afterwards. Returns {@code null} for an undefined tensor, as PyTorch returns None.
     *
     * @param raw the presets' tensor, owned by the new object from now on
     * @return the new tensor, owning {@code raw}
     */
    public static Tensor wrap(org.bytedeco.pytorch.Tensor raw) {
        return raw == null || raw.isNull() || !raw.defined() ? null : new Tensor(raw);
    }

    // ---------------------------------------------------------------- metadata

    /** {@return the shape; mirrors {@code tensor.shape}} */
    public long[] shape() {
        return call(() -> raw().sizes().vec().get());
    }

    /**
     * {@return the size of dimension {@code dim}; negative values count from the end, as in
     * PyTorch}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public long size(int dim) {
        long[] shape = shape();
        int d = dim < 0 ? dim + shape.length : dim;
        if (d < 0 || d >= shape.length) {
            throw new IndexOutOfBoundsException("dimension " + dim + " is out of range for a tensor of shape " + Shapes.format(shape));
        }
        return shape[d];
    }

    /** {@return the number of dimensions; mirrors {@code tensor.dim()}} */
    public int dim() {
        return (int) raw().dim();
    }

    /** {@return the number of elements; mirrors {@code tensor.numel()}} */
    public long numel() {
        return raw().numel();
    }

    /** {@return the element type; mirrors {@code tensor.dtype}} */
    public DType dtype() {
        return DType.of(raw().scalar_type());
    }

    /** {@return the device; mirrors {@code tensor.device}} */
    public Device device() {
        return Device.fromNative(raw().device());
    }

    /**
     * {@return whether autograd records operations on this tensor; mirrors {@code
     * tensor.requires_grad}}
     */
    public boolean requiresGrad() {
        return raw().requires_grad();
    }

    /**
     * Sets whether autograd records operations on this tensor; mirrors {@code
     * tensor.requires_grad_()}. Returns this.
     *
     * @param requiresGrad whether autograd records operations on this tensor
     * @return this, for chaining
     */
    public Tensor requiresGrad(boolean requiresGrad) {
        call(() -> raw().requires_grad_(requiresGrad));
        return this;
    }

    /**
     * {@return the accumulated gradient, or {@code null} when there is none; mirrors {@code
     * tensor.grad}}
     */
    public Tensor grad() {
        org.bytedeco.pytorch.Tensor r = raw();
        return GradLock.access(() -> {
            org.bytedeco.pytorch.Tensor g = r.grad();
            return g.defined() ? new Tensor(new org.bytedeco.pytorch.Tensor(g)) : null;
        });
    }

    /**
     * {@return whether this tensor is a leaf of the autograd graph; mirrors {@code tensor.is_leaf}}
     */
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

    /**
     * Backpropagates {@code gradient} (same shape as this tensor); mirrors {@code
     * tensor.backward(gradient)}.
     *
     * @param gradient the gradient of the output with respect to this tensor, of this tensor's
     *     shape
     */
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

    /**
     * {@return a tensor sharing this one's data, cut from the autograd graph; mirrors {@code
     * tensor.detach()}}
     */
    public Tensor detach() {
        return op(() -> raw().detach());
    }

    /** A copy of this tensor's data, still connected to the autograd graph; mirrors {@code tensor.clone()}. */
    @Override
    public Tensor clone() {
        return op(() -> raw().clone());
    }

    /**
     * {@return this tensor in contiguous memory (itself when already contiguous); mirrors {@code
     * tensor.contiguous()}}
     */
    public Tensor contiguous() {
        return op(() -> raw().contiguous());
    }

    /**
     * {@return this tensor on {@code device}; mirrors {@code tensor.to(device)}}
     *
     * @param device the device the result lives on
     */
    public Tensor to(Device device) {
        raw(); // a released tensor is reported before a missing device
        Cuda.INSTANCE.check(device);
        return op(() -> raw().to(device.toNative(), raw().scalar_type()));
    }

    /**
     * {@return this tensor on {@code device}; with {@code nonBlocking}, a copy between page-locked host
     * memory ({@link #pinMemory()}) and a CUDA device runs asynchronously to the host} Mirrors
     * {@code tensor.to(device, non_blocking=True)}; elsewhere it is an ordinary copy.
     *
     * @param nonBlocking whether the copy may be asynchronous (from page-locked memory to CUDA)
     * @param device the device the result lives on
     */
    public Tensor to(Device device, boolean nonBlocking) {
        return op(() -> raw().to(device.toNative(), raw().scalar_type(), nonBlocking, false, new org.bytedeco.pytorch.MemoryFormatOptional()));
    }

    /**
     * {@return a copy of this CPU tensor in page-locked (pinned) host memory, which CUDA copies read
     * asynchronously; mirrors {@code tensor.pin_memory()}} Needs the CUDA build of libtorch
     * ({@code mvn -Pgpu}) and a CUDA device.
     */
    public Tensor pinMemory() {
        return op(() -> raw().pin_memory());
    }

    /**
     * {@return whether this tensor is in page-locked host memory; mirrors {@code
     * tensor.is_pinned()}}
     */
    public boolean isPinned() {
        return call(() -> raw().is_pinned());
    }

    /**
     * {@return this tensor converted to {@code dtype}; mirrors {@code tensor.to(dtype)}}
     *
     * @param dtype the element type
     */
    public Tensor to(DType dtype) {
        return op(() -> raw().to(dtype.scalarType()));
    }

    /**
     * {@return this tensor on {@code device} with element type {@code dtype}; mirrors {@code
     * tensor.to(device, dtype)}}
     *
     * @param device the device the result lives on
     * @param dtype the element type
     */
    public Tensor to(Device device, DType dtype) {
        raw(); // a released tensor is reported before a missing device
        Cuda.INSTANCE.check(device);
        return op(() -> raw().to(device.toNative(), dtype.scalarType()));
    }


    /**
     * {@return a tensor sharing this one's data, cut from the autograd graph and not requiring
     * grad; mirrors {@code tensor.data}}
     */
    public Tensor data() {
        return op(() -> raw().variable_data());
    }

    /**
     * {@return this tensor in CPU memory (itself when already there); mirrors {@code tensor.cpu()}}
     */
    public Tensor cpu() {
        return op(() -> raw().cpu());
    }

    /** {@return this tensor as float32; mirrors {@code tensor.float()}} */
    public Tensor float_() {
        return to(DType.FLOAT32);
    }

    /** {@return this tensor as float64; mirrors {@code tensor.double()}} */
    public Tensor double_() {
        return to(DType.FLOAT64);
    }

    /** {@return this tensor as float16; mirrors {@code tensor.half()}} */
    public Tensor half() {
        return to(DType.FLOAT16);
    }

    /** {@return this tensor as int64; mirrors {@code tensor.long()}} */
    public Tensor long_() {
        return to(DType.INT64);
    }

    /** {@return this tensor as int32; mirrors {@code tensor.int()}} */
    public Tensor int_() {
        return to(DType.INT32);
    }

    /** {@return this tensor as bool (non-zero is true); mirrors {@code tensor.bool()}} */
    public Tensor bool_() {
        return to(DType.BOOL);
    }

    // ---------------------------------------------------------------- reading values

    /** {@return the single value of a one-element tensor; mirrors {@code tensor.item()}} */
    public double item() {
        checkOneElement();
        return call(() -> raw().item().toDouble());
    }

    /**
     * {@return the single value of a one-element integer tensor, exactly; mirrors {@code
     * tensor.item()} for integers}
     */
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

    /**
     * {@return all values as floats in row-major order, converting from the tensor's dtype; mirrors
     * {@code tensor.tolist()} flattened}
     */
    public float[] toFloatArray() {
        return HostCopy.toFloatArray(this);
    }

    /** {@return all values as doubles in row-major order} */
    public double[] toDoubleArray() {
        return HostCopy.toDoubleArray(this);
    }

    /**
     * {@return all values as longs in row-major order (floating values are truncated toward zero)}
     */
    public long[] toLongArray() {
        return HostCopy.toLongArray(this);
    }

    /** {@return all values as ints in row-major order} */
    public int[] toIntArray() {
        return HostCopy.toIntArray(this);
    }

    /**
     * {@return the raw bytes of the elements in row-major order, in the machine's byte order (little-endian
     * on x86 and ARM), whatever the dtype: what {@code tensor.numpy().tobytes()} gives}
     */
    public byte[] toByteArray() {
        return HostCopy.toByteArray(this);
    }

    /** {@return all values as booleans (non-zero is true) in row-major order} */
    public boolean[] toBooleanArray() {
        return HostCopy.toBooleanArray(this);
    }

    /**
     * {@return whether both tensors have the same shape and values; mirrors {@code torch.equal}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public boolean equal(Tensor other) {
        return call(() -> raw().equal(other.raw()));
    }

    /**
     * {@return whether all values are close: {@code |a - b| <= atol + rtol * |b|}; mirrors {@code
     * torch.allclose}}
     *
     * @param rtol the relative tolerance (PyTorch's default 1e-5)
     * @param atol the absolute tolerance (PyTorch's default 1e-8)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public boolean allclose(Tensor other, double rtol, double atol) {
        DType a = dtype();
        DType b = other.dtype();
        if (a != b) {
            throw new IllegalArgumentException("allclose needs tensors of one dtype, got " + a + " and " + b + "; convert one with to(dtype)");
        }
        return call(() -> raw().allclose(other.raw(), rtol, atol, false));
    }

    // ---------------------------------------------------------------- layout

    /** {@return the strides, in elements; mirrors {@code tensor.stride()}} */
    public long[] strides() {
        return call(() -> raw().strides().vec().get());
    }

    /**
     * {@return the offset of the first element in the storage, in elements; mirrors {@code
     * tensor.storage_offset()}}
     */
    public long storageOffset() {
        return raw().storage_offset();
    }

    /**
     * {@return whether the elements are laid out contiguously in row-major order; mirrors {@code
     * tensor.is_contiguous()}}
     */
    public boolean isContiguous() {
        return raw().is_contiguous();
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
}
