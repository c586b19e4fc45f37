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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains a 784-256-10 MLP on batches of 64, written the plain way (no scopes, no close), and
 * prints the process's resident memory at chosen steps. Run in its own JVM by {@link MemoryBoundTest}.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    /** Args: total steps, then the steps at which to report resident memory. */
    public static void main(String[] args) throws IOException {
        int steps = Integer.parseInt(args[0]);
        java.util.Set<Integer> reportAt = new java.util.HashSet<>();
        for (int i = 1; i < args.length; i++) {
            reportAt.add(Integer.parseInt(args[i]));
        }
        Torch.manualSeed(0);
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        DataLoader trainLoader = new DataLoader(new TensorDataset(Torch.randn(6400, 784), Torch.randint(0, 10, 6400)), 64, true);
        SGD optimizer = new SGD(model.parameters(), 0.01);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        int step = 0;
        while (step < steps) {
            for (Batch batch : trainLoader) {
                optimizer.zeroGrad();
                Tensor outputs = model.forward(batch.inputs());
                Tensor loss = criterion.forward(outputs, batch.labels());
                loss.backward();
                optimizer.step();
                step++;
                if (reportAt.contains(step)) {
                    System.out.println("rss " + step + " " + residentBytes() + " loss " + loss.item());
                }
                if (step == steps) {
                    break;
                }
            }
        }
    }

    /** The process's resident set size, from /proc/self/status. */
    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
