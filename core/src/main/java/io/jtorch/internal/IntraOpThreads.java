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
    /** The global setting, as the user left it; 0 until first read. Guarded by LOCK. */
    private static int global;

    private IntraOpThreads() {}

    /** Records a new global setting ({@code Torch.setNumThreads}); call with the count just set. */
    static void globalSet(int threads) {
        synchronized (LOCK) {
            global = threads;
        }
    }

    /** {@return the global setting: the count a thread adopts on its first op} */
    static int global() {
        synchronized (LOCK) {
            if (global == 0) {
                int[] seen = new int[1];
                runOnFreshThread(() -> seen[0] = torch.get_num_threads());
                global = seen[0];
            }
            return global;
        }
    }

    /** Runs the calling thread's later libtorch ops on {@code threads} intra-op threads. */
    public static void setForCurrentThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the number of intra-op threads must be at least 1, got " + threads);
        }
        synchronized (LOCK) {
            int restore = global();
            if (torch.get_num_threads() == threads) { // a thread's first call adopts the global setting
                return;
            }
            torch.set_num_threads(threads);
            if (restore != threads) {
                runOnFreshThread(() -> torch.set_num_threads(restore));
            }
        }
    }

    private static void runOnFreshThread(Runnable r) {
        Thread t = new Thread(r, "jtorch-intra-op-threads");
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
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
