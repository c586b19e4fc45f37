package io.jtorch.serialization;

/**
 * What the readers throw when a file's contents are wrong; the public entry points turn it into a
 * {@link SerializationException} that names the file. Never escapes the package.
 */
final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
        super(message);
    }

    Malformed(String message, Throwable cause) {
        super(message, cause);
    }
}
