package io.jtorch.bench;

import io.jtorch.Torch;

/** Applies a benchmark's thread setting. */
final class Threads {
    private Threads() {}

    /** "default" keeps jtorch's default (libtorch's own count, OpenBLAS balanced against it); a number sets libtorch's intra-op threads. */
    static void apply(String threads) {
        Torch.getNumThreads(); // loads libtorch, which applies the default
        if (!threads.equals("default")) {
            Torch.setNumThreads(Integer.parseInt(threads));
        }
    }
}
