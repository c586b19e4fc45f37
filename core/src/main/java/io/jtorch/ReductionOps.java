package io.jtorch;

import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;

/**
 * The reductions of {@link Tensor} ({@code sum}, {@code mean}, {@code max}, {@code std}, ...),
 * sorting and cumulative ops. Negative dimensions count from the end; {@code keepDim} keeps a
 * reduced dimension with size 1, as PyTorch's {@code keepdim}. Ops that PyTorch returns as
 * {@code (values, indices)} return a {@link ValuesIndices}.
 */
abstract class ReductionOps extends MathOps {
    ReductionOps(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
    }

    /** {@return the sum of all elements; mirrors {@code tensor.sum()}} */
    public Tensor sum() {
        return op(() -> raw().sum());
    }

    /**
     * {@return the sum over dimension {@code dim}; mirrors {@code tensor.sum(dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor sum(int dim, boolean keepDim) {
        return sum(new int[] {dim}, keepDim);
    }

    /**
     * {@return the sum over the given dimensions; mirrors {@code tensor.sum(dim=(d0, d1, ...))}}
     *
     * @param dims the dimensions; negative values count from the end
     */
    public Tensor sum(int... dims) {
        return sum(dims, false);
    }

    /**
     * {@return the sum over the given dimensions; mirrors {@code tensor.sum(dim=(d0, ...),
     * keepdim=keepDim)}}
     *
     * @param dims the dimensions; negative values count from the end
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor sum(int[] dims, boolean keepDim) {
        long[] d = dims("sum", dims);
        return op(() -> raw().sum(d, keepDim, new ScalarTypeOptional()));
    }

    /** {@return the mean of all elements; mirrors {@code tensor.mean()}} */
    public Tensor mean() {
        return op(() -> raw().mean());
    }

    /**
     * {@return the mean over dimension {@code dim}; mirrors {@code tensor.mean(dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor mean(int dim, boolean keepDim) {
        return mean(new int[] {dim}, keepDim);
    }

    /**
     * {@return the mean over the given dimensions; mirrors {@code tensor.mean(dim=(d0, d1, ...))}}
     *
     * @param dims the dimensions; negative values count from the end
     */
    public Tensor mean(int... dims) {
        return mean(dims, false);
    }

    /**
     * {@return the mean over the given dimensions; mirrors {@code tensor.mean(dim=(d0, ...),
     * keepdim=keepDim)}}
     *
     * @param dims the dimensions; negative values count from the end
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor mean(int[] dims, boolean keepDim) {
        long[] d = dims("mean", dims);
        return op(() -> raw().mean(d, keepDim, new ScalarTypeOptional()));
    }

    /** {@return the product of all elements; mirrors {@code tensor.prod()}} */
    public Tensor prod() {
        return op(() -> raw().prod());
    }

    /**
     * {@return the product over dimension {@code dim}; mirrors {@code tensor.prod(dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor prod(int dim, boolean keepDim) {
        int d = checkDim(dim, "prod");
        return op(() -> raw().prod(d, keepDim, new ScalarTypeOptional()));
    }

    /** {@return the largest element; mirrors {@code tensor.max()}} */
    public Tensor max() {
        return op(() -> raw().max());
    }

    /**
     * {@return the largest values along {@code dim} and their indices; mirrors {@code
     * torch.max(tensor, dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public ValuesIndices max(int dim) {
        return max(dim, false);
    }

    /**
     * {@return the largest values along {@code dim} and their indices; mirrors {@code
     * torch.max(tensor, dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public ValuesIndices max(int dim, boolean keepDim) {
        int d = checkDim(dim, "max");
        return pair(() -> raw().max(d, keepDim));
    }

    /** {@return the smallest element; mirrors {@code tensor.min()}} */
    public Tensor min() {
        return op(() -> raw().min());
    }

    /**
     * {@return the smallest values along {@code dim} and their indices; mirrors {@code
     * torch.min(tensor, dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public ValuesIndices min(int dim) {
        return min(dim, false);
    }

    /**
     * {@return the smallest values along {@code dim} and their indices; mirrors {@code
     * torch.min(tensor, dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public ValuesIndices min(int dim, boolean keepDim) {
        int d = checkDim(dim, "min");
        return pair(() -> raw().min(d, keepDim));
    }

    /**
     * {@return the largest values over the given dimensions (all when none); mirrors {@code
     * tensor.amax(dim)}}
     *
     * @param dims the dimensions; negative values count from the end
     */
    public Tensor amax(int... dims) {
        return amax(dims, false);
    }

    /**
     * {@return the largest values over the given dimensions; mirrors {@code tensor.amax(dim,
     * keepdim)}}
     *
     * @param dims the dimensions; negative values count from the end
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor amax(int[] dims, boolean keepDim) {
        long[] d = dims("amax", dims);
        return op(() -> raw().amax(d, keepDim));
    }

    /**
     * {@return the smallest values over the given dimensions (all when none); mirrors {@code
     * tensor.amin(dim)}}
     *
     * @param dims the dimensions; negative values count from the end
     */
    public Tensor amin(int... dims) {
        return amin(dims, false);
    }

    /**
     * {@return the smallest values over the given dimensions; mirrors {@code tensor.amin(dim,
     * keepdim)}}
     *
     * @param dims the dimensions; negative values count from the end
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor amin(int[] dims, boolean keepDim) {
        long[] d = dims("amin", dims);
        return op(() -> raw().amin(d, keepDim));
    }

    /**
     * {@return the index of the largest element of the flattened tensor; mirrors {@code
     * tensor.argmax()}}
     */
    public Tensor argmax() {
        return op(() -> raw().argmax());
    }

    /**
     * {@return the indices of the largest elements along {@code dim}; mirrors {@code
     * tensor.argmax(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /**
     * {@return the indices of the largest elements along {@code dim}; mirrors {@code
     * tensor.argmax(dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor argmax(int dim, boolean keepDim) {
        int d = checkDim(dim, "argmax");
        return op(() -> raw().argmax(new LongOptional(d), keepDim));
    }

    /**
     * {@return the index of the smallest element of the flattened tensor; mirrors {@code
     * tensor.argmin()}}
     */
    public Tensor argmin() {
        return op(() -> raw().argmin());
    }

    /**
     * {@return the indices of the smallest elements along {@code dim}; mirrors {@code
     * tensor.argmin(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor argmin(int dim) {
        return argmin(dim, false);
    }

    /**
     * {@return the indices of the smallest elements along {@code dim}; mirrors {@code
     * tensor.argmin(dim, keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor argmin(int dim, boolean keepDim) {
        int d = checkDim(dim, "argmin");
        return op(() -> raw().argmin(new LongOptional(d), keepDim));
    }

    /**
     * {@return sorted ascending along the last dimension, with the indices; mirrors {@code
     * tensor.sort()}}
     */
    public ValuesIndices sort() {
        return sort(-1, false);
    }

    /**
     * {@return sorted along {@code dim}, with the indices; mirrors {@code tensor.sort(dim, descending)}}
     * Ties keep their order.
     *
     * @param descending whether the order is from largest to smallest (default false)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public ValuesIndices sort(int dim, boolean descending) {
        int d = checkDim(dim, "sort");
        return pair(() -> raw().sort(new BoolOptional(true), d, descending));
    }

    /**
     * {@return the indices that sort the last dimension ascending; mirrors {@code
     * tensor.argsort()}}
     */
    public Tensor argsort() {
        return argsort(-1, false);
    }

    /**
     * {@return the indices that sort dimension {@code dim}; mirrors {@code tensor.argsort(dim,
     * descending)}} Ties keep their order.
     *
     * @param descending whether the order is from largest to smallest (default false)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor argsort(int dim, boolean descending) {
        int d = checkDim(dim, "argsort");
        return op(() -> raw().argsort(true, d, descending));
    }

    /**
     * {@return the {@code k} largest values of the last dimension, largest first; mirrors {@code
     * tensor.topk(k)}}
     *
     * @param k the number of elements to keep
     */
    public ValuesIndices topk(long k) {
        return topk(k, -1, true, true);
    }

    /**
     * {@return the {@code k} largest values along {@code dim}, largest first; mirrors {@code
     * tensor.topk(k, dim)}}
     *
     * @param k the number of elements to keep
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public ValuesIndices topk(long k, int dim) {
        return topk(k, dim, true, true);
    }

    /**
     * {@return the {@code k} largest (or smallest) values along {@code dim}; mirrors {@code
     * tensor.topk(k, dim, largest, sorted)}}
     *
     * @param k the number of elements to keep
     * @param largest whether the largest (true) or smallest elements are taken
     * @param sorted whether the result is sorted in the order of {@code largest}
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public ValuesIndices topk(long k, int dim, boolean largest, boolean sorted) {
        int d = checkDim(dim, "topk");
        long size = raw().dim() == 0 ? 1 : raw().size(d);
        if (k < 0 || k > size) {
            throw new IllegalArgumentException("topk: k = " + k + " is out of range for dimension " + dim + " of size " + size
                    + " (shape " + Shapes.format(raw().sizes().vec().get()) + ")");
        }
        return pair(() -> raw().topk(k, d, largest, sorted));
    }

    /** {@return the 2-norm of all elements; mirrors {@code tensor.norm()}} */
    public Tensor norm() {
        return op(() -> raw().norm());
    }

    /**
     * {@return the p-norm of all elements ({@code Double.POSITIVE_INFINITY} for the max norm);
     * mirrors {@code tensor.norm(p)}}
     *
     * @param p the order of the norm (2: Euclidean)
     */
    public Tensor norm(double p) {
        return op(() -> raw().norm(new Scalar(p)));
    }

    /**
     * {@return the p-norm along {@code dim}; mirrors {@code tensor.norm(p, dim, keepdim)}}
     *
     * @param p the order of the norm (2: Euclidean)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor norm(double p, int dim, boolean keepDim) {
        int d = checkDim(dim, "norm");
        return op(() -> raw().norm(new ScalarOptional(new Scalar(p)), new long[] {d}, keepDim));
    }

    /**
     * {@return the standard deviation of all elements, unbiased (divides by n - 1); mirrors {@code
     * tensor.std()}}
     */
    public Tensor std() {
        return op(() -> raw().std(true));
    }

    /**
     * {@return the standard deviation of all elements; mirrors {@code
     * tensor.std(unbiased=unbiased)}}
     *
     * @param unbiased whether Bessel's correction is used, dividing by {@code N - 1} (PyTorch's
     *     default true)
     */
    public Tensor std(boolean unbiased) {
        return op(() -> raw().std(unbiased));
    }

    /**
     * {@return the unbiased standard deviation along {@code dim}; mirrors {@code tensor.std(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor std(int dim) {
        return std(dim, true, false);
    }

    /**
     * {@return the standard deviation along {@code dim}; mirrors {@code tensor.std(dim, unbiased,
     * keepdim)}}
     *
     * @param unbiased whether Bessel's correction is used, dividing by {@code N - 1} (PyTorch's
     *     default true)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor std(int dim, boolean unbiased, boolean keepDim) {
        int d = checkDim(dim, "std");
        return op(() -> raw().std(new long[] {d}, unbiased, keepDim));
    }

    /**
     * {@return the variance of all elements, unbiased (divides by n - 1); mirrors {@code
     * tensor.var()}}
     */
    public Tensor var() {
        return op(() -> raw().var(true));
    }

    /**
     * {@return the variance of all elements; mirrors {@code tensor.var(unbiased=unbiased)}}
     *
     * @param unbiased whether Bessel's correction is used, dividing by {@code N - 1} (PyTorch's
     *     default true)
     */
    public Tensor var(boolean unbiased) {
        return op(() -> raw().var(unbiased));
    }

    /**
     * {@return the unbiased variance along {@code dim}; mirrors {@code tensor.var(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor var(int dim) {
        return var(dim, true, false);
    }

    /**
     * {@return the variance along {@code dim}; mirrors {@code tensor.var(dim, unbiased, keepdim)}}
     *
     * @param unbiased whether Bessel's correction is used, dividing by {@code N - 1} (PyTorch's
     *     default true)
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor var(int dim, boolean unbiased, boolean keepDim) {
        int d = checkDim(dim, "var");
        return op(() -> raw().var(new long[] {d}, unbiased, keepDim));
    }

    /**
     * {@return whether any element is non-zero, as a boolean tensor; mirrors {@code tensor.any()}}
     */
    public Tensor any() {
        return op(() -> raw().any());
    }

    /**
     * {@return whether any element along {@code dim} is non-zero; mirrors {@code tensor.any(dim,
     * keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor any(int dim, boolean keepDim) {
        int d = checkDim(dim, "any");
        return op(() -> raw().any(d, keepDim));
    }

    /**
     * {@return whether every element is non-zero, as a boolean tensor; mirrors {@code
     * tensor.all()}}
     */
    public Tensor all() {
        return op(() -> raw().all());
    }

    /**
     * {@return whether every element along {@code dim} is non-zero; mirrors {@code tensor.all(dim,
     * keepdim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     * @param keepDim whether the reduced dimension is kept with size 1 (PyTorch's {@code keepdim})
     */
    public Tensor all(int dim, boolean keepDim) {
        int d = checkDim(dim, "all");
        return op(() -> raw().all(d, keepDim));
    }

    /**
     * {@return running sums along {@code dim}; mirrors {@code tensor.cumsum(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor cumsum(int dim) {
        int d = checkDim(dim, "cumsum");
        return op(() -> raw().cumsum(d));
    }

    /**
     * {@return running products along {@code dim}; mirrors {@code tensor.cumprod(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor cumprod(int dim) {
        int d = checkDim(dim, "cumprod");
        return op(() -> raw().cumprod(d));
    }

    /**
     * {@return softmax along {@code dim}; mirrors {@code tensor.softmax(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor softmax(int dim) {
        int d = checkDim(dim, "softmax");
        return op(() -> org.bytedeco.pytorch.global.torch.softmax(raw(), d));
    }

    /**
     * {@return log-softmax along {@code dim}; mirrors {@code tensor.log_softmax(dim)}}
     *
     * @param dim the dimension; negative values count from the end, as in PyTorch
     */
    public Tensor logSoftmax(int dim) {
        int d = checkDim(dim, "log_softmax");
        return op(() -> org.bytedeco.pytorch.global.torch.log_softmax(raw(), d));
    }

    private long[] dims(String op, int[] dims) {
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = checkDim(dims[i], op);
        }
        return out;
    }
}
