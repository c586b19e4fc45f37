package io.jtorch.nn;

import java.util.LinkedHashMap;

/**
 * A module whose {@code forward} is a chain of stages, each run on the output of the one
 * before; what PyTorch code expresses as {@code nn.Sequential(*model.children())} when it cuts
 * a network apart.
 *
 * <p>Running the stages one after another on an input gives {@code forward}'s output. The
 * stages are the module's own children (shared, not copied), in the order {@code forward}
 * calls them, plus parameter-free modules that stand for the functional steps between them
 * (the {@code torch.flatten(x, 1)} before a ResNet's {@code fc}). The training loop's
 * {@link io.jtorch.train.FeatureCache} uses them to split a model into a frozen prefix,
 * computed once, and the trainable rest.
 */
public interface Staged {
    /**
     * {@return the stages by name, in order: a child's own name ({@code "layer4"}), or for a
     * functional step a name with a dot in it ({@code "torch.flatten"}), which no child can have}
     *
     * @throws UnsupportedOperationException when {@code forward} is not such a chain (the
     *     message says why), for modules that can only tell by looking
     */
    LinkedHashMap<String, Module> stages();
}
