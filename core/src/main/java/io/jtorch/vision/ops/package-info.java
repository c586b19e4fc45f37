/**
 * Building blocks of the vision models. Mirrors {@code torchvision.ops}: {@link
 * io.jtorch.vision.ops.StochasticDepth}, {@link io.jtorch.vision.ops.SqueezeExcitation}, {@link
 * io.jtorch.vision.ops.Conv2dNormActivation}, {@link io.jtorch.vision.ops.MLP} and {@link
 * io.jtorch.vision.ops.Permute}.
 */
package io.jtorch.vision.ops;
