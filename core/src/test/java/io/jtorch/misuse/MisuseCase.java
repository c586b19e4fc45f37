package io.jtorch.misuse;

/**
 * One misuse of the public API: a name, the outcomes that count as correct, and the code. The
 * code returns normally when the result it got is correct, throws {@link AssertionError} when the
 * result is wrong, and lets any other exception out for {@link MisuseMain} to report.
 *
 * @param name what is done to what, e.g. {@code "tensor x.add(ok) with x released-by-scope"}
 * @param outcome which endings are correct
 * @param action the code under test
 */
record MisuseCase(String name, Outcome outcome, Action action) {
    /** The code of a case. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Which endings of a case are correct. */
    enum Outcome {
        /** A correct result (checked by the action) or a documented exception. */
        RESULT_OR_ERROR,
        /** A documented exception; returning normally is wrong. */
        ERROR,
        /** {@link IllegalStateException} saying that a tensor was released. */
        RELEASED,
        /** {@link NullPointerException}: the case passes {@code null} where a value is required. */
        NULL_ARGUMENT
    }

    static MisuseCase of(String name, Outcome outcome, Action action) {
        return new MisuseCase(name, outcome, action);
    }
}
