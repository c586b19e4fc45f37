package io.jtorch.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a
 * half-written one: the content goes to a temporary file beside the target, is forced to disk,
 * and is then renamed over the target. A crash at any moment leaves the old file in place.
 */
public final class AtomicWrite {
    /** Writes the content of a file, given its path. */
    @FunctionalInterface
    public interface PathWriter {
        /** Writes the whole content to {@code path}. */
        void write(Path path) throws IOException;
    }

    private AtomicWrite() {}

    /**
     * Runs {@code writer} on a temporary file in {@code target}'s folder, then replaces
     * {@code target} with it. On failure the temporary file is deleted and {@code target} is
     * left as it was.
     */
    public static void replace(Path target, PathWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir), null, "the folder to write " + target.getFileName() + " into does not exist");
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            writer.write(temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncDirectory(dir);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }
}
