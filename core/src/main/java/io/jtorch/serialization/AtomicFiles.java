package io.jtorch.serialization;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see the old contents or the new ones, never a half-written file.
 * What {@code torch.save} leaves to the caller (and what tools such as {@code safetensors} and
 * Lightning's checkpointing do by hand): write a temporary file beside the target, flush it to
 * disk, then rename it over the target.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> out.write(bytes));
 * }</pre>
 *
 * <p>The temporary file is named {@code .<name>.<host>-<pid>-<random>.tmp} in the target's
 * folder, so the rename never crosses file systems. If the writer throws, the temporary file is
 * deleted and the target is left as it was. If the target is a symbolic link, the link itself is
 * replaced. A process killed while writing (kill -9, a power cut) cannot delete its temporary
 * file; the next write of the same target deletes those left by processes of this machine that
 * are no longer running.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 16;
    private static final String HOST = host();
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {}

    /**
     * Writes {@code target} from what {@code writer} puts into the stream it is given. The stream
     * is buffered; the writer may close it or not. When this returns, the new contents are on disk
     * (the file and, where the platform allows, its folder were flushed with {@code fsync}).
     *
     * @param target the file to create or replace
     * @param writer writes the new contents into the stream it is given
     * @throws java.nio.file.NoSuchFileException if the target's folder does not exist
     * @throws IOException what the writer or the file system threw; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = createTemp(folder, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(channel)), BUFFER);
                writer.accept(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
        syncFolder(folder);
    }

    /**
     * Writes {@code target} through a writer that needs a file path rather than a stream (libtorch
     * saving a TorchScript module, a chart library): {@code writer} fills the temporary file at
     * the path it is given, which then replaces the target as {@link #write(Path, IOConsumer)} does.
     *
     * @param target the file to create or replace
     * @param writer writes the new contents to the path it is given, a file with the target's
     *     name in a private staging folder
     * @throws IOException what the writer or the file system threw, or when the writer produced
     *     no file; the target is then unchanged
     */
    public static void writeVia(Path target, IOConsumer<Path> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        // The writer gets a path with the target's own name, in a private folder: writers that
        // record the file's name inside it (libtorch names a TorchScript archive's root folder
        // after the file) record the target's, not a temporary one.
        Path dir = stagingDirectory(absolute);
        Path temp = dir.resolve(absolute.getFileName().toString());
        try {
            writer.accept(temp);
            if (!Files.isRegularFile(temp)) {
                throw new IOException("writing " + target + " produced no file");
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(temp, absolute);
        } finally {
            deleteTree(dir);
        }
        syncFolder(folder);
    }

    /**
     * Writes {@code target} through a native writer that needs a file path and cannot survive a
     * failed write (libtorch saving a TorchScript module aborts the process when the disk fills
     * up). {@code writer} writes into a named pipe with the target's own name (writers that record
     * the file's name inside it, as libtorch does for an archive's root folder, record the
     * target's); Java copies the pipe into a temporary file that then replaces the target as
     * {@link #write(Path, IOConsumer)} does. A full disk, a vanished folder or a read-only target
     * end in an {@link IOException}, the target left as it was and no temporary file behind, while
     * the native writer finishes as if all went well. On a platform without named pipes (no
     * {@code mkfifo}: Windows), this falls back to {@link #writeVia}, which does not have that
     * protection.
     *
     * @param target the file to create or replace
     * @param writer writes the new contents to the path it is given (a named pipe, or a staging
     *     file on the fallback)
     * @throws java.nio.file.NoSuchFileException if the target's folder does not exist
     * @throws IOException what the file system or the writer threw; the target is then unchanged
     */
    public static void writeThroughPipe(Path target, IOConsumer<Path> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new java.nio.file.NoSuchFileException(folder.toString(), null, "no such folder to write " + absolute.getFileName() + " in");
        }
        try {
            write(absolute, out -> {
                try {
                    NamedPipe.write(absolute.getFileName().toString(), out, writer);
                } catch (java.nio.file.FileSystemException | NamedPipe.Unavailable e) {
                    throw e;
                } catch (IOException e) {
                    throw new IOException("writing " + absolute + ": " + e.getMessage(), e);
                }
            });
        } catch (NamedPipe.Unavailable e) {
            writeVia(target, writer);
        }
    }

    /**
     * A new empty folder beside {@code target} in which to prepare what will replace it (several
     * files moved into place one by one, say), named {@code .<name>.<host>-<pid>-<random>.tmp}.
     * Such folders (and temporary files) that processes of this machine left behind when they were
     * killed are deleted first. The caller deletes the folder when done.
     *
     * @param target the file the folder's contents will replace
     * @return the new folder, in {@code target}'s folder
     * @throws IOException when the folder cannot be created
     */
    public static Path stagingDirectory(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        deleteAbandoned(folder, name);
        while (true) {
            Path dir = folder.resolve(tempName(name));
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name: draw again
            }
        }
    }

    /**
     * Deletes {@code root} and everything below it, quietly: what cannot be deleted is left.
     *
     * @param root the file or folder to delete; nothing happens when it does not exist
     */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                deleteQuietly(p);
            }
        } catch (IOException | RuntimeException e) {
            // tidying up only
        }
    }

    private static String tempName(String name) {
        return "." + name + "." + HOST + "-" + PID + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    /**
     * Writes {@code bytes} to {@code target} atomically; see {@link #write(Path, IOConsumer)}.
     *
     * @param target the file to create or replace
     * @param bytes the new contents
     * @throws IOException what the file system threw; the target is then unchanged
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    private static Path createTemp(Path folder, String name) throws IOException {
        deleteAbandoned(folder, name);
        while (true) {
            Path temp = folder.resolve(tempName(name));
            try {
                // CREATE_NEW with the default permissions, so the final file gets the usual ones (umask), not 0600.
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name: draw again
            }
        }
    }

    /**
     * Deletes the temporary files and folders of {@code name} that processes of this machine left behind when
     * they died while writing. Files of other machines (a shared folder) and of running processes
     * are left alone; so is everything when this machine's name is unknown.
     */
    private static void deleteAbandoned(Path folder, String name) {
        if (HOST.isEmpty()) {
            return;
        }
        String prefix = "." + name + "." + HOST + "-";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path entry : entries) {
                String n = entry.getFileName().toString();
                String[] owner = n.substring(prefix.length(), n.length() - ".tmp".length()).split("-");
                if (owner.length != 2) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(owner[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != PID && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying up is a courtesy: the write itself does not depend on it.
        }
    }

    /** This machine's name as it may stand in a file name (no '-'), or "" when it cannot be found. */
    static String host() {
        String name = null;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            name = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
        }
        return name == null ? "" : name.replaceAll("[^A-Za-z0-9.]", "_");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flushes the folder's entry for the renamed file; not possible on every platform (Windows), where it is skipped. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the rename is done; only its durability across a power cut is up to the platform
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // nothing more to do: the target is untouched either way
        }
    }

    /** Passes writes through but ignores close(), so the channel stays open until it has been forced to disk. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
