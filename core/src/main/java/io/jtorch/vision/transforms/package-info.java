/**
 * Image transforms on (C, H, W) and (N, C, H, W) tensors, and the preprocessing presets of
 * pretrained weights. Mirrors {@code torchvision.transforms} (and
 * {@code torchvision.transforms.functional} as {@link io.jtorch.vision.transforms.Functional});
 * random transforms draw from jtorch's generator in torchvision's order, so the same seed gives
 * the same crops and flips as in Python.
 */
package io.jtorch.vision.transforms;
