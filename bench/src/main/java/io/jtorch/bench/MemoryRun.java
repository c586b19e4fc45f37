package io.jtorch.bench;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed loop written the plain way for a given number of steps, printing resident memory
 * ("rss STEP BYTES") at step 1,000 and at the end. bench/run starts it with a fixed, pre-touched
 * heap so that only native memory can move the number.
 */
public final class MemoryRun {
    private MemoryRun() {}

    /** Args: the number of steps. */
    public static void main(String[] args) throws IOException {
        int steps = Integer.parseInt(args[0]);
        Torch.manualSeed(0);
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        DataLoader trainLoader = new DataLoader(new TensorDataset(Torch.randn(6400, 784), Torch.randint(0, 10, 6400)), 64, true);
        SGD optimizer = new SGD(model.parameters(), 0.01);
        int step = 0;
        while (step < steps) {
            for (Batch batch : trainLoader) {
                optimizer.zeroGrad();
                Tensor loss = new CrossEntropyLoss().forward(model.forward(batch.inputs()), batch.labels());
                loss.backward();
                optimizer.step();
                if (++step == 1000 || step == steps) {
                    System.out.println("rss " + step + " " + resident());
                }
                if (step == steps) {
                    break;
                }
            }
        }
    }

    private static long resident() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
