package io.jtorch.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Locale;

/**
 * The few functions of the C library that jtorch calls through JNA, where Java has no way to do
 * the same: {@code setenv} for what libtorch's OpenMP reads when it loads ({@link NativeEnv}),
 * and the file-descriptor calls that filter what native code prints ({@link NativeStdout}).
 */
interface LibC extends Library {
    int setenv(String name, String value, int overwrite);

    int dup(int fd) throws LastErrorException;

    int dup2(int from, int to) throws LastErrorException;

    int pipe(int[] fds) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    long read(int fd, byte[] buffer, long count) throws LastErrorException;

    long write(int fd, byte[] buffer, long count) throws LastErrorException;

    int fflush(Pointer stream);

    /** The C library, or {@code null} where it cannot be reached this way (Windows, JNA missing or unable to load). */
    static LibC get() {
        return Holder.C;
    }

    /** Why {@link #get} is {@code null}, or {@code null} when it is not. */
    static String whyUnavailable() {
        return Holder.why;
    }

    /** Loads the library once, on first use. */
    final class Holder {
        private static String why;
        static final LibC C = load();

        private Holder() {}

        private static LibC load() {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                why = "not a POSIX C library";
                return null;
            }
            try {
                return Native.load("c", LibC.class);
            } catch (LinkageError | RuntimeException e) {
                why = e.toString();
                return null;
            }
        }
    }
}
