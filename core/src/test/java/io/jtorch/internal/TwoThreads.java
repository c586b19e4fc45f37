package io.jtorch.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;

/** Runs a test body on a new thread whose libtorch intra-op count is 2, whatever the machine's. */
public final class TwoThreads {
    private TwoThreads() {}

    /**
     * Runs {@code body} there and rethrows its failure; skips the test where libtorch's OpenMP
     * runtime cannot be reached, since the count is then not the thread's own to change.
     *
     * @param body the test body
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static void run(Runnable body) throws InterruptedException {
        Assumptions.assumeTrue(SerialRegion.available(), "libtorch's OpenMP runtime not reachable");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                IntraOpThreads.setForCurrentThread(2);
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() instanceof Error) {
            throw (Error) failure.get();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
