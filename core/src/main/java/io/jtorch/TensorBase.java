package io.jtorch;

import io.jtorch.internal.Errors;
import io.jtorch.internal.MemoryValve;
import io.jtorch.internal.Native;
import java.util.Iterator;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.T_TensorTensor_T;

/**
 * The handle a {@link Tensor} owns and the rules for how long it lives; the base of the
 * hand-written op layers ({@link ArithmeticOps}, {@link MathOps}, {@link ReductionOps},
 * {@link ShapeOps}, {@link InPlaceOps}) that {@link Tensor} puts together.
 *
 * <p>Every op goes through the helpers here, which wrap the presets' result and turn C++ errors
 * into one-line Java exceptions ({@link Errors}).
 *
 * <p><b>Lifetime.</b> A new tensor belongs to the innermost open {@link Scope} of its thread (see
 * there). One exception, so that a running total reads as it does in PyTorch: the result of
 * {@code add}, {@code sub}, {@code mul} or {@code div} on a tensor from an enclosing scope (or
 * from no scope), and not {@link #retain() retained}, lives as long as that tensor instead of
 * dying with the inner scope. {@code total = total.add(x)} inside a DataLoader loop therefore
 * keeps working on the next batch. Retained tensors (parameters, buffers, optimizer state) do not
 * pass their lifetime on: arithmetic on them inside a step stays a temporary of the step.
 */
abstract class TensorBase {
    static {
        Native.load();
    }

    private final org.bytedeco.pytorch.Tensor raw;
    /**
     * The scope that releases this handle, or null when only the garbage collector does. Other
     * threads read it to decide whether to borrow (see {@link #raw()}); it is not volatile (a
     * volatile store would put a fence in every op's result), because a tensor reaches another
     * thread only through a safe publication (a thread start, an executor, a concurrent
     * collection), which publishes it too, and its later changes ({@link Scope#adopt}) are
     * hand-overs that the thread which handed it over does not race.
     */
    private PointerScope home;
    /** Whether {@link #retain()} was called: the tensor outlives scopes but does not lend its lifetime. */
    private boolean pinned;

    TensorBase(org.bytedeco.pytorch.Tensor raw) {
        if (raw == null) {
            throw new NullPointerException("raw tensor");
        }
        this.raw = raw;
        this.home = PointerScope.getInnerScope(); // where JavaCPP attached the handle a moment ago
        MemoryValve.tick();
    }

    /**
     * {@return the presets' tensor behind this one: the escape hatch to the whole libtorch API} It stays
     * valid as long as this tensor is alive and not released.
     *
     * <p>On a thread other than the one whose {@link Scope} owns this tensor, the handle returned
     * is a new one that shares this tensor's data (a C++ copy of the {@code at::Tensor}, owned by
     * the calling thread's innermost scope, or by the garbage collector when it has none), made
     * while the owner cannot close its scope. The owner's scope may then close at any moment
     * without freeing memory that the calling thread is using: libtorch keeps the data alive
     * until the last handle goes. Retained tensors, and those of no scope, are never released
     * under another thread, and are returned as they are.
     *
     * @throws IllegalStateException if this tensor's handle has been released
     */
    public final org.bytedeco.pytorch.Tensor raw() {
        PointerScope h = home;
        if (h == null || pinned || Scope.isLocal(h)) {
            if (raw.isNull()) {
                throw released(h);
            }
            return raw;
        }
        return borrow(h);
    }

    /**
     * A handle of the calling thread's own on this tensor, made while {@code h}, the owner's
     * scope, cannot close (see {@link Scope#close()}).
     */
    private org.bytedeco.pytorch.Tensor borrow(PointerScope h) {
        while (true) {
            synchronized (h) {
                if (home == h) {
                    if (raw.isNull()) {
                        throw released(h);
                    }
                    return new org.bytedeco.pytorch.Tensor(raw);
                }
            }
            h = home; // adopted by another scope meanwhile: guard with that one
            if (h == null || Scope.isLocal(h)) {
                return raw();
            }
        }
    }

    /**
     * The handle itself, for code that changes who owns it (retain, {@link Scope#adopt}), never
     * a borrowed one. The caller must be the owner's thread or hold the owner's scope's lock.
     */
    final org.bytedeco.pytorch.Tensor handle() {
        if (raw.isNull()) {
            throw released(home);
        }
        return raw;
    }

    private static IllegalStateException released(PointerScope home) {
        return new IllegalStateException("this tensor was released when " + Scope.describe(home) + " closed; to keep a value "
                + "across batches, update it in place (total.add_(x)) or call retain() on the new tensor "
                + "(total = total.add(x).retain())");
    }

    /** {@return whether this tensor's handle has been released (see {@link Scope})} */
    public final boolean isReleased() {
        return raw.isNull();
    }

    /**
     * Keeps this tensor alive past the scope it was created in (a DataLoader batch or a
     * {@link Scope}); the garbage collector releases it once it is unreachable. Returns this.
     *
     * @return this {@code Tensor}, for chaining
     */
    public Tensor retain() {
        PointerScope h = home;
        if (h == null || Scope.isLocal(h)) {
            handle().retainReference();
        } else {
            synchronized (h) { // the owner cannot release the handle between the check and the retain
                handle().retainReference();
            }
        }
        pinned = true;
        return self();
    }

    /** Called by {@link Scope#adopt}: the tensor now belongs to {@code scope}. */
    final void adoptedBy(PointerScope scope) {
        home = scope;
        pinned = false;
    }

    final Tensor self() {
        return (Tensor) this;
    }

    // ---------------------------------------------------------------- helpers for the op layers

    /** Wraps the result of a presets call, translating its C++ errors. */
    static Tensor op(Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            return new Tensor(f.get());
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /**
     * {@link #op} for the arithmetic operators: the result lives as long as this tensor when this
     * tensor comes from an enclosing scope (see the class comment).
     */
    final Tensor arith(Supplier<org.bytedeco.pytorch.Tensor> f) {
        Tensor out = op(f);
        if (!pinned) {
            PointerScope inner = PointerScope.getInnerScope();
            TensorBase result = out;
            if (inner != null && inner != home && result.home == inner && !Scope.isBody(inner)) {
                result.moveTo(onThisThread(home) ? home : null, inner);
            }
        }
        return out;
    }

    /**
     * Called by {@link Scope#keepResult}: where this tensor belongs to {@code inner} and is not
     * retained, it moves to {@code caller}, the scope that was innermost before (null: to the
     * garbage collector).
     */
    final void leave(PointerScope inner, PointerScope caller) {
        if (!pinned && home == inner && !raw.isNull()) {
            moveTo(caller, inner);
        }
    }

    /**
     * Called by {@link Scope#chain}: releases this handle now where it belongs to {@code scope}
     * and is not retained; the caller uses it no more.
     */
    final void releaseFrom(PointerScope scope) {
        if (!pinned && home == scope && !raw.isNull()) {
            scope.detach(raw);
            home = null;
        }
    }

    /** Moves this handle from {@code inner} to {@code target} (null: to the garbage collector). */
    private void moveTo(PointerScope target, PointerScope inner) {
        raw.retainReference();
        inner.detach(raw);
        if (target != null) {
            target.attach(raw);
            raw.releaseReference();
        }
        home = target;
    }

    private static boolean onThisThread(PointerScope scope) {
        if (scope == null) {
            return false;
        }
        for (Iterator<PointerScope> it = PointerScope.getScopeIterator(); it.hasNext(); ) {
            if (it.next() == scope) {
                return true;
            }
        }
        return false;
    }

    /** Returns this after an in-place presets call, translating its C++ errors. */
    final Tensor inPlace(Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            f.get();
            return self();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /** Runs a presets call that returns no tensor, translating its C++ errors. */
    static <T> T call(Supplier<T> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /** Wraps a (values, indices) pair as {@code torch.max(x, dim)} returns it. */
    static ValuesIndices pair(Supplier<T_TensorTensor_T> f) {
        try {
            T_TensorTensor_T t = f.get();
            return new ValuesIndices(new Tensor(new org.bytedeco.pytorch.Tensor(t.get0())), new Tensor(new org.bytedeco.pytorch.Tensor(t.get1())));
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /** A dimension counted from the end when negative, checked against {@code dim()}. */
    final int checkDim(int dim, String op) {
        int n = (int) raw().dim();
        int rank = Math.max(n, 1);
        if (dim < -rank || dim >= rank) {
            throw new IndexOutOfBoundsException(op + ": dimension " + dim + " is out of range for a tensor of shape "
                    + Shapes.format(raw().sizes().vec().get()) + " (expected a dimension in [" + -rank + ", " + (rank - 1) + "])");
        }
        return dim < 0 ? dim + rank : dim;
    }
}
