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
    /** {@return the number of samples, the size of the inputs' first dimension} */
    public long size() {
        return inputs.size(0);
    }

    /**
     * {@return this batch with both tensors moved to {@code device}; mirrors {@code x.to(device)}}
     *
     * @param device the device to move the inputs and labels to
     */
    public Batch to(Device device) {
        return new Batch(inputs.to(device), labels.to(device));
    }

    /**
     * {@return this batch moved to {@code device}, asynchronously to the host when {@code
     * nonBlocking} and the tensors are pinned ({@link #pinMemory()}); mirrors {@code x.to(device,
     * non_blocking=True)}}
     *
     * @param device the device to move the inputs and labels to
     * @param nonBlocking PyTorch's {@code non_blocking}: copy without waiting for the host when
     *     the source is in pinned memory
     */
    public Batch to(Device device, boolean nonBlocking) {
        return new Batch(inputs.to(device, nonBlocking), labels.to(device, nonBlocking));
    }

    /**
     * {@return this batch in page-locked host memory; mirrors {@code pin_memory=True} of a
     * loader} Needs the CUDA build.
     */
    public Batch pinMemory() {
        return new Batch(inputs.pinMemory(), labels.pinMemory());
    }
}
