package io.jtorch.data;

/**
 * Chooses the dataset indices a {@link DataLoader} pass visits, and their order. Mirrors
 * {@code torch.utils.data.Sampler}: {@code DataLoader(ds, batch_size, sampler=s)} is
 * {@code new DataLoader(ds, batchSize).sampler(s)}.
 */
public interface Sampler {
    /** {@return the indices of one pass, in order; mirrors {@code iter(sampler)}} */
    long[] indices();

    /** {@return how many indices a pass yields; mirrors {@code len(sampler)}} */
    long size();
}
