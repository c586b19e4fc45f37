/**
 * A plain training loop with evaluation, checkpoints that resume bit for bit, and the cache that
 * computes frozen layers once. No PyTorch counterpart: what tutorials write by hand, packaged.
 */
package io.jtorch.train;
