package io.jtorch;

import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Releases tensors while another thread is inside native ops on them, in a JVM of its own (a
 * crash of native code fails {@link ReleaseRaceTest} instead of ending the test run). Each round:
 * the owner thread makes a tensor in a {@link Scope} (or draws a {@link DataLoader} batch) and
 * hands it to a user thread, which loops {@code matmul}, {@code sum}, {@code add}, {@code shape}
 * and {@code item} on it; after a random pause of up to 5 ms the owner closes the scope (or
 * advances the loader). The user must then get an {@link IllegalStateException} that says the
 * tensor was released; any other exception is counted as wrong.
 *
 * <p>Prints {@code results <n>}, {@code released <n>}, {@code wrong <n> <first>} and
 * {@code rounds <n>}, one tab-separated pair a line. Args: rounds, seed, and {@code scope} or
 * {@code loader}.
 */
public final class ReleaseRaceMain {
    private ReleaseRaceMain() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        boolean loader = args.length > 2 && args[2].equals("loader");
        long results = 0;
        long released = 0;
        long wrong = 0;
        String firstWrong = "-";
        for (int r = 0; r < rounds; r++) {
            long pauseNanos = random.nextInt(5_000_000);
            long[] counts = loader ? loaderRound(pauseNanos) : scopeRound(pauseNanos);
            results += counts[0];
            if (counts[1] == 1) {
                released++;
            } else {
                wrong++;
                if (firstWrong.equals("-")) {
                    firstWrong = OUTCOME.get();
                }
            }
        }
        System.out.println("results\t" + results);
        System.out.println("released\t" + released);
        System.out.println("wrong\t" + wrong + "\t" + firstWrong);
        System.out.println("rounds\t" + rounds);
        System.exit(0);
    }

    private static final AtomicReference<String> OUTCOME = new AtomicReference<>();

    /** The owner makes a tensor in a scope, a user works on it, the owner closes the scope. */
    private static long[] scopeRound(long pauseNanos) throws InterruptedException {
        AtomicReference<Tensor> shared = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        long[] counts = new long[2];
        Thread user;
        try (Scope owner = Scope.open()) {
            shared.set(Torch.randn(384, 384));
            user = startUser(shared, started, counts);
            started.await();
            pause(pauseNanos);
        }
        user.join();
        return counts;
    }

    /** The owner draws a batch from a loader, a user works on it, the owner draws the next one. */
    private static long[] loaderRound(long pauseNanos) throws InterruptedException {
        Tensor data = Torch.randn(2, 384, 384).retain();
        DataLoader batches = new DataLoader(new TensorDataset(data, data), 1);
        Iterator<Batch> it = batches.iterator();
        AtomicReference<Tensor> shared = new AtomicReference<>(it.next().inputs().squeeze(0));
        CountDownLatch started = new CountDownLatch(1);
        long[] counts = new long[2];
        Thread user = startUser(shared, started, counts);
        started.await();
        pause(pauseNanos);
        it.next(); // releases the first batch
        user.join();
        while (it.hasNext()) {
            it.next();
        }
        return counts;
    }

    private static Thread startUser(AtomicReference<Tensor> shared, CountDownLatch started, long[] counts) {
        Thread user = new Thread(() -> {
            Tensor t = shared.get();
            started.countDown();
            try {
                while (true) {
                    try (Scope mine = Scope.open()) {
                        Tensor y = t.matmul(t).sum();
                        y.add(t.sum()).item();
                        t.shape();
                        counts[0]++;
                    }
                }
            } catch (IllegalStateException e) {
                boolean ok = e.getMessage() != null && e.getMessage().contains("released");
                counts[1] = ok ? 1 : 0;
                OUTCOME.set(e.toString());
            } catch (RuntimeException e) {
                OUTCOME.set(e.toString());
            }
        }, "user");
        user.start();
        return user;
    }

    private static void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
