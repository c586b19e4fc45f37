/**
 * Layers, containers, losses, initialisation and the functional forms. Mirrors
 * {@code torch.nn}, {@code torch.nn.functional} ({@link io.jtorch.nn.Functional}) and
 * {@code torch.nn.init} ({@link io.jtorch.nn.Init}). Every layer is a {@link io.jtorch.nn.Module}
 * with PyTorch's parameter names, so state dicts move between Python and Java unchanged.
 *
 * <p>{@code import io.jtorch.nn.*;} makes {@code Module} ambiguous with {@code java.lang.Module}:
 * add {@code import io.jtorch.nn.Module;} beside the wildcard.
 */
package io.jtorch.nn;
