package io.jtorch;

import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.io.IOException;

/**
 * Trains the 784-256-10 MLP on batches of 64 through a shuffling DataLoader, written the plain
 * way, for a given number of minutes, and prints {@code rss <minute> <bytes> <steps> <loss>} at
 * the end of every minute. Run in its own JVM by {@link SoakTest}.
 */
public final class SoakProbe {
    private SoakProbe() {}

    /** Args: minutes. */
    public static void main(String[] args) throws IOException {
        int minutes = Integer.parseInt(args[0]);
        Torch.manualSeed(0);
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        DataLoader trainLoader = new DataLoader(new TensorDataset(Torch.randn(12800, 784), Torch.randint(0, 10, 12800)), 64, true);
        SGD optimizer = new SGD(model.parameters(), 0.01).momentum(0.9);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        long start = System.nanoTime();
        long step = 0;
        int minute = 1;
        while (minute <= minutes) {
            for (Batch batch : trainLoader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(batch.inputs()), batch.labels());
                loss.backward();
                optimizer.step();
                step++;
                if (System.nanoTime() - start >= minute * 60_000_000_000L) {
                    System.out.println("rss " + minute + " " + MemoryProbe.residentBytes() + " " + step + " " + loss.item());
                    minute++;
                    if (minute > minutes) {
                        break;
                    }
                }
            }
        }
    }
}
