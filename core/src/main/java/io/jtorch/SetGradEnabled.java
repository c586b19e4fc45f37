package io.jtorch;

import org.bytedeco.pytorch.GradMode;

/**
 * Autograd switched on or off on this thread until {@link #close()}; mirrors
 * {@code torch.set_grad_enabled(mode)} and {@code torch.enable_grad()}. Like PyTorch's, it takes
 * effect as soon as it is made, so it works both as a plain call and in a try-with-resources block:
 * <pre>{@code
 * try (var grad = Torch.setGradEnabled(phase.equals("train"))) {
 *     Tensor outputs = model.forward(inputs);
 * }
 * }</pre>
 * Guards nest: closing one restores the mode that was in force when it was made.
 */
public final class SetGradEnabled implements AutoCloseable {
    private final boolean previous;
    private final Thread owner;
    private boolean closed;

    SetGradEnabled(boolean enabled) {
        this.previous = GradMode.is_enabled();
        this.owner = Thread.currentThread();
        GradMode.set_enabled(enabled);
    }

    /** Restores the mode in force before this guard was made. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("SetGradEnabled must be closed on the thread that made it (" + owner.getName() + ")");
        }
        closed = true;
        GradMode.set_enabled(previous);
    }
}
