package io.jtorch.data;

import io.jtorch.Device;
import io.jtorch.Tensor;

/**
 * A batch of inputs and their labels, as a {@link DataLoader} yields it. Mirrors the
 * {@code inputs, labels} pair of {@code for inputs, labels in train_loader}.
 *
 * <p>A batch's tensors, and every tensor computed from them, are released when the loader moves
 * to the next batch; call {@link Tensor#retain()} on what must live longer.
 *
 * @param inputs the inputs, batch dimension first
 * @param labels the labels, batch dimension first
 */
public record Batch(Tensor inputs, Tensor labels) {
    /** The number of samples. */
    public long size() {
        return inputs.size(0);
    }

    /** This batch with both tensors moved to {@code device}. */
    public Batch to(Device device) {
        return new Batch(inputs.to(device), labels.to(device));
    }
}
