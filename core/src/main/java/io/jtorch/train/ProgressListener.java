package io.jtorch.train;

/** Receives progress within an epoch, e.g. to draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total, runningLoss, samplesPerSecond) -> { };

    /**
     * Called after each batch.
     *
     * @param batchesDone batches finished in this epoch
     * @param batchesTotal batches in the epoch
     * @param runningLoss the mean loss so far in this epoch
     * @param samplesPerSecond throughput so far
     */
    void onBatch(long batchesDone, long batchesTotal, double runningLoss, double samplesPerSecond);
}
