package io.jtorch.internal;

import org.bytedeco.pytorch.global.torch;

/**
 * Gives one thread its own count of libtorch intra-op threads, leaving every other thread's as it
 * is. What PyTorch's DataLoader workers do with {@code torch.set_num_threads(1)} in each worker
 * process, for jtorch's workers, which are threads of one process.
 *
 * <p>libtorch keeps the count twice: per thread (OpenMP's {@code omp_set_num_threads}, read by
 * each parallel op on that thread) and in one global setting that a thread adopts the first time
 * it runs an op. {@code at::set_num_threads} sets both; here the global setting is put back at
 * once, from a short-lived thread of its own, so that threads started later keep the count the
 * user chose ({@code Torch.setNumThreads}, {@code -Djtorch.threads}).
 */
public final class IntraOpThreads {
    private static final Object LOCK = new Object();

    private IntraOpThreads() {}

    /** Runs the calling thread's later libtorch ops on {@code threads} intra-op threads. */
    public static void setForCurrentThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the number of intra-op threads must be at least 1, got " + threads);
        }
        synchronized (LOCK) {
            int global = torch.get_num_threads(); // a thread's first call adopts the global setting
            if (global == threads) {
                return;
            }
            torch.set_num_threads(threads);
            Thread restore = new Thread(() -> torch.set_num_threads(global), "jtorch-intra-op-threads");
            restore.start();
            boolean interrupted = false;
            while (true) {
                try {
                    restore.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
