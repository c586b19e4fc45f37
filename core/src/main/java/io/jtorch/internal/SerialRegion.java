package io.jtorch.internal;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.pytorch.global.torch;

/**
 * Runs a small piece of work on the calling thread alone, leaving its libtorch team asleep.
 *
 * <p>Why: libtorch splits an operation across its intra-op team once it has more than a few
 * thousand elements (32,768 for element-wise kernels, a few rows of a 64-row batch for
 * {@code log_softmax} and the NLL loss's gradient). Under the passive OpenMP wait policy that
 * jtorch sets (see {@link NativeEnv}) team threads sleep between operations, and each split wakes
 * one: on the 2-core machines of BENCHMARKS.md that costs 50-100 µs, more than the work it shares.
 * The seed recipe's step woke the team four times (the cross-entropy's forward, its two gradient
 * kernels and the SGD update of the 784x256 weight) and took 1.05-1.12 ms at two threads against
 * 0.74-0.79 ms with those run here; an Adam step on the same model 1.65-2.0 against 1.0 ms.
 *
 * <p>Only work whose result does not depend on how it is split runs here: element-wise
 * optimizer updates, per-row loss kernels, batch copies. A reduction summed over another number
 * of threads rounds differently, so none is moved, and a seeded program gives the same numbers
 * as before, every run. The count changed is the calling thread's OpenMP setting
 * ({@code omp_set_num_threads}), the one libtorch reads for each operation on that thread; other
 * threads and libtorch's global setting are untouched. Where libtorch's OpenMP runtime cannot be
 * reached this way (no JNA, not Linux, another runtime), nothing changes.
 */
public final class SerialRegion implements AutoCloseable {
    /** Optimizer updates of tensors with fewer elements than this run on the calling thread alone. */
    public static final long SMALL_UPDATE = 1L << 20;
    /** Classification losses over inputs with at most this many elements run on the calling thread alone. */
    public static final long SMALL_LOSS_INPUT = 1L << 16;
    /** Batch copies of at most this many elements run on the calling thread alone. */
    public static final long SMALL_COPY = 1L << 20;

    private static final System.Logger LOG = System.getLogger("io.jtorch");

    /** The count to put back on close, or 0 while the thread's count is its own. */
    private int saved;

    private SerialRegion() {}

    /**
     * Starts a region that runs the calling thread's operations on its thread alone when
     * {@code serial} is true (and libtorch has more than one intra-op thread); close it on the
     * same thread.
     *
     * @param serial whether to run alone; false gives a region that changes nothing until {@link #serial}
     * @return the region
     */
    public static SerialRegion open(boolean serial) {
        SerialRegion r = new SerialRegion();
        r.serial(serial);
        return r;
    }

    /**
     * Runs what follows on the calling thread alone ({@code true}) or on the thread's own count
     * ({@code false}).
     *
     * @param serial whether to run alone from now on
     */
    public void serial(boolean serial) {
        if (serial && saved == 0) {
            saved = enter();
        } else if (!serial && saved != 0) {
            Gomp.omp_set_num_threads(saved);
            saved = 0;
        }
    }

    /** Puts the thread's own count back. */
    @Override
    public void close() {
        serial(false);
    }

    /** {@return whether regions can change the count: libtorch's OpenMP runtime was found} */
    public static boolean available() {
        return Gomp.AVAILABLE;
    }

    /** Sets the calling thread's count to one; returns the count to restore, 0 where nothing changed. */
    private static int enter() {
        if (!Gomp.AVAILABLE) {
            return 0;
        }
        int n = torch.get_num_threads(); // also makes libtorch adopt its setting on a new thread first
        if (n <= 1) {
            return 0;
        }
        Gomp.omp_set_num_threads(1);
        return n;
    }

    /** libtorch's own copy of GNU OpenMP, bound by path: the JVM loads libraries privately, so a lookup by name could find another copy. */
    private static final class Gomp {
        static final boolean AVAILABLE = bind();

        static native void omp_set_num_threads(int threads);

        private Gomp() {}

        private static boolean bind() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                return false;
            }
            try {
                Native.load();
                String path = mappedNextTo("libtorch_cpu.so", "libgomp.so.1");
                if (path == null) {
                    return false;
                }
                com.sun.jna.Native.register(Gomp.class, NativeLibrary.getInstance(path));
                // Check that the count set here is the one libtorch reads, on this thread, then put it back.
                int n = torch.get_num_threads();
                int probe = n == 1 ? 2 : 1;
                omp_set_num_threads(probe);
                boolean seen = torch.get_num_threads() == probe;
                omp_set_num_threads(n);
                return seen;
            } catch (LinkageError | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "small operations keep libtorch's thread count: " + e);
                return false;
            }
        }

        /** The path of {@code name} among this process's mapped files, in the folder of the mapped {@code anchor}. */
        private static String mappedNextTo(String anchor, String name) {
            List<String> maps;
            try {
                maps = Files.readAllLines(Path.of("/proc/self/maps"));
            } catch (IOException | RuntimeException e) {
                return null;
            }
            String folder = null;
            for (String line : maps) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.endsWith("/" + anchor)) {
                    folder = line.substring(slash, line.length() - anchor.length());
                    break;
                }
            }
            if (folder == null) {
                return null;
            }
            for (String line : maps) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.substring(slash).equals(folder + name)) {
                    return folder + name;
                }
            }
            return null;
        }
    }
}
