package io.jtorch.internal;

import io.jtorch.Torch;

/** Started by {@link CpuFallbackTest} in a JVM of its own: one small computation, then whether CUDA is available. */
public final class CpuFallbackMain {
    private CpuFallbackMain() {}

    public static void main(String[] args) {
        System.out.println("sum " + Torch.ones(3).sum().item() + " cuda " + Torch.cuda().isAvailable());
    }
}
