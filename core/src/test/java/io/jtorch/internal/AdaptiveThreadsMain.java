package io.jtorch.internal;

import io.jtorch.Torch;

/** Started by {@link AdaptiveThreadsTest} in a JVM of its own: whether {@code -Djtorch.threads} switched adaptive counts on. */
public final class AdaptiveThreadsMain {
    private AdaptiveThreadsMain() {}

    public static void main(String[] args) {
        System.out.println("sum " + Torch.ones(3).sum().item() + " adaptive " + Torch.adaptiveThreads());
    }
}
