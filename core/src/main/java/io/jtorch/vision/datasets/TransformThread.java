package io.jtorch.vision.datasets;

import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.internal.IntraOpThreads;
import java.util.List;
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
 * generator, as they would on the caller. Their results live in a scope of the helper's, open
 * until the caller has stacked them into its own batch tensor.
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
     * {@code combine} of the tensors {@code transform} makes on the helper thread; {@code combine}
     * runs on the caller, after which the helper releases the tensors it made. A failure on the
     * helper is rethrown as it was thrown.
     */
    static Tensor run(Supplier<List<Tensor>> transform, java.util.function.Function<List<Tensor>, Tensor> combine) {
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
        @SuppressWarnings("unchecked")
        List<Tensor> tensors = (List<Tensor>) result[0];
        Scope scope = (Scope) result[1];
        try {
            return combine.apply(tensors);
        } finally {
            pool.execute(scope::close); // a scope is closed by the thread that opened it
        }
    }
}
