package io.jtorch.distributed;

import java.util.Locale;

/**
 * The library that carries a process group's collectives. Mirrors {@code torch.distributed.Backend}.
 */
public enum Backend {
    /** Gloo: CPU tensors, over TCP; ships in every build of the presets. */
    GLOO,
    /**
     * NCCL: CUDA tensors, over NVLink, PCIe or InfiniBand; needs the CUDA build ({@code mvn -Pgpu}).
     * A NCCL group also gets a Gloo backend for CPU tensors, as {@code "cuda:nccl,cpu:gloo"} does.
     */
    NCCL;

    /**
     * Parses PyTorch's spelling, {@code gloo} or {@code nccl}.
     *
     * @param name {@code "gloo"} or {@code "nccl"}, in any case
     * @return the backend of that name
     */
    public static Backend of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown distributed backend '" + name + "': expected gloo or nccl", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
