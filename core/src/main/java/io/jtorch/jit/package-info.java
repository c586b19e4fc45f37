/**
 * TorchScript: loading models Python exported, editing their heads, scripting Java modules and
 * saving them for Python. Mirrors {@code torch.jit}.
 */
package io.jtorch.jit;
