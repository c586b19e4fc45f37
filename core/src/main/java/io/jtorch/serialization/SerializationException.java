package io.jtorch.serialization;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that jtorch cannot load: not a checkpoint, truncated, damaged, unsupported, or holding
 * code rather than weights. Mirrors the {@code pickle.UnpicklingError} and {@code RuntimeError}
 * that {@code torch.load(weights_only=True)} raises.
 *
 * <p>The message is one line that starts with the file, for example
 * {@code model.pt: forbidden global 'os.system' in archive/data.pkl: jtorch loads weights only, never code}.
 * A missing file is reported as {@link java.nio.file.NoSuchFileException} instead, and failures of
 * the disk itself as the {@link IOException} the JDK raised.
 */
public class SerializationException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * An error about {@code file}; the message becomes {@code "<file>: <problem>"}.
     *
     * @param file the file that could not be loaded
     * @param problem what is wrong with it, as a clause that follows the file's name
     */
    public SerializationException(Path file, String problem) {
        this(file, problem, null);
    }

    /**
     * An error about {@code file} with the exception that revealed it.
     *
     * @param file the file that could not be loaded
     * @param problem what is wrong with it, as a clause that follows the file's name
     * @param cause the exception that revealed the problem, or {@code null}
     */
    public SerializationException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** {@return the file that could not be loaded; {@code null} after Java deserialization} */
    public Path file() {
        return file;
    }
}
