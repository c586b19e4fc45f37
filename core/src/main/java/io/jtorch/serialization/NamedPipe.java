package io.jtorch.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A named pipe (FIFO) that a native writer writes into as if it were a file, drained by a Java
 * thread into a stream. Used for libtorch's TorchScript writer, which aborts the process when a
 * write fails (its {@code PyTorchStreamWriter} destructor meets the error again and throws
 * during unwinding): writing into a pipe never fails, and the Java side meets the full disk, the
 * vanished folder or the read-only target as an {@link IOException} instead.
 */
final class NamedPipe {
    private static final int BUFFER = 1 << 16;
    /** Pipe folders are named {@code jtorch-pipe-<host>-<pid>-<random>}, so that those of dead processes can be found. */
    private static final String PREFIX = "jtorch-pipe-" + AtomicFiles.host() + "-";
    private static final long PID = ProcessHandle.current().pid();

    private NamedPipe() {}

    /**
     * Runs {@code writer} on a pipe named {@code name} in a new private folder of the temporary
     * directory, while another thread copies what comes out of the pipe into {@code out}. When
     * {@code out} fails, the pipe is still drained to its end, so that the writer finishes as if
     * all went well; the failure is then thrown.
     *
     * @throws Unavailable when this platform cannot make a named pipe (before the writer runs)
     * @throws IOException what writing {@code out} threw, or what {@code writer} threw
     */
    static void write(String name, OutputStream out, IOConsumer<Path> writer) throws IOException {
        deleteAbandoned(Path.of(System.getProperty("java.io.tmpdir")));
        Path dir = Files.createTempDirectory(PREFIX + PID + "-");
        try {
            Path pipe = dir.resolve(name);
            make(pipe);
            Drain drain = new Drain(pipe, out);
            drain.start();
            try {
                writer.accept(pipe);
            } finally {
                drain.finish();
            }
            if (drain.failure != null) {
                throw drain.failure;
            }
            if (drain.copied == 0) {
                throw new IOException("the writer put nothing into " + name);
            }
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    /** Deletes the pipe folders that processes killed while saving (kill -9) left in the temporary directory. */
    private static void deleteAbandoned(Path tmp) {
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path entry : entries) {
                String[] parts = entry.getFileName().toString().substring(PREFIX.length()).split("-");
                if (parts.length != 2) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (pid != PID && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        AtomicFiles.deleteTree(entry);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException | RuntimeException e) {
            // tidying up only
        }
    }

    /** Named pipes cannot be made here; nothing was written. */
    static final class Unavailable extends IOException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Makes the pipe with {@code mkfifo}: Java has no call for it. */
    private static void make(Path pipe) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Unavailable("no mkfifo on this platform", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("mkfifo " + pipe + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while making the pipe " + pipe);
        }
        if (p.exitValue() != 0 || Files.isRegularFile(pipe) || !Files.exists(pipe)) {
            throw new Unavailable("mkfifo " + pipe + " failed: " + output, null);
        }
    }

    /**
     * Lets the drain finish when the writer failed before it opened the pipe: the drain is then
     * blocked opening its end, and opening the pipe for reading and writing (which never blocks on
     * Linux) and closing it gives the drain an end of file. Called only once the writer has
     * returned: when the drain is already reading what the writer wrote, or done, this changes
     * nothing.
     */
    private static void unblock(Path pipe) {
        try {
            new RandomAccessFile(pipe.toFile(), "rw").close();
        } catch (IOException | RuntimeException e) {
            // the drain was not waiting
        }
    }

    /** Copies the pipe into the stream, and reads the pipe to its end whatever happens to the stream. */
    private static final class Drain extends Thread {
        private final Path pipe;
        private final OutputStream out;
        volatile IOException failure;
        volatile long copied;

        Drain(Path pipe, OutputStream out) {
            super("jtorch-pipe-drain");
            setDaemon(true);
            this.pipe = pipe;
            this.out = out;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(pipe)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (failure == null) {
                        try {
                            out.write(buffer, 0, n);
                            copied += n;
                        } catch (IOException e) {
                            failure = e;
                        } catch (RuntimeException | Error e) {
                            failure = new IOException(e.toString(), e);
                        }
                    }
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }

        /**
         * Waits for the drain to end once the writer has returned; {@link #unblock} is repeated
         * while it waits, in case the drain reached its open only after an earlier attempt.
         */
        void finish() {
            boolean interrupted = false;
            while (isAlive()) {
                unblock(pipe);
                try {
                    join(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
