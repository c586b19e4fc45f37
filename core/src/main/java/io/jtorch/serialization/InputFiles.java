package io.jtorch.serialization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks made on an input file before it is opened: it must exist and be a regular file (a
 * symbolic link to one is fine). A named pipe, a device or a socket is refused without being
 * opened, because opening a pipe for reading blocks until someone writes to it, and a device
 * such as {@code /dev/zero} never ends. Every loader of jtorch calls this first.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Throws unless {@code file} is a regular file.
     *
     * @param file the file about to be opened for reading
     * @throws NoSuchFileException if it does not exist
     * @throws IOException if its attributes cannot be read
     * @throws SerializationException if it is a folder, a named pipe, a device or a socket, naming which
     */
    public static void requireRegularFile(Path file) throws IOException {
        String problem = problem(file);
        if (problem != null) {
            throw new SerializationException(file, problem);
        }
    }

    /**
     * Why {@code file} cannot be read as a regular file ({@code "is a named pipe (FIFO), not a
     * regular file"}), or {@code null} when it can.
     *
     * @param file the file to look at, without opening it
     * @return the reason, to follow the file's name in a message, or {@code null}
     * @throws NoSuchFileException if it does not exist
     * @throws IOException if its attributes cannot be read
     */
    public static String problem(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.isRegularFile()) {
            return null;
        } else if (a.isDirectory()) {
            return "is a folder, not a file";
        }
        return "is " + kind(file) + ", not a regular file; jtorch reads regular files only (a pipe or device could block or "
                + "never end)";
    }

    private static String kind(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            switch (type) {
                case 0010000: return "a named pipe (FIFO)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: return "a special file";
            }
        } catch (IOException | RuntimeException e) { // no unix attribute view on this platform
            return "a special file";
        }
    }

    /** Thrown for an {@link OutOfMemoryError} during a load: the one line to report, naming the file and the limits. */
    static SerializationException outOfMemory(Path file, OutOfMemoryError e) {
        return new SerializationException(file, "needs more memory than this JVM has (" + e.getMessage() + ", maximum heap "
                + LoadBudget.human(Runtime.getRuntime().maxMemory()) + "); nothing it built was kept", e);
    }
}
