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
 * A tensor that must outlive its scope (an output collected for later) is kept with
 * {@link Tensor#retain()}; it is then released by the garbage collector. Parameters, buffers and
 * optimizer state are retained by the library itself. Using a tensor after its handle was
 * released throws {@link IllegalStateException} naming the scope; it never reaches native code.
 *
 * <p><b>Running totals.</b> The result of {@code add}, {@code sub}, {@code mul} or {@code div} on
 * a tensor made outside the current scope (and not retained) lives as long as that tensor, not
 * as long as the current scope. So a total kept across DataLoader batches works as it reads:
 * <pre>{@code
 * Tensor runningCorrects = Torch.zeros(DType.INT64);       // before the loop
 * for (Batch b : loader) {
 *     ...
 *     runningCorrects = runningCorrects.add(Torch.sum(preds.eq(b.labels())));
 * }
 * }</pre>
 * The in-place form {@code runningCorrects.add_(...)} works too. Inside the body of
 * {@link #keepResult} or {@link #chain} (a module's forward) such results are the body's own
 * intermediates, released with the rest.
 *
 * <p><b>Threads.</b> A scope belongs to the thread that opened it, and only that thread can close
 * it. Its tensors may still be used by other threads, even while it closes: each use on another
 * thread ({@link Tensor#raw()}, which every op goes through) takes a handle of that thread's own
 * on the same data, under a lock that {@link #close()} takes too. A call already running when the
 * scope closes completes with its result (libtorch frees the data when the last handle goes);
 * calls after the close throw {@link IllegalStateException}. The owner's thread takes no lock.
 * Tensors of a presets {@code PointerScope} opened directly are not guarded this way.
 *
 * <p>Scopes nest. Typical use outside a data loader:
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

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Pointers pointers;
    private final Thread owner;
    /** The class that opened this scope, to name it in errors. */
    private final Class<?> opener;
    private boolean closed;

    /** The presets' scope, knowing the jtorch scope it belongs to. */
    private static final class Pointers extends PointerScope {
        final Scope scope;
        final Thread owner;
        /** Whether this is the scope of a {@link #keepResult} or {@link #chain} body: arithmetic on tensors from outside stays in it. */
        boolean body;

        Pointers(Scope scope, Thread owner) {
            this.scope = scope;
            this.owner = owner;
        }
    }

    private Scope(Class<?> opener) {
        this.owner = Thread.currentThread();
        this.opener = opener;
        this.pointers = new Pointers(this, owner);
    }

    /**
     * Opens a scope on the current thread; close it on the same thread.
     *
     * @return the new scope, to close in try-with-resources
     */
    public static Scope open() {
        return new Scope(WALKER.getCallerClass());
    }

    /**
     * Whether {@code scope} runs a {@link #keepResult} or {@link #chain} body, inside which the
     * result of arithmetic on a tensor from an enclosing scope stays in the body's scope (it is a
     * forward's intermediate, not a running total).
     */
    static boolean isBody(PointerScope scope) {
        return scope instanceof Pointers p && p.body;
    }

    /** How an error names the scope that owns (or owned) a tensor: {@code null} means none. */
    static String describe(PointerScope scope) {
        if (!(scope instanceof Pointers p)) {
            return "its scope";
        }
        String name = p.scope.opener.getName();
        if (name.startsWith("io.jtorch.data.DataLoader")) {
            return "the DataLoader batch it was created in";
        }
        if (name.startsWith("io.jtorch.optim.")) {
            return "the scope of the optimizer step it was created in";
        }
        return "the Scope it was created in (opened in " + name + ")";
    }

    @Override
    public String toString() {
        return "Scope opened in " + opener.getName() + (closed ? ", closed" : "");
    }

    /** {@return whether this scope has been closed} */
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
        synchronized (pointers) { // other threads borrow this scope's tensors under this lock (Tensor.raw())
            closed = true;
            pointers.close();
        }
    }

    /**
     * Whether only the current thread can release the tensors of {@code scope}: it is the
     * thread's own, or not a jtorch scope (a presets' PointerScope, which jtorch cannot guard).
     */
    static boolean isLocal(PointerScope scope) {
        return !(scope instanceof Pointers p) || p.owner == Thread.currentThread();
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
     *
     * @param t the tensor to free when this scope closes
     */
    public void adopt(Tensor t) {
        org.bytedeco.javacpp.Pointer p = t.handle();
        boolean retained = p.referenceCount() > 0;
        pointers.attach(p);
        if (retained) {
            p.releaseReference();
        }
        t.adoptedBy(pointers);
    }

    /**
     * Runs {@code body} and keeps only the tensor it returns: every other tensor it made on this
     * thread is released as it returns (or throws), and the result lives on as if made by the
     * caller (in the caller's scope, else until the garbage collector finds it unreachable). For
     * a module's forward, this frees a block's intermediate activations as the block returns, as
     * Python frees them when their last reference goes, instead of keeping every activation of
     * the network until the batch's scope closes. Autograd keeps what it saved for backward
     * regardless. Tensors that {@code body} keeps in fields must be {@link Tensor#retain()
     * retained}, as anywhere in a scope.
     * <pre>{@code
     * public Tensor forward(Tensor x) {
     *     return Scope.keepResult(() -> relu.forward(bn2.forward(conv2.forward(relu.forward(bn1.forward(conv1.forward(x)))))));
     * }
     * }</pre>
     *
     * @param body the computation; may return one of its inputs, or null
     * @return what {@code body} returned
     */
    public static Tensor keepResult(java.util.function.Supplier<Tensor> body) {
        return keepResult(body, WALKER.getCallerClass());
    }

    private static Tensor keepResult(java.util.function.Supplier<Tensor> body, Class<?> opener) {
        PointerScope caller = PointerScope.getInnerScope();
        Scope scope = new Scope(opener);
        scope.pointers.body = true;
        try {
            Tensor out = body.get();
            if (out != null) {
                out.leave(scope.pointers, caller);
            }
            return out;
        } finally {
            scope.close();
        }
    }
    /**
     * Runs {@code stages} one after the other, each on the previous one's result, and keeps only
     * the last result: each stage runs as in {@link #keepResult}, and each intermediate result is
     * released as soon as the next stage has returned. A network's forward through its stages
     * then holds about two stages' activations at a time, as in Python, instead of all of them.
     * {@code input} is the caller's and is never released; a stage may return its input.
     *
     * @param input the first stage's input
     * @param stages the stages, in order
     * @return the last stage's result, living on as if made by the caller
     */
    public static Tensor chain(Tensor input, java.util.List<? extends java.util.function.UnaryOperator<Tensor>> stages) {
        Class<?> opener = WALKER.getCallerClass();
        PointerScope caller = PointerScope.getInnerScope();
        Scope held = new Scope(opener); // owns the result of the last stage that ran
        try {
            Tensor x = input;
            for (java.util.function.UnaryOperator<Tensor> stage : stages) {
                Tensor previous = x;
                PointerScope into = held.pointers;
                Scope work = new Scope(opener);
                work.pointers.body = true;
                try {
                    x = stage.apply(previous);
                    if (x != null) {
                        x.leave(work.pointers, into);
                    }
                } finally {
                    work.close();
                }
                if (previous != null && previous != x && previous != input) {
                    previous.releaseFrom(into);
                }
            }
            if (x != null) {
                x.leave(held.pointers, caller);
            }
            return x;
        } finally {
            held.close();
        }
    }
}
