package io.jtorch;

import org.bytedeco.pytorch.GradMode;

/**
 * Autograd switched off on this thread until {@link #close()}; mirrors {@code torch.no_grad()}.
 * Obtain one with {@link Torch#noGrad()} in a try-with-resources block. Guards nest: closing one
 * restores the mode that was in force when it was opened.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;
    private final Thread owner;
    private boolean closed;

    NoGrad() {
        this.previous = GradMode.is_enabled();
        this.owner = Thread.currentThread();
        GradMode.set_enabled(false);
    }

    /** Restores the previous grad mode. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("NoGrad must be closed on the thread that opened it (" + owner.getName() + ")");
        }
        closed = true;
        GradMode.set_enabled(previous);
    }
}
