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

    /**
     * {@return a tensor with the same data and a new shape (one size may be -1); mirrors {@code
     * tensor.reshape}}
     *
     * @param shape the size of each dimension
     */
    public Tensor reshape(long... shape) {
        return op(() -> raw().reshape(shape));
    }

    /**
     * {@return this tensor reshaped to {@code other}'s shape; mirrors {@code
     * tensor.reshape_as(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor reshapeAs(Tensor other) {
        return op(() -> raw().reshape_as(other.raw()));
    }

    /**
     * {@return a view with a new shape; mirrors {@code tensor.view}}
     *
     * @param shape the size of each dimension
     */
    public Tensor view(long... shape) {
        return op(() -> raw().view(shape));
    }

    /**
     * {@return a view with {@code other}'s shape; mirrors {@code tensor.view_as(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor viewAs(Tensor other) {
        return op(() -> raw().view_as(other.raw()));
    }

    /**
     * {@return the same bytes reinterpreted as {@code dtype}; mirrors {@code tensor.view(dtype)}} The last
     * dimension scales by the ratio of element sizes.
     *
     * @param dtype the element type
     */
    public Tensor view(DType dtype) {
        return op(() -> raw().view(dtype.scalarType()));
    }

    /**
     * {@return a view of this tensor's storage with the given sizes, strides (in elements) and storage
     * offset; mirrors {@code tensor.as_strided(size, stride, storage_offset)}} The view must fit
     * inside the storage.
     *
     * @param size the shape of the view
     * @param stride the step in elements along each dimension of the view
     * @param storageOffset the position of the view's first element in the storage
     */
    public Tensor asStrided(long[] size, long[] stride, long storageOffset) {
        raw(); // a released tensor is reported before a bad argument
        if (size.length != stride.length) {
            throw new IllegalArgumentException("as_strided needs as many strides as sizes, got " + Shapes.format(size) + " and "
                    + Shapes.format(stride));
        }
        return op(() -> raw().as_strided(size, stride, new LongOptional(storageOffset)));
    }

    /** {@return all dimensions flattened into one; mirrors {@code tensor.flatten()}} */
    public Tensor flatten() {
        return op(() -> raw().flatten());
    }

    /**
     * {@return dimensions {@code startDim..} (to the last) flattened into one; mirrors {@code
     * tensor.flatten(start_dim)}}
     *
     * @param startDim the first dimension to flatten (default 0)
     */
    public Tensor flatten(int startDim) {
        return flatten(startDim, -1);
    }

    /**
     * {@return dimensions {@code startDim..endDim} flattened into one; mirrors {@code
     * tensor.flatten(start_dim, end_dim)}}
     *
     * @param startDim the first dimension to flatten (default 0)
     * @param endDim the last dimension to flatten (default -1)
     */
    public Tensor flatten(int startDim, int endDim) {
        int s = checkDim(startDim, "flatten");
        int e = checkDim(endDim, "flatten");
        return op(() -> raw().flatten(s, e));
    }

    /** {@return the transpose of a matrix; mirrors {@code tensor.t()}} */
    public Tensor t() {
        return op(() -> raw().t());
    }

    /**
     * {@return dimensions {@code dim0} and {@code dim1} swapped; mirrors {@code tensor.transpose(dim0,
     * dim1)}}
     *
     * @param dim0 the first dimension to swap
     * @param dim1 the second dimension to swap
     */
    public Tensor transpose(int dim0, int dim1) {
        int a = checkDim(dim0, "transpose");
        int b = checkDim(dim1, "transpose");
        return op(() -> raw().transpose(a, b));
    }

    /**
     * {@return dimensions reordered; mirrors {@code tensor.permute(*dims)}}
     *
     * @param dims the new order of the dimensions, a permutation of {@code 0..dim()-1}
     */
    public Tensor permute(long... dims) {
        long[] shape = raw().sizes().vec().get();
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("permute needs one dimension per dimension of the tensor of shape " + Shapes.format(shape)
                    + ", got " + Shapes.format(dims));
        }
        return op(() -> raw().permute(dims));
    }

    /** {@return all dimensions of size 1 removed; mirrors {@code tensor.squeeze()}} */
    public Tensor squeeze() {
        return op(() -> raw().squeeze());
    }

    /**
     * {@return dimension {@code dim} removed if its size is 1; mirrors {@code tensor.squeeze(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor squeeze(int dim) {
        int d = checkDim(dim, "squeeze");
        return op(() -> raw().squeeze((long) d));
    }

    /**
     * {@return each of the given dimensions removed if its size is 1; mirrors {@code
     * tensor.squeeze((d0, d1, ...))}}
     *
     * @param dims the dimensions to remove where their size is 1
     */
    public Tensor squeeze(int... dims) {
        long[] d = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = checkDim(dims[i], "squeeze");
        }
        return op(() -> raw().squeeze(d));
    }

    /**
     * {@return a new dimension of size 1 inserted at {@code dim}; mirrors {@code
     * tensor.unsqueeze(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor unsqueeze(int dim) {
        int rank = (int) raw().dim() + 1;
        if (dim < -rank || dim >= rank) {
            throw new IndexOutOfBoundsException("unsqueeze: dimension " + dim + " is out of range for a tensor of shape "
                    + Shapes.format(raw().sizes().vec().get()) + " (expected a dimension in [" + -rank + ", " + (rank - 1) + "])");
        }
        return op(() -> raw().unsqueeze(dim));
    }

    /**
     * {@return a view with dimensions of size 1 repeated to {@code sizes} (-1 keeps a size), without copying;
     * mirrors {@code tensor.expand(*sizes)}}
     *
     * @param sizes the new shape; {@code -1} keeps a dimension's size
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

    /**
     * {@return this tensor expanded to {@code other}'s shape; mirrors {@code
     * tensor.expand_as(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor expandAs(Tensor other) {
        return op(() -> raw().expand_as(other.raw()));
    }

    /**
     * {@return the data tiled {@code repeats[i]} times along each dimension, copying; mirrors
     * {@code tensor.repeat(*repeats)}}
     *
     * @param repeats how many times to repeat along each dimension
     */
    public Tensor repeat(long... repeats) {
        long dims = raw().dim();
        if (repeats.length < dims) {
            throw new IllegalArgumentException("repeat needs at least one count per dimension of the tensor of shape "
                    + Shapes.format(raw().sizes().vec().get()) + ", got " + Shapes.format(repeats));
        }
        return op(() -> raw().repeat(repeats));
    }

    /**
     * {@return {@code chunks} pieces along dimension 0 (the last may be smaller); mirrors {@code
     * tensor.chunk(chunks)}}
     *
     * @param chunks the number of chunks; the last may be smaller
     */
    public List<Tensor> chunk(int chunks) {
        return chunk(chunks, 0);
    }

    /**
     * {@return {@code chunks} pieces along {@code dim} (the last may be smaller); mirrors {@code
     * tensor.chunk(chunks, dim)}}
     *
     * @param chunks the number of chunks; the last may be smaller
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public List<Tensor> chunk(int chunks, int dim) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunk needs at least 1 chunk, got " + chunks);
        }
        int d = checkDim(dim, "chunk");
        return list(call(() -> raw().chunk(chunks, d)));
    }

    /**
     * {@return pieces of {@code splitSize} along dimension 0 (the last may be smaller); mirrors {@code
     * tensor.split(split_size)}}
     *
     * @param splitSize the size of each piece; the last may be smaller
     */
    public List<Tensor> split(long splitSize) {
        return split(splitSize, 0);
    }

    /**
     * {@return pieces of {@code splitSize} along {@code dim} (the last may be smaller); mirrors {@code
     * tensor.split(split_size, dim)}}
     *
     * @param splitSize the size of each piece; the last may be smaller
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public List<Tensor> split(long splitSize, int dim) {
        if (splitSize < 1) {
            throw new IllegalArgumentException("split needs a split size of at least 1, got " + splitSize);
        }
        int d = checkDim(dim, "split");
        return list(call(() -> raw().split(splitSize, d)));
    }

    /**
     * {@return pieces of the given sizes along {@code dim}, which must add up to its size; mirrors {@code
     * tensor.split([s0, s1, ...], dim)}}
     *
     * @param sizes the size of each piece; they must add up to the size of {@code dim}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
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

    /**
     * {@return row {@code index} along the first dimension; mirrors {@code tensor[index]}}
     *
     * @param index the position along the first dimension; negative counts from the end
     */
    public Tensor get(long index) {
        return select(0, index);
    }

    /**
     * {@return the slice at {@code index} along {@code dim}, without that dimension; mirrors {@code
     * tensor.select(dim, index)}}
     *
     * @param index the position along {@code dim}; negative counts from the end
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
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

    /**
     * {@return {@code length} entries of dimension {@code dim} from {@code start}; mirrors {@code
     * tensor.narrow}}
     *
     * @param start the first entry kept; negative counts from the end
     * @param length the number of entries kept
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor narrow(int dim, long start, long length) {
        return op(() -> raw().narrow(dim, start, length));
    }

    /**
     * {@return the entries of {@code dim} at the given int64 indices; mirrors {@code
     * tensor.index_select}}
     *
     * @param indices a one-dimensional integer tensor of positions along {@code dim}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor indexSelect(int dim, Tensor indices) {
        return op(() -> raw().index_select(dim, indices.raw()));
    }

    /**
     * {@return the values at {@code index} along {@code dim}: {@code out[i][j] = this[index[i][j]][j]} for
     * {@code dim = 0}; mirrors {@code tensor.gather(dim, index)}}
     *
     * @param index an integer tensor of indices along {@code dim}, of the output's shape
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor gather(int dim, Tensor index) {
        int d = checkDim(dim, "gather");
        return op(() -> raw().gather(d, index.raw()));
    }

    /**
     * {@return a copy with {@code src}'s values written at {@code index} along {@code dim}; mirrors
     * {@code tensor.scatter(dim, index, src)}}
     *
     * @param index an integer tensor of indices along {@code dim}
     * @param src the values written at {@code index}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        int d = checkDim(dim, "scatter");
        return op(() -> raw().scatter(d, index.raw(), src.raw()));
    }

    /**
     * {@return a copy with {@code value} written at {@code index} along {@code dim}; mirrors {@code
     * tensor.scatter(dim, index, value)}}
     *
     * @param index an integer tensor of indices along {@code dim}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param value the number, as a Python float would be
     */
    public Tensor scatter(int dim, Tensor index, double value) {
        int d = checkDim(dim, "scatter");
        return op(() -> raw().scatter(d, index.raw(), new Scalar(value)));
    }

    /**
     * Writes {@code src}'s values at {@code index} along {@code dim}; mirrors {@code
     * tensor.scatter_(dim, index, src)}. Returns this.
     *
     * @param index an integer tensor of indices along {@code dim}
     * @param src the values written at {@code index}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @return this tensor, modified in place
     */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        int d = checkDim(dim, "scatter_");
        return inPlace(() -> raw().scatter_(d, index.raw(), src.raw()));
    }

    /**
     * Writes {@code value} at {@code index} along {@code dim}; mirrors {@code tensor.scatter_(dim,
     * index, value)}. Returns this.
     *
     * @param index an integer tensor of indices along {@code dim}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor scatter_(int dim, Tensor index, double value) {
        int d = checkDim(dim, "scatter_");
        return inPlace(() -> raw().scatter_(d, index.raw(), new Scalar(value)));
    }

    /**
     * {@return a copy with {@code value} where the boolean {@code mask} (broadcast) is true;
     * mirrors {@code tensor.masked_fill(mask, value)}}
     *
     * @param mask a boolean tensor broadcast against this one, true where {@code value} is written
     * @param value the number, as a Python float would be
     */
    public Tensor maskedFill(Tensor mask, double value) {
        return op(() -> raw().masked_fill(mask.raw(), new Scalar(value)));
    }

    /**
     * {@return a copy with the one-element {@code value} where {@code mask} is true; mirrors {@code
     * tensor.masked_fill(mask, value_tensor)}}
     *
     * @param mask a boolean tensor broadcast against this one, true where {@code value} is written
     * @param value the value written where {@code mask} is true (a one-element tensor, or a number)
     */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return op(() -> raw().masked_fill(mask.raw(), value.raw()));
    }

    /**
     * Writes {@code value} where the boolean {@code mask} (broadcast) is true; mirrors {@code
     * tensor.masked_fill_(mask, value)}. Returns this.
     *
     * @param mask a boolean tensor broadcast against this one, true where {@code value} is written
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor maskedFill_(Tensor mask, double value) {
        return inPlace(() -> raw().masked_fill_(mask.raw(), new Scalar(value)));
    }

    /**
     * {@return the indices of the non-zero elements, one row per element, shape (n, dim); mirrors
     * {@code tensor.nonzero()}}
     */
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
