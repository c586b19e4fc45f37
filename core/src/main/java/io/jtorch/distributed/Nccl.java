package io.jtorch.distributed;

import io.jtorch.Torch;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.nccl.ProcessGroupNCCL;

/** Creates NCCL backends; kept apart because its native library ships only in the CUDA build. */
final class Nccl {
    private Nccl() {}

    static org.bytedeco.pytorch.Backend create(org.bytedeco.pytorch.Store store, int rank, int worldSize, Milliseconds timeout) {
        if (!Torch.cuda().isAvailable()) {
            throw new IllegalStateException("the nccl backend needs CUDA, but libtorch sees no CUDA device (build with -Pgpu on a "
                    + "machine with an NVIDIA GPU, or use gloo)");
        }
        ProcessGroupNCCL.Options options = new ProcessGroupNCCL.Options();
        options.timeout(timeout);
        ProcessGroupNCCL nccl;
        try {
            nccl = new ProcessGroupNCCL(store, rank, worldSize, options);
        } catch (LinkageError e) {
            throw new IllegalStateException("the nccl backend is not in this build of libtorch (build with -Pgpu)", e);
        }
        nccl.retainReference();
        return nccl;
    }
}
