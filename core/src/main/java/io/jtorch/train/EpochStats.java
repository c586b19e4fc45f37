package io.jtorch.train;

/**
 * What one pass over the training data measured.
 *
 * @param meanLoss the loss averaged over samples
 * @param samples the number of samples seen
 * @param batches the number of optimizer steps
 * @param seconds wall time of the pass
 * @param cached whether the frozen prefix's outputs came from the feature cache
 */
public record EpochStats(double meanLoss, long samples, long batches, double seconds, boolean cached) {
    /** {@return the samples per second of the pass, 0 when it took no measurable time} */
    public double throughput() {
        return seconds > 0 ? samples / seconds : 0;
    }
}
