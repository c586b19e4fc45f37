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

    /** The sum of all elements; mirrors {@code tensor.sum()}. */
    public Tensor sum() {
        return op(() -> raw().sum());
    }

    /** The sum over dimension {@code dim}; mirrors {@code tensor.sum(dim, keepdim)}. */
    public Tensor sum(int dim, boolean keepDim) {
        return sum(new int[] {dim}, keepDim);
    }

    /** The sum over the given dimensions; mirrors {@code tensor.sum(dim=(d0, d1, ...))}. */
    public Tensor sum(int... dims) {
        return sum(dims, false);
    }

    /** The sum over the given dimensions; mirrors {@code tensor.sum(dim=(d0, ...), keepdim=keepDim)}. */
    public Tensor sum(int[] dims, boolean keepDim) {
        long[] d = dims("sum", dims);
        return op(() -> raw().sum(d, keepDim, new ScalarTypeOptional()));
    }

    /** The mean of all elements; mirrors {@code tensor.mean()}. */
    public Tensor mean() {
        return op(() -> raw().mean());
    }

    /** The mean over dimension {@code dim}; mirrors {@code tensor.mean(dim, keepdim)}. */
    public Tensor mean(int dim, boolean keepDim) {
        return mean(new int[] {dim}, keepDim);
    }

    /** The mean over the given dimensions; mirrors {@code tensor.mean(dim=(d0, d1, ...))}. */
    public Tensor mean(int... dims) {
        return mean(dims, false);
    }

    /** The mean over the given dimensions; mirrors {@code tensor.mean(dim=(d0, ...), keepdim=keepDim)}. */
    public Tensor mean(int[] dims, boolean keepDim) {
        long[] d = dims("mean", dims);
        return op(() -> raw().mean(d, keepDim, new ScalarTypeOptional()));
    }

    /** The product of all elements; mirrors {@code tensor.prod()}. */
    public Tensor prod() {
        return op(() -> raw().prod());
    }

    /** The product over dimension {@code dim}; mirrors {@code tensor.prod(dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepDim) {
        int d = checkDim(dim, "prod");
        return op(() -> raw().prod(d, keepDim, new ScalarTypeOptional()));
    }

    /** The largest element; mirrors {@code tensor.max()}. */
    public Tensor max() {
        return op(() -> raw().max());
    }

    /** The largest values along {@code dim} and their indices; mirrors {@code torch.max(tensor, dim)}. */
    public ValuesIndices max(int dim) {
        return max(dim, false);
    }

    /** The largest values along {@code dim} and their indices; mirrors {@code torch.max(tensor, dim, keepdim)}. */
    public ValuesIndices max(int dim, boolean keepDim) {
        int d = checkDim(dim, "max");
        return pair(() -> raw().max(d, keepDim));
    }

    /** The smallest element; mirrors {@code tensor.min()}. */
    public Tensor min() {
        return op(() -> raw().min());
    }

    /** The smallest values along {@code dim} and their indices; mirrors {@code torch.min(tensor, dim)}. */
    public ValuesIndices min(int dim) {
        return min(dim, false);
    }

    /** The smallest values along {@code dim} and their indices; mirrors {@code torch.min(tensor, dim, keepdim)}. */
    public ValuesIndices min(int dim, boolean keepDim) {
        int d = checkDim(dim, "min");
        return pair(() -> raw().min(d, keepDim));
    }

    /** The largest values over the given dimensions (all when none); mirrors {@code tensor.amax(dim)}. */
    public Tensor amax(int... dims) {
        return amax(dims, false);
    }

    /** The largest values over the given dimensions; mirrors {@code tensor.amax(dim, keepdim)}. */
    public Tensor amax(int[] dims, boolean keepDim) {
        long[] d = dims("amax", dims);
        return op(() -> raw().amax(d, keepDim));
    }

    /** The smallest values over the given dimensions (all when none); mirrors {@code tensor.amin(dim)}. */
    public Tensor amin(int... dims) {
        return amin(dims, false);
    }

    /** The smallest values over the given dimensions; mirrors {@code tensor.amin(dim, keepdim)}. */
    public Tensor amin(int[] dims, boolean keepDim) {
        long[] d = dims("amin", dims);
        return op(() -> raw().amin(d, keepDim));
    }

    /** The index of the largest element of the flattened tensor; mirrors {@code tensor.argmax()}. */
    public Tensor argmax() {
        return op(() -> raw().argmax());
    }

    /** The indices of the largest elements along {@code dim}; mirrors {@code tensor.argmax(dim)}. */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /** The indices of the largest elements along {@code dim}; mirrors {@code tensor.argmax(dim, keepdim)}. */
    public Tensor argmax(int dim, boolean keepDim) {
        int d = checkDim(dim, "argmax");
        return op(() -> raw().argmax(new LongOptional(d), keepDim));
    }

    /** The index of the smallest element of the flattened tensor; mirrors {@code tensor.argmin()}. */
    public Tensor argmin() {
        return op(() -> raw().argmin());
    }

    /** The indices of the smallest elements along {@code dim}; mirrors {@code tensor.argmin(dim)}. */
    public Tensor argmin(int dim) {
        return argmin(dim, false);
    }

    /** The indices of the smallest elements along {@code dim}; mirrors {@code tensor.argmin(dim, keepdim)}. */
    public Tensor argmin(int dim, boolean keepDim) {
        int d = checkDim(dim, "argmin");
        return op(() -> raw().argmin(new LongOptional(d), keepDim));
    }

    /** Sorted ascending along the last dimension, with the indices; mirrors {@code tensor.sort()}. */
    public ValuesIndices sort() {
        return sort(-1, false);
    }

    /** Sorted along {@code dim}, with the indices; mirrors {@code tensor.sort(dim, descending)}. Ties keep their order. */
    public ValuesIndices sort(int dim, boolean descending) {
        int d = checkDim(dim, "sort");
        return pair(() -> raw().sort(new BoolOptional(true), d, descending));
    }

    /** The indices that sort the last dimension ascending; mirrors {@code tensor.argsort()}. */
    public Tensor argsort() {
        return argsort(-1, false);
    }

    /** The indices that sort dimension {@code dim}; mirrors {@code tensor.argsort(dim, descending)}. Ties keep their order. */
    public Tensor argsort(int dim, boolean descending) {
        int d = checkDim(dim, "argsort");
        return op(() -> raw().argsort(true, d, descending));
    }

    /** The {@code k} largest values of the last dimension, largest first; mirrors {@code tensor.topk(k)}. */
    public ValuesIndices topk(long k) {
        return topk(k, -1, true, true);
    }

    /** The {@code k} largest values along {@code dim}, largest first; mirrors {@code tensor.topk(k, dim)}. */
    public ValuesIndices topk(long k, int dim) {
        return topk(k, dim, true, true);
    }

    /** The {@code k} largest (or smallest) values along {@code dim}; mirrors {@code tensor.topk(k, dim, largest, sorted)}. */
    public ValuesIndices topk(long k, int dim, boolean largest, boolean sorted) {
        int d = checkDim(dim, "topk");
        long size = raw().dim() == 0 ? 1 : raw().size(d);
        if (k < 0 || k > size) {
            throw new IllegalArgumentException("topk: k = " + k + " is out of range for dimension " + dim + " of size " + size
                    + " (shape " + Shapes.format(raw().sizes().vec().get()) + ")");
        }
        return pair(() -> raw().topk(k, d, largest, sorted));
    }

    /** The 2-norm of all elements; mirrors {@code tensor.norm()}. */
    public Tensor norm() {
        return op(() -> raw().norm());
    }

    /** The p-norm of all elements ({@code Double.POSITIVE_INFINITY} for the max norm); mirrors {@code tensor.norm(p)}. */
    public Tensor norm(double p) {
        return op(() -> raw().norm(new Scalar(p)));
    }

    /** The p-norm along {@code dim}; mirrors {@code tensor.norm(p, dim, keepdim)}. */
    public Tensor norm(double p, int dim, boolean keepDim) {
        int d = checkDim(dim, "norm");
        return op(() -> raw().norm(new ScalarOptional(new Scalar(p)), new long[] {d}, keepDim));
    }

    /** The standard deviation of all elements, unbiased (divides by n - 1); mirrors {@code tensor.std()}. */
    public Tensor std() {
        return op(() -> raw().std(true));
    }

    /** The standard deviation of all elements; mirrors {@code tensor.std(unbiased=unbiased)}. */
    public Tensor std(boolean unbiased) {
        return op(() -> raw().std(unbiased));
    }

    /** The unbiased standard deviation along {@code dim}; mirrors {@code tensor.std(dim)}. */
    public Tensor std(int dim) {
        return std(dim, true, false);
    }

    /** The standard deviation along {@code dim}; mirrors {@code tensor.std(dim, unbiased, keepdim)}. */
    public Tensor std(int dim, boolean unbiased, boolean keepDim) {
        int d = checkDim(dim, "std");
        return op(() -> raw().std(new long[] {d}, unbiased, keepDim));
    }

    /** The variance of all elements, unbiased (divides by n - 1); mirrors {@code tensor.var()}. */
    public Tensor var() {
        return op(() -> raw().var(true));
    }

    /** The variance of all elements; mirrors {@code tensor.var(unbiased=unbiased)}. */
    public Tensor var(boolean unbiased) {
        return op(() -> raw().var(unbiased));
    }

    /** The unbiased variance along {@code dim}; mirrors {@code tensor.var(dim)}. */
    public Tensor var(int dim) {
        return var(dim, true, false);
    }

    /** The variance along {@code dim}; mirrors {@code tensor.var(dim, unbiased, keepdim)}. */
    public Tensor var(int dim, boolean unbiased, boolean keepDim) {
        int d = checkDim(dim, "var");
        return op(() -> raw().var(new long[] {d}, unbiased, keepDim));
    }

    /** Whether any element is non-zero, as a boolean tensor; mirrors {@code tensor.any()}. */
    public Tensor any() {
        return op(() -> raw().any());
    }

    /** Whether any element along {@code dim} is non-zero; mirrors {@code tensor.any(dim, keepdim)}. */
    public Tensor any(int dim, boolean keepDim) {
        int d = checkDim(dim, "any");
        return op(() -> raw().any(d, keepDim));
    }

    /** Whether every element is non-zero, as a boolean tensor; mirrors {@code tensor.all()}. */
    public Tensor all() {
        return op(() -> raw().all());
    }

    /** Whether every element along {@code dim} is non-zero; mirrors {@code tensor.all(dim, keepdim)}. */
    public Tensor all(int dim, boolean keepDim) {
        int d = checkDim(dim, "all");
        return op(() -> raw().all(d, keepDim));
    }

    /** Running sums along {@code dim}; mirrors {@code tensor.cumsum(dim)}. */
    public Tensor cumsum(int dim) {
        int d = checkDim(dim, "cumsum");
        return op(() -> raw().cumsum(d));
    }

    /** Running products along {@code dim}; mirrors {@code tensor.cumprod(dim)}. */
    public Tensor cumprod(int dim) {
        int d = checkDim(dim, "cumprod");
        return op(() -> raw().cumprod(d));
    }

    /** Softmax along {@code dim}; mirrors {@code tensor.softmax(dim)}. */
    public Tensor softmax(int dim) {
        int d = checkDim(dim, "softmax");
        return op(() -> org.bytedeco.pytorch.global.torch.softmax(raw(), d));
    }

    /** Log-softmax along {@code dim}; mirrors {@code tensor.log_softmax(dim)}. */
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
