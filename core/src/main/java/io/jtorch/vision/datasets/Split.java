package io.jtorch.vision.datasets;

import io.jtorch.data.Dataset;

/**
 * A dataset cut in two: the part to train on and the part held out to validate on. The
 * counterpart of {@code train, val = torch.utils.data.random_split(dataset, ...)}.
 *
 * @param train the samples to train on
 * @param heldOut the samples held out
 * @param <D> the type of both parts
 */
public record Split<D extends Dataset>(D train, D heldOut) {}
