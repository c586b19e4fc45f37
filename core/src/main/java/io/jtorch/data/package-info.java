/**
 * Datasets, samplers and the {@link io.jtorch.data.DataLoader} whose batches are memory scopes.
 * Mirrors {@code torch.utils.data}.
 */
package io.jtorch.data;
