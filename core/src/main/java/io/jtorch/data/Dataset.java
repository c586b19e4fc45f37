package io.jtorch.data;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * A map-style dataset: a size and random access to samples. Mirrors {@code torch.utils.data.Dataset}
 * ({@code __len__} and {@code __getitem__}).
 *
 * <p>Implementations may override {@link #getBatch(long[])} to build a batch in one operation, as
 * {@link TensorDataset} does; the default stacks single samples.
 */
public interface Dataset {
    /** {@return the number of samples; mirrors {@code __len__}} */
    long size();

    /**
     * {@return sample {@code index}; mirrors {@code __getitem__}}
     *
     * @param index the sample's 0-based index, below {@link #size()}
     */
    Example get(long index);

    /**
     * {@return the samples at {@code indices} stacked along a new first dimension; mirrors
     * {@code __getitems__} with the default collate function}
     *
     * @param indices the 0-based indices of the samples, in batch order
     * @throws IllegalArgumentException when {@code indices} is empty
     */
    default Batch getBatch(long[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one index");
        }
        List<Tensor> inputs = new ArrayList<>(indices.length);
        List<Tensor> labels = new ArrayList<>(indices.length);
        for (long i : indices) {
            Example e = get(i);
            inputs.add(e.input());
            labels.add(e.label());
        }
        return new Batch(Torch.stack(inputs, 0), Torch.stack(labels, 0));
    }

    /**
     * {@return whether samples differ between calls with the same index (random augmentation)}
     * Caches that reuse computed features check it; the default is {@code false}.
     */
    default boolean isRandom() {
        return false;
    }
}
