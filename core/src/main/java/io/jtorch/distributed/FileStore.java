package io.jtorch.distributed;

import io.jtorch.internal.Errors;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@link Store} kept in a file that all processes can open: the processes of a job on one
 * machine, or on machines sharing a file system. Mirrors {@code torch.distributed.FileStore}.
 *
 * <p>The file must not exist, or be left over from a finished job, when the first process opens
 * it; libtorch deletes it when the last of {@code worldSize} processes lets go of it.
 */
public final class FileStore extends Store {
    private final Path path;

    /**
     * A store in {@code path} shared by {@code worldSize} processes, waiting up to 30 minutes for
     * keys.
     *
     * @param path the file all ranks share (on a shared file system for several machines)
     * @param worldSize the number of processes in the group
     */
    public FileStore(Path path, int worldSize) {
        this(path, worldSize, Distributed.DEFAULT_TIMEOUT);
    }

    /**
     * A store in {@code path} shared by {@code worldSize} processes, waiting up to {@code timeout}
     * for keys.
     *
     * @param path the file all ranks share (on a shared file system for several machines)
     * @param worldSize the number of processes in the group
     * @param timeout how long to wait for keys and for the other ranks
     */
    public FileStore(Path path, int worldSize, Duration timeout) {
        super(create(path, worldSize), timeout);
        this.path = path;
    }

    private static org.bytedeco.pytorch.FileStore create(Path path, int worldSize) {
        if (worldSize < 1) {
            throw new IllegalArgumentException("a FileStore needs a world size of at least 1, got " + worldSize);
        }
        try {
            return new org.bytedeco.pytorch.FileStore(path.toAbsolutePath().toString(), worldSize);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "FileStore " + path);
        }
    }

    /** {@return the file} */
    public Path path() {
        return path;
    }

    @Override
    boolean isLocal() {
        return true;
    }

    @Override
    public String toString() {
        return "FileStore(" + path + ")";
    }
}
