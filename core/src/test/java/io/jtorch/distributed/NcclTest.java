package io.jtorch.distributed;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Sequential;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NCCL backend on a CUDA device: run where libtorch sees a GPU, skipped elsewhere. */
@Tag("gpu")
class NcclTest {
    @TempDir
    Path dir;

    @AfterEach
    void leave() {
        Distributed.destroyProcessGroup();
    }

    @Test
    void aNcclGroupTrainsOnTheGpuLikeThePlainLoop() throws Exception {
        assumeTrue(Torch.cuda().isAvailable(), "skipped: libtorch sees no CUDA device (the nccl backend needs the -Pgpu build and an "
                + "NVIDIA GPU); bench/gpu-check runs this test");
        Distributed.initProcessGroup(Backend.NCCL, dir.resolve("store").toUri().toString(), 1, 0, Duration.ofSeconds(60));
        Tensor t = Torch.ones(4).to(Device.cuda(0));
        Distributed.allReduce(t);
        assertTrue(t.to(Device.CPU).equal(Torch.ones(4)));

        Sequential plain = TinyJob.model(0);
        TinyJob.train(plain, plain, 1, 0, step -> { });
        Sequential onGpu = TinyJob.model(0);
        onGpu.to(Device.cuda(0));
        try (DistributedDataParallel ddp = new DistributedDataParallel(onGpu)) {
            TinyJob.train(new OnDevice(ddp, Device.cuda(0)), onGpu, 1, 0, step -> { });
        }
        Map<String, Tensor> a = plain.stateDict();
        Map<String, Tensor> b = onGpu.stateDict();
        for (String k : a.keySet()) {
            assertTrue(a.get(k).allclose(b.get(k).to(Device.CPU), 1e-4, 1e-5), k);
        }
    }

    /** Runs a module on a device, taking CPU inputs and giving CPU outputs (the loss is computed on the CPU labels). */
    private static final class OnDevice extends io.jtorch.nn.Module {
        private final io.jtorch.nn.Module inner;
        private final Device device;

        OnDevice(io.jtorch.nn.Module inner, Device device) {
            this.inner = inner;
            this.device = device;
        }

        @Override
        public Tensor forward(Tensor input) {
            return inner.forward(input.to(device)).to(Device.CPU);
        }
    }
}
