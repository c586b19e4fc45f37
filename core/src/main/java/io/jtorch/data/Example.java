package io.jtorch.data;

import io.jtorch.Tensor;

/**
 * One sample of a {@link Dataset}: an input and its label. Mirrors the {@code (input, label)}
 * tuple a PyTorch dataset's {@code __getitem__} returns.
 *
 * @param input the sample, e.g. an image of shape (C, H, W)
 * @param label its label, e.g. a 0-dimensional int64 class index
 */
public record Example(Tensor input, Tensor label) {}
