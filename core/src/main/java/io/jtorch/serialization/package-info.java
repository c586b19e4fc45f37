/**
 * Reading and writing the files Python makes: {@code torch.save} archives through a weights-only
 * unpickler, safetensors, and atomic file writes. Mirrors {@code torch.serialization}; entry
 * points are {@link io.jtorch.Torch#load} and {@link io.jtorch.Torch#save}.
 */
package io.jtorch.serialization;
