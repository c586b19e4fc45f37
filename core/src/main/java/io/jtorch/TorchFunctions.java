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

    /** Mirrors {@code torch.sum(input)}. */
    public static Tensor sum(Tensor input) {
        return input.sum();
    }

    /** Mirrors {@code torch.sum(input, dim, keepdim)}. */
    public static Tensor sum(Tensor input, int dim, boolean keepDim) {
        return input.sum(dim, keepDim);
    }

    /** Mirrors {@code torch.sum(input, dim)}. */
    public static Tensor sum(Tensor input, int... dims) {
        return input.sum(dims);
    }

    /** Mirrors {@code torch.mean(input)}. */
    public static Tensor mean(Tensor input) {
        return input.mean();
    }

    /** Mirrors {@code torch.mean(input, dim)}. */
    public static Tensor mean(Tensor input, int... dims) {
        return input.mean(dims);
    }

    /** Mirrors {@code torch.mean(input, dim, keepdim)}. */
    public static Tensor mean(Tensor input, int dim, boolean keepDim) {
        return input.mean(dim, keepDim);
    }

    /** Mirrors {@code torch.max(input)}. */
    public static Tensor max(Tensor input) {
        return input.max();
    }

    /** Mirrors {@code torch.max(input, dim)}: the values and their indices. */
    public static ValuesIndices max(Tensor input, int dim) {
        return input.max(dim);
    }

    /** Mirrors {@code torch.max(input, dim, keepdim)}. */
    public static ValuesIndices max(Tensor input, int dim, boolean keepDim) {
        return input.max(dim, keepDim);
    }

    /** Mirrors {@code torch.min(input)}. */
    public static Tensor min(Tensor input) {
        return input.min();
    }

    /** Mirrors {@code torch.min(input, dim)}: the values and their indices. */
    public static ValuesIndices min(Tensor input, int dim) {
        return input.min(dim);
    }

    /** Mirrors {@code torch.min(input, dim, keepdim)}. */
    public static ValuesIndices min(Tensor input, int dim, boolean keepDim) {
        return input.min(dim, keepDim);
    }

    /** Mirrors {@code torch.maximum(input, other)}. */
    public static Tensor maximum(Tensor input, Tensor other) {
        return input.maximum(other);
    }

    /** Mirrors {@code torch.minimum(input, other)}. */
    public static Tensor minimum(Tensor input, Tensor other) {
        return input.minimum(other);
    }

    /** Mirrors {@code torch.argmax(input)}. */
    public static Tensor argmax(Tensor input) {
        return input.argmax();
    }

    /** Mirrors {@code torch.argmax(input, dim)}. */
    public static Tensor argmax(Tensor input, int dim) {
        return input.argmax(dim);
    }

    /** Mirrors {@code torch.argmin(input, dim)}. */
    public static Tensor argmin(Tensor input, int dim) {
        return input.argmin(dim);
    }

    /** Mirrors {@code torch.sort(input, dim, descending)}. */
    public static ValuesIndices sort(Tensor input, int dim, boolean descending) {
        return input.sort(dim, descending);
    }

    /** Mirrors {@code torch.argsort(input, dim, descending)}. */
    public static Tensor argsort(Tensor input, int dim, boolean descending) {
        return input.argsort(dim, descending);
    }

    /** Mirrors {@code torch.topk(input, k)}. */
    public static ValuesIndices topk(Tensor input, long k) {
        return input.topk(k);
    }

    /** Mirrors {@code torch.topk(input, k, dim, largest, sorted)}. */
    public static ValuesIndices topk(Tensor input, long k, int dim, boolean largest, boolean sorted) {
        return input.topk(k, dim, largest, sorted);
    }

    /** Mirrors {@code torch.norm(input)}. */
    public static Tensor norm(Tensor input) {
        return input.norm();
    }

    /** Mirrors {@code torch.norm(input, p)}. */
    public static Tensor norm(Tensor input, double p) {
        return input.norm(p);
    }

    /** Mirrors {@code torch.softmax(input, dim)}. */
    public static Tensor softmax(Tensor input, int dim) {
        return input.softmax(dim);
    }

    /** Mirrors {@code torch.log_softmax(input, dim)}. */
    public static Tensor logSoftmax(Tensor input, int dim) {
        return input.logSoftmax(dim);
    }

    /** Mirrors {@code torch.sigmoid(input)}. */
    public static Tensor sigmoid(Tensor input) {
        return input.sigmoid();
    }

    /** Mirrors {@code torch.tanh(input)}. */
    public static Tensor tanh(Tensor input) {
        return input.tanh();
    }

    /** Mirrors {@code torch.exp(input)}. */
    public static Tensor exp(Tensor input) {
        return input.exp();
    }

    /** Mirrors {@code torch.log(input)}. */
    public static Tensor log(Tensor input) {
        return input.log();
    }

    /** Mirrors {@code torch.sqrt(input)}. */
    public static Tensor sqrt(Tensor input) {
        return input.sqrt();
    }

    /** Mirrors {@code torch.abs(input)}. */
    public static Tensor abs(Tensor input) {
        return input.abs();
    }

    /** Mirrors {@code torch.clamp(input, min, max)}. */
    public static Tensor clamp(Tensor input, double min, double max) {
        return input.clamp(min, max);
    }

    /** Mirrors {@code torch.matmul(input, other)}. */
    public static Tensor matmul(Tensor input, Tensor other) {
        return input.matmul(other);
    }

    /** Mirrors {@code torch.flatten(input, start_dim)}. */
    public static Tensor flatten(Tensor input, int startDim) {
        return input.flatten(startDim);
    }

    /** Mirrors {@code torch.unsqueeze(input, dim)}. */
    public static Tensor unsqueeze(Tensor input, int dim) {
        return input.unsqueeze(dim);
    }

    /** Mirrors {@code torch.squeeze(input)}. */
    public static Tensor squeeze(Tensor input) {
        return input.squeeze();
    }

    /** Mirrors {@code torch.transpose(input, dim0, dim1)}. */
    public static Tensor transpose(Tensor input, int dim0, int dim1) {
        return input.transpose(dim0, dim1);
    }

    /** Mirrors {@code torch.chunk(input, chunks, dim)}. */
    public static List<Tensor> chunk(Tensor input, int chunks, int dim) {
        return input.chunk(chunks, dim);
    }

    /** Mirrors {@code torch.split(input, split_size, dim)}. */
    public static List<Tensor> split(Tensor input, long splitSize, int dim) {
        return input.split(splitSize, dim);
    }

    /** Mirrors {@code torch.gather(input, dim, index)}. */
    public static Tensor gather(Tensor input, int dim, Tensor index) {
        return input.gather(dim, index);
    }

    /** Mirrors {@code torch.cumsum(input, dim)}. */
    public static Tensor cumsum(Tensor input, int dim) {
        return input.cumsum(dim);
    }

    /** Mirrors {@code torch.isnan(input)}. */
    public static Tensor isnan(Tensor input) {
        return input.isnan();
    }

    /** Mirrors {@code torch.eq(input, other)}. */
    public static Tensor eq(Tensor input, Tensor other) {
        return input.eq(other);
    }

    /** Mirrors {@code torch.equal(input, other)}. */
    public static boolean equal(Tensor input, Tensor other) {
        return input.equal(other);
    }

    /** Mirrors {@code torch.allclose(input, other, rtol, atol)}. */
    public static boolean allclose(Tensor input, Tensor other, double rtol, double atol) {
        return input.allclose(other, rtol, atol);
    }

    /** {@code a} where {@code condition} is true, else {@code b} (broadcast); mirrors {@code torch.where(condition, a, b)}. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return a.where(condition, b);
    }

    /** {@code a} where {@code condition} is true, else {@code b}; mirrors {@code torch.where(condition, a, b)} with a number. */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return a.where(condition, b);
    }

    /** The indices of the non-zero elements; mirrors {@code torch.nonzero(input)}. */
    public static Tensor nonzero(Tensor input) {
        return input.nonzero();
    }

    /** Mirrors {@code torch.numel(input)}. */
    public static long numel(Tensor input) {
        return input.numel();
    }

    /** Joins tensors along dimension 0; mirrors {@code torch.cat(tensors)}. */
    public static Tensor cat(List<Tensor> tensors) {
        return Torch.cat(tensors, 0);
    }

    /** Joins tensors along {@code dim}; mirrors {@code torch.cat(tensors, dim)} with a tuple. */
    public static Tensor cat(Tensor[] tensors, int dim) {
        return Torch.cat(List.of(tensors), dim);
    }

    /** Joins tensors along dimension 0; mirrors {@code torch.cat((a, b, ...))}. */
    public static Tensor cat(Tensor... tensors) {
        return Torch.cat(List.of(tensors), 0);
    }

    /** Stacks tensors along a new dimension 0; mirrors {@code torch.stack(tensors)}. */
    public static Tensor stack(List<Tensor> tensors) {
        return Torch.stack(tensors, 0);
    }

    /** Stacks tensors along a new dimension {@code dim}; mirrors {@code torch.stack(tensors, dim)} with a tuple. */
    public static Tensor stack(Tensor[] tensors, int dim) {
        return Torch.stack(List.of(tensors), dim);
    }

    /** Stacks tensors along a new dimension 0; mirrors {@code torch.stack((a, b, ...))}. */
    public static Tensor stack(Tensor... tensors) {
        return Torch.stack(List.of(tensors), 0);
    }
}
