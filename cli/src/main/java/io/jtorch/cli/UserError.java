package io.jtorch.cli;

/**
 * A problem with what the user asked for (a missing file, an unknown class, a bad option
 * value): reported as one line and exit status 2, without a stack trace unless --verbose.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with the line to print. */
    public UserError(String message) {
        super(message);
    }

    /** An error with the line to print and the exception behind it. */
    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
