/**
 * Tensors, devices, dtypes, random generators and the memory scopes that own native handles.
 * Mirrors {@code torch}: {@link io.jtorch.Torch} holds the {@code torch.*} functions,
 * {@link io.jtorch.Tensor} is {@code torch.Tensor}, {@link io.jtorch.Scope} explains who frees
 * what.
 */
package io.jtorch;
