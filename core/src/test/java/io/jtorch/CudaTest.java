package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import io.jtorch.train.EpochStats;
import io.jtorch.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training on a CUDA device. These tests run where libtorch sees a GPU (the -Pgpu build on a
 * machine with an NVIDIA GPU; bench/gpu-check runs them) and are skipped, saying why, elsewhere.
 */
@Tag("gpu")
class CudaTest {
    static final Device GPU = Device.cuda(0);

    static void assumeGpu() {
        assumeTrue(Torch.cuda().isAvailable(), "skipped: libtorch sees no CUDA device (this is the CPU build of the presets "
                + "unless built with -Pgpu, on a machine with an NVIDIA GPU); bench/gpu-check runs these tests");
    }

    static Sequential mlp(long seed) {
        Torch.manualSeed(seed);
        return new Sequential(new Linear(8, 32), new ReLU(), new Linear(32, 3));
    }

    @Test
    void pinnedMemoryNeedsCudaAndSaysSoWithoutIt() {
        Tensor x = Torch.randn(2, 2);
        assertFalse(x.isPinned());
        if (!Torch.cuda().isAvailable()) {
            assertThrows(TorchException.class, x::pinMemory);
            return;
        }
        assertTrue(x.pinMemory().isPinned());
    }

    @Test
    void aPinnedBatchReachesTheGpuWithoutBlockingAndKeepsItsValues() {
        assumeGpu();
        Batch b = new Batch(Torch.randn(16, 8), Torch.randint(0, 3, 16));
        Batch pinned = b.pinMemory();
        assertTrue(pinned.inputs().isPinned() && pinned.labels().isPinned());
        Batch onGpu = pinned.to(GPU, true);
        assertTrue(onGpu.inputs().device().isCuda());
        assertTrue(onGpu.inputs().to(Device.CPU).equal(b.inputs()));
        assertTrue(onGpu.labels().to(Device.CPU).equal(b.labels()));
    }

    @Test
    void aTrainingStepOnTheGpuMatchesTheCpu() {
        assumeGpu();
        Sequential cpu = mlp(1);
        Sequential gpu = mlp(1);
        gpu.to(GPU);
        Tensor x = Torch.randn(32, 8);
        Tensor y = Torch.randint(0, 3, 32);
        for (Sequential m : List.of(cpu, gpu)) {
            Device d = m == gpu ? GPU : Device.CPU;
            SGD optimizer = new SGD(m.parameters(), 0.1);
            Tensor loss = new CrossEntropyLoss().forward(m.forward(x.to(d)), y.to(d));
            loss.backward();
            optimizer.step();
        }
        List<Parameter> a = cpu.parameters();
        List<Parameter> b = gpu.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertTrue(b.get(i).device().isCuda());
            assertTrue(a.get(i).allclose(b.get(i).to(Device.CPU), 1e-4, 1e-5), "parameter " + i);
        }
    }

    @Test
    void theTrainerMovesEachBatchToTheGpu() {
        assumeGpu();
        Sequential m = mlp(2);
        m.to(GPU);
        TensorDataset data = new TensorDataset(Torch.randn(64, 8), Torch.randint(0, 3, 64));
        Trainer trainer = new Trainer(m, new SGD(m.parameters(), 0.1), new CrossEntropyLoss()).device(GPU);
        EpochStats first = trainer.trainEpoch(new DataLoader(data, 16, true).seed(0));
        EpochStats later = first;
        for (int i = 0; i < 20; i++) {
            later = trainer.trainEpoch(new DataLoader(data, 16, true).seed(i));
        }
        assertEquals(64, later.samples());
        assertTrue(later.meanLoss() < first.meanLoss(), first.meanLoss() + " -> " + later.meanLoss());
    }
}
