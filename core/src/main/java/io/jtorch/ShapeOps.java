package io.jtorch;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;

/**
 * The shape and indexing ops of {@link Tensor} (PyTorch's "indexing, slicing, joining, mutating
 * ops"): views and reshapes, permutations, expanding and repeating, splitting into pieces,
 * {@code tensor[i]}, {@code select}, {@code gather}, {@code scatter}, {@code masked_fill}.
 * Indices are int64 tensors and masks boolean tensors, as in PyTorch.
 */
abstract class ShapeOps extends ReductionOps {
    ShapeOps(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
    }

    /** A tensor with the same data and a new shape (one size may be -1); mirrors {@code tensor.reshape}. */
    public Tensor reshape(long... shape) {
        return op(() -> raw().reshape(shape));
    }

    /** This tensor reshaped to {@code other}'s shape; mirrors {@code tensor.reshape_as(other)}. */
    public Tensor reshapeAs(Tensor other) {
        return op(() -> raw().reshape_as(other.raw()));
    }

    /** A view with a new shape; mirrors {@code tensor.view}. */
    public Tensor view(long... shape) {
        return op(() -> raw().view(shape));
    }

    /** A view with {@code other}'s shape; mirrors {@code tensor.view_as(other)}. */
    public Tensor viewAs(Tensor other) {
        return op(() -> raw().view_as(other.raw()));
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

    /** All dimensions flattened into one; mirrors {@code tensor.flatten()}. */
    public Tensor flatten() {
        return op(() -> raw().flatten());
    }

    /** Dimensions {@code startDim..} (to the last) flattened into one; mirrors {@code tensor.flatten(start_dim)}. */
    public Tensor flatten(int startDim) {
        return flatten(startDim, -1);
    }

    /** Dimensions {@code startDim..endDim} flattened into one; mirrors {@code tensor.flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        int s = checkDim(startDim, "flatten");
        int e = checkDim(endDim, "flatten");
        return op(() -> raw().flatten(s, e));
    }

    /** The transpose of a matrix; mirrors {@code tensor.t()}. */
    public Tensor t() {
        return op(() -> raw().t());
    }

    /** Dimensions {@code dim0} and {@code dim1} swapped; mirrors {@code tensor.transpose(dim0, dim1)}. */
    public Tensor transpose(int dim0, int dim1) {
        int a = checkDim(dim0, "transpose");
        int b = checkDim(dim1, "transpose");
        return op(() -> raw().transpose(a, b));
    }

    /** Dimensions reordered; mirrors {@code tensor.permute(*dims)}. */
    public Tensor permute(long... dims) {
        long[] shape = raw().sizes().vec().get();
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("permute needs one dimension per dimension of the tensor of shape " + Shapes.format(shape)
                    + ", got " + Shapes.format(dims));
        }
        return op(() -> raw().permute(dims));
    }

    /** All dimensions of size 1 removed; mirrors {@code tensor.squeeze()}. */
    public Tensor squeeze() {
        return op(() -> raw().squeeze());
    }

    /** Dimension {@code dim} removed if its size is 1; mirrors {@code tensor.squeeze(dim)}. */
    public Tensor squeeze(int dim) {
        int d = checkDim(dim, "squeeze");
        return op(() -> raw().squeeze((long) d));
    }

    /** Each of the given dimensions removed if its size is 1; mirrors {@code tensor.squeeze((d0, d1, ...))}. */
    public Tensor squeeze(int... dims) {
        long[] d = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = checkDim(dims[i], "squeeze");
        }
        return op(() -> raw().squeeze(d));
    }

    /** A new dimension of size 1 inserted at {@code dim}; mirrors {@code tensor.unsqueeze(dim)}. */
    public Tensor unsqueeze(int dim) {
        int rank = (int) raw().dim() + 1;
        if (dim < -rank || dim >= rank) {
            throw new IndexOutOfBoundsException("unsqueeze: dimension " + dim + " is out of range for a tensor of shape "
                    + Shapes.format(raw().sizes().vec().get()) + " (expected a dimension in [" + -rank + ", " + (rank - 1) + "])");
        }
        return op(() -> raw().unsqueeze(dim));
    }

    /**
     * A view with dimensions of size 1 repeated to {@code sizes} (-1 keeps a size), without copying;
     * mirrors {@code tensor.expand(*sizes)}.
     */
    public Tensor expand(long... sizes) {
        try {
            return op(() -> raw().expand(sizes));
        } catch (TorchException e) {
            // libtorch reports this bad argument in words Errors does not classify
            throw new IllegalArgumentException("expand: cannot expand shape " + Shapes.format(raw().sizes().vec().get()) + " to "
                    + Shapes.format(sizes) + ": " + e.getMessage(), e);
        }
    }

    /** This tensor expanded to {@code other}'s shape; mirrors {@code tensor.expand_as(other)}. */
    public Tensor expandAs(Tensor other) {
        return op(() -> raw().expand_as(other.raw()));
    }

    /** The data tiled {@code repeats[i]} times along each dimension, copying; mirrors {@code tensor.repeat(*repeats)}. */
    public Tensor repeat(long... repeats) {
        long dims = raw().dim();
        if (repeats.length < dims) {
            throw new IllegalArgumentException("repeat needs at least one count per dimension of the tensor of shape "
                    + Shapes.format(raw().sizes().vec().get()) + ", got " + Shapes.format(repeats));
        }
        return op(() -> raw().repeat(repeats));
    }

    /** {@code chunks} pieces along dimension 0 (the last may be smaller); mirrors {@code tensor.chunk(chunks)}. */
    public List<Tensor> chunk(int chunks) {
        return chunk(chunks, 0);
    }

    /** {@code chunks} pieces along {@code dim} (the last may be smaller); mirrors {@code tensor.chunk(chunks, dim)}. */
    public List<Tensor> chunk(int chunks, int dim) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunk needs at least 1 chunk, got " + chunks);
        }
        int d = checkDim(dim, "chunk");
        return list(call(() -> raw().chunk(chunks, d)));
    }

    /** Pieces of {@code splitSize} along dimension 0 (the last may be smaller); mirrors {@code tensor.split(split_size)}. */
    public List<Tensor> split(long splitSize) {
        return split(splitSize, 0);
    }

    /** Pieces of {@code splitSize} along {@code dim} (the last may be smaller); mirrors {@code tensor.split(split_size, dim)}. */
    public List<Tensor> split(long splitSize, int dim) {
        if (splitSize < 1) {
            throw new IllegalArgumentException("split needs a split size of at least 1, got " + splitSize);
        }
        int d = checkDim(dim, "split");
        return list(call(() -> raw().split(splitSize, d)));
    }

    /** Pieces of the given sizes along {@code dim}, which must add up to its size; mirrors {@code tensor.split([s0, s1, ...], dim)}. */
    public List<Tensor> split(long[] sizes, int dim) {
        int d = checkDim(dim, "split");
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        long size = raw().dim() == 0 ? 1 : raw().size(d);
        if (total != size) {
            throw new IllegalArgumentException("split sizes " + Shapes.format(sizes) + " add up to " + total + ", but dimension " + dim
                    + " of the tensor of shape " + Shapes.format(raw().sizes().vec().get()) + " has size " + size);
        }
        return list(call(() -> raw().split(sizes, d)));
    }

    /** Row {@code index} along the first dimension; mirrors {@code tensor[index]}. */
    public Tensor get(long index) {
        return select(0, index);
    }

    /** The slice at {@code index} along {@code dim}, without that dimension; mirrors {@code tensor.select(dim, index)}. */
    public Tensor select(int dim, long index) {
        if (raw().dim() == 0) {
            throw new IndexOutOfBoundsException("select: a 0-dim tensor has no dimension " + dim + " to index");
        }
        int d = checkDim(dim, "select");
        long size = raw().size(d);
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for dimension " + dim + " of size " + size);
        }
        return op(() -> raw().select(d, index));
    }

    /** {@code length} entries of dimension {@code dim} from {@code start}; mirrors {@code tensor.narrow}. */
    public Tensor narrow(int dim, long start, long length) {
        return op(() -> raw().narrow(dim, start, length));
    }

    /** The entries of {@code dim} at the given int64 indices; mirrors {@code tensor.index_select}. */
    public Tensor indexSelect(int dim, Tensor indices) {
        return op(() -> raw().index_select(dim, indices.raw()));
    }

    /**
     * The values at {@code index} along {@code dim}: {@code out[i][j] = this[index[i][j]][j]} for
     * {@code dim = 0}; mirrors {@code tensor.gather(dim, index)}.
     */
    public Tensor gather(int dim, Tensor index) {
        int d = checkDim(dim, "gather");
        return op(() -> raw().gather(d, index.raw()));
    }

    /** A copy with {@code src}'s values written at {@code index} along {@code dim}; mirrors {@code tensor.scatter(dim, index, src)}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        int d = checkDim(dim, "scatter");
        return op(() -> raw().scatter(d, index.raw(), src.raw()));
    }

    /** A copy with {@code value} written at {@code index} along {@code dim}; mirrors {@code tensor.scatter(dim, index, value)}. */
    public Tensor scatter(int dim, Tensor index, double value) {
        int d = checkDim(dim, "scatter");
        return op(() -> raw().scatter(d, index.raw(), new Scalar(value)));
    }

    /** Writes {@code src}'s values at {@code index} along {@code dim}; mirrors {@code tensor.scatter_(dim, index, src)}. Returns this. */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        int d = checkDim(dim, "scatter_");
        return inPlace(() -> raw().scatter_(d, index.raw(), src.raw()));
    }

    /** Writes {@code value} at {@code index} along {@code dim}; mirrors {@code tensor.scatter_(dim, index, value)}. Returns this. */
    public Tensor scatter_(int dim, Tensor index, double value) {
        int d = checkDim(dim, "scatter_");
        return inPlace(() -> raw().scatter_(d, index.raw(), new Scalar(value)));
    }

    /** A copy with {@code value} where the boolean {@code mask} (broadcast) is true; mirrors {@code tensor.masked_fill(mask, value)}. */
    public Tensor maskedFill(Tensor mask, double value) {
        return op(() -> raw().masked_fill(mask.raw(), new Scalar(value)));
    }

    /** A copy with the one-element {@code value} where {@code mask} is true; mirrors {@code tensor.masked_fill(mask, value_tensor)}. */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return op(() -> raw().masked_fill(mask.raw(), value.raw()));
    }

    /** Writes {@code value} where the boolean {@code mask} (broadcast) is true; mirrors {@code tensor.masked_fill_(mask, value)}. Returns this. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return inPlace(() -> raw().masked_fill_(mask.raw(), new Scalar(value)));
    }

    /** The indices of the non-zero elements, one row per element, shape (n, dim); mirrors {@code tensor.nonzero()}. */
    public Tensor nonzero() {
        return op(() -> raw().nonzero());
    }

    /** The pieces of a presets vector, each an owned handle. */
    static List<Tensor> list(TensorVector v) {
        List<Tensor> out = new ArrayList<>((int) v.size());
        for (long i = 0; i < v.size(); i++) {
            out.add(new Tensor(new org.bytedeco.pytorch.Tensor(v.get(i))));
        }
        return out;
    }
}
