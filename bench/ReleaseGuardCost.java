import io.jtorch.Scope;
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
import java.util.Locale;

/**
 * What the release guard of {@code Tensor.raw()} costs (BENCHMARKS.md, "Release safety across
 * threads"): the seed step (784-256-10 MLP, batches of 64, SGD, through a DataLoader) timed over
 * {@code steps} steps, {@code rounds} times; then {@code raw()} on the owner's thread against
 * {@code isReleased()}, which is what {@code raw()} did before (one check of the handle), in ns
 * per call (each call reads the tensor from a volatile field, so that nothing is hoisted out of
 * the loop: both figures include that read); then {@code raw()} on a thread that does not own the tensor's scope (the borrowing
 * path). Run with the library's classes first on the classpath, once per build to compare:
 *
 *     java -cp "core/target/classes:$(cat cp.txt)" bench/ReleaseGuardCost.java 2000 5
 */
public final class ReleaseGuardCost {
    private static long sink;
    /** Read afresh on every call (volatile), so that the JIT cannot hoist the measured code out of the loop. */
    private static volatile Tensor shared;

    public static void main(String[] args) throws Exception {
        int steps = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Torch.manualSeed(0);
        Tensor inputs = Torch.randn(100 * 64, 784).retain();
        Tensor labels = Torch.randint(0, 10, 100 * 64).retain();
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        DataLoader loader = new DataLoader(new TensorDataset(inputs, labels), 64);
        SGD optimizer = new SGD(model.parameters(), 0.01);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        StringBuilder row = new StringBuilder();
        for (int r = 0; r <= rounds; r++) {
            long start = System.nanoTime();
            int done = 0;
            while (done < steps) {
                for (Batch b : loader) {
                    optimizer.zeroGrad();
                    criterion.forward(model.forward(b.inputs()), b.labels()).backward();
                    optimizer.step();
                    if (++done == steps) {
                        break;
                    }
                }
            }
            double ms = (System.nanoTime() - start) / 1e6 / steps;
            if (r > 0) { // round 0 warms up
                row.append(String.format(Locale.ROOT, " %.3f", ms));
            }
        }
        System.out.println("seed step ms:" + row);

        try (Scope scope = Scope.open()) {
            Tensor t = Torch.ones(4);
            shared = t;
            for (int i = 0; i < 3; i++) {
                double check = perCall(() -> sink += shared.isReleased() ? 1 : 0);
                double raw = perCall(() -> sink += shared.raw().limit());
                System.out.printf(Locale.ROOT, "owner thread: isReleased() %.2f ns, raw() %.2f ns%n", check, raw);
            }
            Thread other = new Thread(() -> {
                try (Scope mine = Scope.open()) {
                    double borrow = perCall(() -> sink += t.raw().limit(), 200_000);
                    System.out.printf(Locale.ROOT, "other thread: raw() %.0f ns (a borrowed handle)%n", borrow);
                }
            });
            other.start();
            other.join();
        }
        System.out.println("(sink " + (sink & 1) + ")");
    }

    private static double perCall(Runnable r) {
        return perCall(r, 50_000_000);
    }

    private static double perCall(Runnable r, int calls) {
        for (int i = 0; i < calls / 10; i++) {
            r.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            r.run();
        }
        return (System.nanoTime() - start) / (double) calls;
    }
}
