package io.jtorch.data;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.SerialRegion;

/**
 * A dataset over two tensors that share their first dimension: inputs and labels. Mirrors
 * {@code torch.utils.data.TensorDataset(inputs, labels)}. Batches are gathered with one
 * {@code index_select} per tensor.
 */
public final class TensorDataset implements Dataset {
    private final Tensor inputs;
    private final Tensor labels;

    /**
     * A dataset of {@code inputs[i], labels[i]} pairs. Both tensors are retained, so they outlive
     * the scope they were made in.
     *
     * @param inputs the inputs, samples along the first dimension
     * @param labels the labels, samples along the first dimension, as many as {@code inputs} has
     * @throws IllegalArgumentException when a tensor is 0-dimensional or the first dimensions
     *     differ
     */
    public TensorDataset(Tensor inputs, Tensor labels) {
        if (inputs.dim() == 0 || labels.dim() == 0) {
            throw new IllegalArgumentException("TensorDataset needs tensors with a first (sample) dimension");
        }
        if (inputs.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("Size mismatch between tensors: inputs " + Shapes.format(inputs.shape())
                    + " and labels " + Shapes.format(labels.shape()) + " differ in their first dimension");
        }
        this.inputs = inputs.retain();
        this.labels = labels.retain();
    }

    /** {@return all inputs, samples along the first dimension} */
    public Tensor inputs() {
        return inputs;
    }

    /** {@return all labels, samples along the first dimension} */
    public Tensor labels() {
        return labels;
    }

    @Override
    public long size() {
        return inputs.size(0);
    }

    @Override
    public Example get(long index) {
        long n = size();
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for a dataset of size " + n);
        }
        return new Example(inputs.get(index), labels.get(index));
    }

    @Override
    public Batch getBatch(long[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        if (isRun(indices)) {
            // Consecutive samples (an unshuffled loader): views, no copy.
            return new Batch(inputs.narrow(0, indices[0], indices.length), labels.narrow(0, indices[0], indices.length));
        }
        Tensor idx = Torch.tensor(indices);
        // A copy gives the same values however it is split: small ones are made on this thread
        // alone, without waking libtorch's team (see SerialRegion).
        long elements = (inputs.numel() + labels.numel()) / Math.max(1, size()) * indices.length;
        try (SerialRegion alone = SerialRegion.open(elements <= SerialRegion.SMALL_COPY)) {
            return new Batch(inputs.indexSelect(0, idx), labels.indexSelect(0, idx));
        }
    }

    private boolean isRun(long[] indices) {
        long n = size();
        if (indices[0] < 0 || indices[indices.length - 1] >= n) {
            return false;
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] != indices[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }
}
