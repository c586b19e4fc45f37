/**
 * Helpers for training code, mirroring {@code torch.nn.utils}: gradient clipping
 * ({@link io.jtorch.nn.utils.ClipGrad}) and parameters as one vector ({@link io.jtorch.nn.utils.Convert}).
 */
package io.jtorch.nn.utils;
