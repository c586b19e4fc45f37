package io.jtorch.serialization;

import java.io.IOException;

/**
 * An action on a value that may fail with {@link IOException}, such as writing a file's contents
 * to a stream; the {@code java.util.function.Consumer} of I/O code.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /**
     * Performs the action on {@code value}.
     *
     * @param value the value to act on
     * @throws IOException when the I/O the action does fails
     */
    void accept(T value) throws IOException;
}
