package io.jtorch;

import org.bytedeco.javacpp.PointerScope;

/**
 * A region of code whose temporary native memory is released when it closes.
 *
 * <h2>How native memory is owned in jtorch</h2>
 * Every {@link Tensor} owns one libtorch tensor handle (a reference-counted pointer to the data).
 * Releasing a handle never frees data that libtorch still uses elsewhere (an autograd graph, a
 * module, another handle); it only drops that one reference. Handles are released in one of three
 * ways:
 * <ol>
 *   <li>when the innermost open {@code Scope} of the thread that created them closes;</li>
 *   <li>when a {@link io.jtorch.data.DataLoader} moves to its next batch: each batch runs in its
 *       own scope, so a plain training loop frees every temporary of a step before the next one
 *       starts, without any code on the caller's side;</li>
 *   <li>otherwise, when the garbage collector finds the {@code Tensor} unreachable.</li>
 * </ol>
 * A tensor that must outlive its scope (a running total kept across batches, an output collected
 * for later) is kept with {@link Tensor#retain()}; it is then released by the garbage collector.
 * Parameters, buffers and optimizer state are retained by the library itself. Using a tensor
 * after its handle was released throws {@link IllegalStateException}; it never reaches native
 * code.
 *
 * <p>Scopes belong to the thread that opened them and nest. Typical use outside a data loader:
 * <pre>{@code
 * for (int i = 0; i < steps; i++) {
 *     try (Scope scope = Scope.open()) {
 *         Tensor loss = criterion.forward(model.forward(x), y);
 *         loss.backward();
 *         optimizer.step();
 *     }
 * }
 * }</pre>
 */
public final class Scope implements AutoCloseable {
    static {
        io.jtorch.internal.Native.load();
    }

    private final PointerScope pointers;
    private final Thread owner;
    private boolean closed;

    private Scope() {
        this.pointers = new PointerScope();
        this.owner = Thread.currentThread();
    }

    /** Opens a scope on the current thread; close it on the same thread. */
    public static Scope open() {
        return new Scope();
    }

    /** Whether this scope has been closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Releases every native handle created on this thread since the scope opened (except retained
     * ones). Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a Scope must be closed by the thread that opened it (" + owner.getName() + ")");
        }
        closed = true;
        pointers.close();
    }

    /**
     * Takes this scope off the thread's stack without releasing anything: what it held is left to
     * the garbage collector. Used when a scope is abandoned (a loop left with {@code break}), where
     * releasing could surprise code that still holds the tensors.
     */
    public void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        pointers.extend();
        pointers.close();
    }

    /**
     * Takes over a tensor that was {@link Tensor#retain() retained} on another thread (a data
     * loader's worker): the tensor is released when this scope closes instead of by the garbage
     * collector. The retain it had is consumed; a tensor that was never retained nor scoped is
     * simply owned by this scope from now on.
     */
    public void adopt(Tensor t) {
        org.bytedeco.javacpp.Pointer p = t.raw();
        boolean retained = p.referenceCount() > 0;
        pointers.attach(p);
        if (retained) {
            p.releaseReference();
        }
    }
}
