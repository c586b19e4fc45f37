package io.jtorch;

import java.util.List;

/**
 * The {@code torch.f(tensor, ...)} forms of tensor methods, as fine-tuning code writes them:
 * {@code torch.sum(preds == labels)} is {@code Torch.sum(preds.eq(labels))},
 * {@code _, preds = torch.max(outputs, 1)} is {@code var preds = Torch.max(outputs, 1).indices()}.
 * Each one calls the {@link Tensor} method of the same name; {@link Torch} inherits them, so they
 * are called as {@code Torch.sum(...)}.
 */
abstract class TorchFunctions {
    TorchFunctions() {}

    /**
     * Mirrors {@code torch.sum(input)}.
     *
     * @return {@code input.sum(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor sum(Tensor input) {
        return input.sum();
    }

    /**
     * Mirrors {@code torch.sum(input, dim, keepdim)}.
     *
     * @return {@code input.sum(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public static Tensor sum(Tensor input, int dim, boolean keepDim) {
        return input.sum(dim, keepDim);
    }

    /**
     * Mirrors {@code torch.sum(input, dim)}.
     *
     * @return {@code input.sum(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dims the dimensions; negative values count from the end
     */
    public static Tensor sum(Tensor input, int... dims) {
        return input.sum(dims);
    }

    /**
     * Mirrors {@code torch.mean(input)}.
     *
     * @return {@code input.mean(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor mean(Tensor input) {
        return input.mean();
    }

    /**
     * Mirrors {@code torch.mean(input, dim)}.
     *
     * @return {@code input.mean(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dims the dimensions; negative values count from the end
     */
    public static Tensor mean(Tensor input, int... dims) {
        return input.mean(dims);
    }

    /**
     * Mirrors {@code torch.mean(input, dim, keepdim)}.
     *
     * @return {@code input.mean(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public static Tensor mean(Tensor input, int dim, boolean keepDim) {
        return input.mean(dim, keepDim);
    }

    /**
     * Mirrors {@code torch.max(input)}.
     *
     * @return {@code input.max(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor max(Tensor input) {
        return input.max();
    }

    /**
     * Mirrors {@code torch.max(input, dim)}: the values and their indices.
     *
     * @return {@code input.max(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static ValuesIndices max(Tensor input, int dim) {
        return input.max(dim);
    }

    /**
     * Mirrors {@code torch.max(input, dim, keepdim)}.
     *
     * @return {@code input.max(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public static ValuesIndices max(Tensor input, int dim, boolean keepDim) {
        return input.max(dim, keepDim);
    }

    /**
     * Mirrors {@code torch.min(input)}.
     *
     * @return {@code input.min(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor min(Tensor input) {
        return input.min();
    }

    /**
     * Mirrors {@code torch.min(input, dim)}: the values and their indices.
     *
     * @return {@code input.min(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static ValuesIndices min(Tensor input, int dim) {
        return input.min(dim);
    }

    /**
     * Mirrors {@code torch.min(input, dim, keepdim)}.
     *
     * @return {@code input.min(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public static ValuesIndices min(Tensor input, int dim, boolean keepDim) {
        return input.min(dim, keepDim);
    }

    /**
     * Mirrors {@code torch.maximum(input, other)}.
     *
     * @return {@code input.maximum(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public static Tensor maximum(Tensor input, Tensor other) {
        return input.maximum(other);
    }

    /**
     * Mirrors {@code torch.minimum(input, other)}.
     *
     * @return {@code input.minimum(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public static Tensor minimum(Tensor input, Tensor other) {
        return input.minimum(other);
    }

    /**
     * Mirrors {@code torch.argmax(input)}.
     *
     * @return {@code input.argmax(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor argmax(Tensor input) {
        return input.argmax();
    }

    /**
     * Mirrors {@code torch.argmax(input, dim)}.
     *
     * @return {@code input.argmax(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor argmax(Tensor input, int dim) {
        return input.argmax(dim);
    }

    /**
     * Mirrors {@code torch.argmin(input, dim)}.
     *
     * @return {@code input.argmin(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor argmin(Tensor input, int dim) {
        return input.argmin(dim);
    }

    /**
     * Mirrors {@code torch.sort(input, dim, descending)}.
     *
     * @return {@code input.sort(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param descending whether the order is from largest to smallest (default false)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static ValuesIndices sort(Tensor input, int dim, boolean descending) {
        return input.sort(dim, descending);
    }

    /**
     * Mirrors {@code torch.argsort(input, dim, descending)}.
     *
     * @return {@code input.argsort(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param descending whether the order is from largest to smallest (default false)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor argsort(Tensor input, int dim, boolean descending) {
        return input.argsort(dim, descending);
    }

    /**
     * Mirrors {@code torch.topk(input, k)}.
     *
     * @return {@code input.topk(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param k the number of elements to keep
     */
    public static ValuesIndices topk(Tensor input, long k) {
        return input.topk(k);
    }

    /**
     * Mirrors {@code torch.topk(input, k, dim, largest, sorted)}.
     *
     * @return {@code input.topk(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param k the number of elements to keep
     * @param largest whether the largest (true) or smallest elements are taken
     * @param sorted whether the result is sorted in the order of {@code largest}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static ValuesIndices topk(Tensor input, long k, int dim, boolean largest, boolean sorted) {
        return input.topk(k, dim, largest, sorted);
    }

    /**
     * Mirrors {@code torch.norm(input)}.
     *
     * @return {@code input.norm(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor norm(Tensor input) {
        return input.norm();
    }

    /**
     * Mirrors {@code torch.norm(input, p)}.
     *
     * @return {@code input.norm(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param p the order of the norm (2: Euclidean)
     */
    public static Tensor norm(Tensor input, double p) {
        return input.norm(p);
    }

    /**
     * Mirrors {@code torch.softmax(input, dim)}.
     *
     * @return {@code input.softmax(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /**
     * Mirrors {@code torch.log_softmax(input, dim)}.
     *
     * @return {@code input.logSoftmax(...)} with the other arguments, as documented on
     *     {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /**
     * Mirrors {@code torch.sigmoid(input)}.
     *
     * @return {@code input.sigmoid(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    /**
     * Mirrors {@code torch.tanh(input)}.
     *
     * @return {@code input.tanh(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /**
     * Mirrors {@code torch.exp(input)}.
     *
     * @return {@code input.exp(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor exp(Tensor input) {
        return input.exp();
    }

    /**
     * Mirrors {@code torch.log(input)}.
     *
     * @return {@code input.log(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor log(Tensor input) {
        return input.log();
    }

    /**
     * Mirrors {@code torch.sqrt(input)}.
     *
     * @return {@code input.sqrt(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor sqrt(Tensor input) {
        return input.sqrt();
    }

    /**
     * Mirrors {@code torch.abs(input)}.
     *
     * @return {@code input.abs(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor abs(Tensor input) {
        return input.abs();
    }

    /**
     * Mirrors {@code torch.clamp(input, min, max)}.
     *
     * @return {@code input.clamp(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param min the lower bound (a tensor is broadcast)
     * @param max the upper bound (a tensor is broadcast)
     */
    public static Tensor clamp(Tensor input, double min, double max) {
        return input.clamp(min, max);
    }

    /**
     * Mirrors {@code torch.matmul(input, other)}.
     *
     * @return {@code input.matmul(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public static Tensor matmul(Tensor input, Tensor other) {
        return input.matmul(other);
    }

    /**
     * Mirrors {@code torch.flatten(input, start_dim)}.
     *
     * @return {@code input.flatten(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param startDim the first dimension to flatten (default 0)
     */
    public static Tensor flatten(Tensor input, int startDim) {
        return input.flatten(startDim);
    }

    /**
     * Mirrors {@code torch.unsqueeze(input, dim)}.
     *
     * @return {@code input.unsqueeze(...)} with the other arguments, as documented on
     *     {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor unsqueeze(Tensor input, int dim) {
        return input.unsqueeze(dim);
    }

    /**
     * Mirrors {@code torch.squeeze(input)}.
     *
     * @return {@code input.squeeze(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor squeeze(Tensor input) {
        return input.squeeze();
    }

    /**
     * Mirrors {@code torch.transpose(input, dim0, dim1)}.
     *
     * @return {@code input.transpose(...)} with the other arguments, as documented on
     *     {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim0 the first dimension to swap
     * @param dim1 the second dimension to swap
     */
    public static Tensor transpose(Tensor input, int dim0, int dim1) {
        return input.transpose(dim0, dim1);
    }

    /**
     * Mirrors {@code torch.chunk(input, chunks, dim)}.
     *
     * @return {@code input.chunk(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param chunks the number of chunks; the last may be smaller
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static List<Tensor> chunk(Tensor input, int chunks, int dim) {
        return input.chunk(chunks, dim);
    }

    /**
     * Mirrors {@code torch.split(input, split_size, dim)}.
     *
     * @return {@code input.split(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param splitSize the size of each piece; the last may be smaller
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static List<Tensor> split(Tensor input, long splitSize, int dim) {
        return input.split(splitSize, dim);
    }

    /**
     * Mirrors {@code torch.gather(input, dim, index)}.
     *
     * @return {@code input.gather(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param index an integer tensor of indices along {@code dim}, of the output's shape
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor gather(Tensor input, int dim, Tensor index) {
        return input.gather(dim, index);
    }

    /**
     * Mirrors {@code torch.cumsum(input, dim)}.
     *
     * @return {@code input.cumsum(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor cumsum(Tensor input, int dim) {
        return input.cumsum(dim);
    }

    /**
     * Mirrors {@code torch.isnan(input)}.
     *
     * @return {@code input.isnan(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor isnan(Tensor input) {
        return input.isnan();
    }

    /**
     * Mirrors {@code torch.eq(input, other)}.
     *
     * @return {@code input.eq(...)} with the other arguments, as documented on {@link Tensor}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public static Tensor eq(Tensor input, Tensor other) {
        return input.eq(other);
    }

    /**
     * Mirrors {@code torch.equal(input, other)}.
     *
     * @return whether both tensors have the same shape and the same values
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public static boolean equal(Tensor input, Tensor other) {
        return input.equal(other);
    }

    /**
     * Mirrors {@code torch.allclose(input, other, rtol, atol)}.
     *
     * @return whether {@code |input - other| <= atol + rtol * |other|} holds everywhere
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     * @param rtol the relative tolerance (PyTorch's default 1e-5)
     * @param atol the absolute tolerance (PyTorch's default 1e-8)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public static boolean allclose(Tensor input, Tensor other, double rtol, double atol) {
        return input.allclose(other, rtol, atol);
    }

    /**
     * {@return {@code a} where {@code condition} is true, else {@code b} (broadcast); mirrors
     * {@code torch.where(condition, a, b)}}
     *
     * @param condition a boolean tensor, broadcast, true where the first operand is taken
     * @param a the values taken where {@code condition} is true
     * @param b the values taken where {@code condition} is false
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return a.where(condition, b);
    }

    /**
     * {@return {@code a} where {@code condition} is true, else {@code b}; mirrors {@code
     * torch.where(condition, a, b)} with a number}
     *
     * @param condition a boolean tensor, broadcast, true where the first operand is taken
     * @param a the values taken where {@code condition} is true
     * @param b the values taken where {@code condition} is false
     */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return a.where(condition, b);
    }

    /**
     * {@return the indices of the non-zero elements; mirrors {@code torch.nonzero(input)}}
     *
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static Tensor nonzero(Tensor input) {
        return input.nonzero();
    }

    /**
     * Mirrors {@code torch.numel(input)}.
     *
     * @return the number of elements of {@code input}
     * @param input the tensor the op applies to (the receiver of the {@link Tensor} method of that
     *     name)
     */
    public static long numel(Tensor input) {
        return input.numel();
    }

    /**
     * Joins tensors along dimension 0; mirrors {@code torch.cat(tensors)}.
     *
     * @return the tensors joined along the dimension
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     */
    public static Tensor cat(List<Tensor> tensors) {
        return Torch.cat(tensors, 0);
    }

    /**
     * Joins tensors along {@code dim}; mirrors {@code torch.cat(tensors, dim)} with a tuple.
     *
     * @return the tensors joined along the dimension
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor cat(Tensor[] tensors, int dim) {
        return Torch.cat(List.of(tensors), dim);
    }

    /**
     * Joins tensors along dimension 0; mirrors {@code torch.cat((a, b, ...))}.
     *
     * @return the tensors joined along the dimension
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     */
    public static Tensor cat(Tensor... tensors) {
        return Torch.cat(List.of(tensors), 0);
    }

    /**
     * Stacks tensors along a new dimension 0; mirrors {@code torch.stack(tensors)}.
     *
     * @return the tensors stacked along a new dimension
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     */
    public static Tensor stack(List<Tensor> tensors) {
        return Torch.stack(tensors, 0);
    }

    /**
     * Stacks tensors along a new dimension {@code dim}; mirrors {@code torch.stack(tensors, dim)}
     * with a tuple.
     *
     * @return the tensors stacked along a new dimension
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public static Tensor stack(Tensor[] tensors, int dim) {
        return Torch.stack(List.of(tensors), dim);
    }

    /**
     * Stacks tensors along a new dimension 0; mirrors {@code torch.stack((a, b, ...))}.
     *
     * @return the tensors stacked along a new dimension
     * @param tensors the tensors, of equal shapes except along {@code dim} for {@code cat}
     */
    public static Tensor stack(Tensor... tensors) {
        return Torch.stack(List.of(tensors), 0);
    }
}
