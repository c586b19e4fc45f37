/**
 * Data-parallel training on libtorch's c10d: process groups, stores, samplers and
 * {@link io.jtorch.distributed.DistributedDataParallel}. Mirrors {@code torch.distributed} and
 * {@code torch.nn.parallel.DistributedDataParallel}.
 */
package io.jtorch.distributed;
