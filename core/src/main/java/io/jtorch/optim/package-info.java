/**
 * Optimizers with parameter groups and learning-rate schedulers, with state dicts for
 * checkpoints. Mirrors {@code torch.optim} and {@code torch.optim.lr_scheduler}.
 */
package io.jtorch.optim;
