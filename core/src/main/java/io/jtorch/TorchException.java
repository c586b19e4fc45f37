package io.jtorch;

/**
 * An error that libtorch reported, with its first line as the message and the full C++ report
 * (stack frames included) kept as the cause. Mirrors the {@code RuntimeError} PyTorch raises.
 */
public class TorchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a readable message and the native exception as its cause.
     *
     * @param message the one-line message naming the op and the problem
     * @param cause the C++ error, kept for its detail
     */
    public TorchException(String message, Throwable cause) {
        super(message, cause);
    }
}
