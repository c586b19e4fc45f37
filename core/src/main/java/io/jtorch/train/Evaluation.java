package io.jtorch.train;

/**
 * A model's loss and accuracy on a dataset.
 *
 * @param meanLoss the loss averaged over samples
 * @param accuracy the fraction of samples whose highest-scoring class is the label
 * @param samples the number of samples
 * @param seconds wall time
 */
public record Evaluation(double meanLoss, double accuracy, long samples, double seconds) {}
