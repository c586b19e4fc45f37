package io.jtorch.internal;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps jtorch's own reads and resets of {@code .grad} from running while a backward pass writes
 * gradients.
 *
 * <p>libtorch guards the gradient field of a leaf tensor with a mutex that only its backward
 * pass takes; reading the field (copying its handle) or resetting it ({@code zero_grad}) from
 * another thread at that moment reads or frees a tensor that is being replaced. With one model
 * trained from two threads this killed the JVM (SIGSEGV in autograd, or "intrusive_ptr: Cannot
 * increase refcount after it reached zero"). Backward passes take this lock shared, so they
 * still run in parallel with each other; {@code grad()}, {@code clearGrad()} and
 * {@code Optimizer.step()}'s gradient reads take it exclusively, which costs one uncontended
 * lock in single-threaded code.
 */
public final class GradLock {
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private GradLock() {}

    /** Runs a backward pass, which writes {@code .grad} fields under libtorch's own locks. */
    public static void backward(Runnable pass) {
        LOCK.readLock().lock();
        try {
            pass.run();
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** Reads or resets {@code .grad} fields while no backward pass runs. */
    public static <T> T access(Supplier<T> body) {
        LOCK.writeLock().lock();
        try {
            return body.get();
        } finally {
            LOCK.writeLock().unlock();
        }
    }
}
