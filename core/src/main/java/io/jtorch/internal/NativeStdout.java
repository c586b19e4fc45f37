package io.jtorch.internal;

import com.sun.jna.LastErrorException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Runs a native call with the process's standard output passed through a filter that drops the
 * lines a native library prints unasked, and forwards everything else unchanged, in order.
 *
 * <p>Why: Gloo's rendezvous prints {@code [Gloo] Rank N is connected to ...} with C++'s
 * {@code std::cout} whenever a process group connects, whatever the log settings, onto the
 * user's standard output. Java cannot reach file descriptor 1 below {@code System.out}, so this
 * calls the C library through JNA: while the call runs, descriptor 1 is a pipe; a thread reads it
 * line by line and writes every line that does not start with the prefix to the original
 * output. Output of the application's own threads in that window (from Java or native code) goes
 * the same way, so nothing else is lost or reordered. Where the C library cannot be reached
 * (Windows, no JNA), the call runs unfiltered.
 */
public final class NativeStdout {
    private static final System.Logger LOG = System.getLogger("io.jtorch");

    private NativeStdout() {}

    /**
     * Runs {@code call}, dropping the lines of standard output that start with {@code prefix}
     * while it runs; returns what it returns and throws what it throws.
     */
    public static <T> T withoutLines(String prefix, Supplier<T> call) {
        LibC c = LibC.get();
        if (c == null) {
            LOG.log(System.Logger.Level.DEBUG, "standard output cannot be filtered: " + LibC.whyUnavailable());
            return call.get();
        }
        int[] pipe = {-1, -1};
        int saved = -1;
        System.out.flush();
        c.fflush(null);
        try {
            saved = c.dup(1);
            c.pipe(pipe);
            c.dup2(pipe[1], 1);
        } catch (LastErrorException e) {
            LOG.log(System.Logger.Level.DEBUG, "standard output cannot be filtered: " + e.getMessage());
            for (int fd : new int[] {pipe[0], pipe[1], saved}) {
                if (fd >= 0) {
                    c.close(fd);
                }
            }
            return call.get();
        }
        c.close(pipe[1]);
        int original = saved;
        Thread forwarder = new Thread(() -> forward(c, pipe[0], original, prefix.getBytes(StandardCharsets.UTF_8)), "jtorch-stdout-filter");
        forwarder.setDaemon(true);
        forwarder.start();
        try {
            return call.get();
        } finally {
            System.out.flush();
            c.fflush(null);
            // Descriptor 1 points at the original output again; the pipe loses its last writer, so the forwarder drains it and ends.
            c.dup2(original, 1);
            try {
                forwarder.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.close(pipe[0]);
            c.close(original);
        }
    }

    /** Copies {@code from} to {@code to} line by line, leaving out lines that start with {@code prefix}. */
    private static void forward(LibC c, int from, int to, byte[] prefix) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            long n;
            try {
                n = c.read(from, buffer, buffer.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == 4) { // EINTR
                    continue;
                }
                break;
            }
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                line.write(buffer[i]);
                if (buffer[i] == '\n') {
                    emit(c, to, line.toByteArray(), prefix);
                    line.reset();
                }
            }
        }
        if (line.size() > 0) {
            emit(c, to, line.toByteArray(), prefix);
        }
    }

    private static void emit(LibC c, int to, byte[] line, byte[] prefix) {
        if (line.length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length)) {
            return;
        }
        int off = 0;
        while (off < line.length) {
            byte[] rest = off == 0 ? line : Arrays.copyOfRange(line, off, line.length);
            long n;
            try {
                n = c.write(to, rest, rest.length);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == 4) {
                    continue;
                }
                return;
            }
            if (n <= 0) {
                return;
            }
            off += (int) n;
        }
    }
}
