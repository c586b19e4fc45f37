package io.jtorch.vision.datasets;

import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.internal.IntraOpThreads;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the per-sample transforms of a batch, for a caller that is not a {@code DataLoader}
 * worker, on a thread of that caller's own whose libtorch ops use one intra-op thread, as
 * PyTorch's pipelines transform each image on one core (PIL, single-threaded workers). Spreading
 * each small per-sample op over every core costs more than it saves, and on a busy machine far
 * more (a Resize(256) epoch ran 5x slower on 2 cores under load).
 *
 * <p>The transforms run in the batch's order on that one thread and draw from the global
 * generator, as they would on the caller; the batch is stacked there too, so that the caller
 * runs no parallel op of its own. What the helper makes lives in a scope of the helper's, open
 * until the caller holds its own view of the batch.
 */
final class TransformThread {
    /** One helper per calling thread, so that callers do not wait for each other; idle helpers end. */
    private static final ThreadLocal<ThreadPoolExecutor> OWN = ThreadLocal.withInitial(TransformThread::start);

    private TransformThread() {}

    private static ThreadPoolExecutor start() {
        String caller = Thread.currentThread().getName();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(() -> {
                IntraOpThreads.setForCurrentThread(1);
                task.run();
            }, "jtorch-image-transforms-" + caller);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The tensor {@code transform} makes on the helper thread, as a tensor of the caller's
     * current scope (a view of the same memory, made on the caller's thread); the helper then
     * releases what it made. A failure on the helper is rethrown as it was thrown.
     */
    static Tensor run(Supplier<Tensor> transform) {
        ThreadPoolExecutor pool = OWN.get();
        Future<Object[]> made = pool.submit(() -> {
            Scope scope = Scope.open();
            try {
                return new Object[] {transform.get(), scope};
            } catch (RuntimeException | Error e) {
                scope.close();
                throw e;
            }
        });
        Object[] result;
        try {
            result = made.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while transforming a batch of images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("transforming a batch of images failed: " + cause, cause);
        }
        Tensor tensor = (Tensor) result[0];
        Scope scope = (Scope) result[1];
        try {
            return tensor.view(tensor.shape());
        } finally {
            pool.execute(scope::close); // a scope is closed by the thread that opened it
        }
    }
}
