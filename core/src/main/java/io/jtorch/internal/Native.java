package io.jtorch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * Loads libtorch through the JavaCPP presets, once per JVM.
 *
 * <p>Every class of this library that calls into the presets runs {@link #load()} in its static
 * initialiser, so loading happens in one place and in the right order.
 *
 * <p>Why not let the presets load themselves: on first use JavaCPP extracts its native libraries
 * one at a time and loads each as soon as it is extracted. When {@code libtorch.so} is loaded,
 * its dependency {@code libtorch_cpu.so} may not be in the cache folder yet, so the dynamic
 * linker looks on the system path; where a distribution's libtorch is installed (Debian's
 * {@code python3-torch} puts one in {@code /lib/x86_64-linux-gnu}), two different libtorch builds
 * end up in one process and the JVM dies with SIGSEGV. Extracting the whole folder before the
 * first load makes every dependency resolve next to its dependent.
 */
public final class Native {
    private static volatile boolean loaded;
    /** Why loading failed, repeated on every later call: a class whose initialiser failed says only "Could not initialize class". */
    private static volatile RuntimeException failure;
    /** OpenBLAS's thread count unless the environment or {@code -Djtorch.blasThreads} says otherwise. */
    private static final int BLAS_DEFAULT = 1;

    private Native() {}

    /**
     * Applies the {@code jtorch.threads} system property, if set, as the intra-op thread count
     * ({@code auto}: counts that follow the machine's load, {@link AdaptiveThreads}); otherwise
     * keeps libtorch's own choice (which follows {@code OMP_NUM_THREADS}, else one thread per
     * physical core). Then sets OpenBLAS's threads (see {@link #applyBlasThreads}). The wait
     * policy of libtorch's OpenMP team was set before it loaded ({@link NativeEnv}).
     */
    private static void applyDefaultThreads() {
        String property = System.getProperty("jtorch.threads");
        boolean adaptive = property != null && property.trim().equalsIgnoreCase("auto");
        if (property != null && !adaptive) {
            int threads = parsePositive("jtorch.threads", property);
            org.bytedeco.pytorch.global.torch.set_num_threads(threads);
            IntraOpThreads.globalSet(threads);
        }
        applyBlasThreads();
        if (adaptive) {
            try {
                setAdaptive(true);
            } catch (UnsupportedOperationException e) {
                System.getLogger("io.jtorch").log(System.Logger.Level.WARNING,
                        "-Djtorch.threads=auto: " + e.getMessage() + "; keeping libtorch's thread counts");
            }
        }
    }

    /**
     * Switches thread counts that follow the machine's load on or off ({@link AdaptiveThreads}).
     * On: libtorch's default intra-op count and OpenBLAS on every core while the machine is
     * quiet (OpenBLAS's count is left alone where {@code OPENBLAS_NUM_THREADS} or
     * {@code -Djtorch.blasThreads} fixed it). Off: the counts in place before.
     */
    public static void setAdaptive(boolean on) {
        if (on) {
            AdaptiveThreads.enable(IntraOpThreads.global(), blasFixed() ? 0 : Runtime.getRuntime().availableProcessors());
        } else {
            AdaptiveThreads.disable(IntraOpThreads.global(), blasFixed() ? 0 : BLAS_DEFAULT);
        }
    }

    /** {@return whether the environment sets OpenBLAS's thread count, which then always wins} */
    private static boolean blasFromEnvironment() {
        return System.getenv("OPENBLAS_NUM_THREADS") != null || System.getenv("GOTO_NUM_THREADS") != null;
    }

    /** {@return whether the user fixed OpenBLAS's thread count, so that adaptive counts leave it alone} */
    private static boolean blasFixed() {
        return blasFromEnvironment() || System.getProperty("jtorch.blasThreads") != null;
    }

    private static int parsePositive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + name + " must be a whole number of threads, at least 1, got \"" + value + "\"");
    }

    /** Sets libtorch's intra-op threads; mirrors {@code torch.set_num_threads}. */
    public static void setThreads(int threads) {
        AdaptiveThreads.disable(threads, blasFixed() ? 0 : BLAS_DEFAULT);
        org.bytedeco.pytorch.global.torch.set_num_threads(threads);
        IntraOpThreads.globalSet(threads);
    }

    /**
     * Runs OpenBLAS, which does libtorch's matrix products here, on one thread, unless
     * {@code OPENBLAS_NUM_THREADS} (or {@code GOTO_NUM_THREADS}) is in the environment or
     * {@code -Djtorch.blasThreads=N} asks otherwise.
     *
     * <p>Why one: OpenBLAS's threads wait for each other inside every product by spinning and
     * yielding, whatever OpenMP's wait policy. Next to libtorch's own team they take the cores
     * from each other (on two cores a 784-256-10 MLP step went from 1 ms to 22 ms), and next to
     * any other busy thread of the machine so do they: next to a build, the seed step took 24-46 ms
     * with two OpenBLAS threads and about 1 ms with one, and a 2048x2048 product ran at 24
     * GFLOP/s on two against 68 on one. On an idle machine two threads make a large product about
     * twice as fast; {@code OPENBLAS_NUM_THREADS} gets that back where the machine is known to be
     * quiet. libtorch's own parallel operations, and oneDNN's convolutions, keep every core.
     */
    static void applyBlasThreads() {
        if (blasFromEnvironment()) {
            return;
        }
        String property = System.getProperty("jtorch.blasThreads");
        int threads = property == null ? BLAS_DEFAULT : parsePositive("jtorch.blasThreads", property);
        try {
            org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
        } catch (LinkageError e) {
            // No OpenBLAS presets on this platform: libtorch uses another BLAS, nothing to set.
        }
    }

    /**
     * Lets glibc serve tensors of up to 32 MB from its heap instead of fresh pages. glibc's
     * malloc maps every block above its threshold (128 kB at start) with {@code mmap} and unmaps
     * it on free, so each activation of a batched CNN cost page faults on every call: inference
     * of the built-in CNN at batch 64 ran at 32 to 220 calls a second depending on the run.
     * glibc raises the threshold by itself when a mapped block larger than it is freed, which
     * happened in some runs and not in others; freeing one 32 MB block here raises it in every
     * run (170 to 200 calls a second). Freed memory below the trim threshold (64 MB after this)
     * stays in the process for reuse. {@code -Djtorch.mallocTuning=false} turns this off;
     * elsewhere than Linux it does nothing.
     */
    static void raiseMmapThreshold() {
        if (!Loader.getPlatform().startsWith("linux") || "false".equals(System.getProperty("jtorch.mallocTuning"))) {
            return;
        }
        org.bytedeco.javacpp.Pointer block = org.bytedeco.javacpp.Pointer.malloc(32L * 1024 * 1024 - 64 * 1024);
        if (block != null && !block.isNull()) {
            org.bytedeco.javacpp.Pointer.free(block);
        }
    }

    /** OpenBLAS's thread count, or 0 when OpenBLAS is not there. */
    public static int blasThreads() {
        try {
            return org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
        } catch (LinkageError e) {
            return 0;
        }
    }

    /** Extracts the presets' native folder into the JavaCPP cache, then loads libtorch. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (Native.class) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            try {
                loadOnce();
            } catch (RuntimeException | LinkageError e) {
                failure = e instanceof RuntimeException ? (RuntimeException) e
                        : new IllegalStateException("libtorch's native libraries could not be loaded: " + e, e);
                throw failure;
            }
        }
    }

    private static void loadOnce() {
        NativeEnv.apply();
        MemoryValve.install();
        raiseMmapThreshold();
        String folder = nativeFolder();
        if (folder.endsWith("-gpu/") && Loader.getPlatform().equals("linux-x86_64")) {
            List<String> missing = CudaLibraries.missing();
            if (!missing.isEmpty()) {
                String why = "the CUDA build of libtorch (mvn -Pgpu) needs CUDA 13 libraries this machine lacks: "
                        + String.join(", ", missing) + " (looked in LD_LIBRARY_PATH, /usr/local/cuda/lib64 and the ldconfig cache)";
                Fallback fallback = Fallback.decide(System.getProperty(CPU_FALLBACK), hasCpuBuild());
                if (fallback == Fallback.REFUSED) {
                    throw new IllegalStateException(why + "; -D" + CPU_FALLBACK + "=false forbids running on the CPU instead: "
                            + "install the CUDA 13 runtime, cuBLAS, cuDNN 9 and NCCL 2, or build without -Pgpu");
                }
                if (fallback == Fallback.NO_CPU_BUILD) {
                    throw new IllegalStateException(why + "; install the CUDA 13 runtime, cuBLAS, cuDNN 9 and NCCL 2, or build without -Pgpu");
                }
                LOG.log(System.Logger.Level.WARNING, why + ": running on the CPU build instead, CUDA devices are unavailable (-D"
                        + CPU_FALLBACK + "=false makes this an error)");
                folder = cpuFolder();
                if (System.getProperty(EXTENSION) == null) {
                    // Every later Loader.load (each presets class runs one) must skip the -gpu folder too.
                    System.setProperty(EXTENSION, CPU_ONLY_EXTENSION);
                    Loader.loadProperties(true);
                }
            }
        }
        try {
            // A class literal does not run the class's static initialiser, so nothing loads yet.
            Loader.cacheResources(org.bytedeco.pytorch.global.torch.class, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract libtorch's native libraries from " + folder, e);
        }
        Loader.load(org.bytedeco.pytorch.global.torch.class);
        applyDefaultThreads();
        loaded = true;
    }

    private static final System.Logger LOG = System.getLogger("io.jtorch");

    /**
     * System property: {@code false} makes a CUDA build ({@code mvn -Pgpu}) on a machine without
     * the CUDA libraries fail, instead of running on the CPU build it carries beside the CUDA one.
     */
    public static final String CPU_FALLBACK = "jtorch.cpuFallback";

    /** What a CUDA build does where the CUDA libraries are missing. */
    enum Fallback {
        /** Loads the CPU build and says so in one warning. */
        CPU,
        /** Fails: the user asked for no fallback ({@code -Djtorch.cpuFallback=false}). */
        REFUSED,
        /** Fails: the classpath has no CPU build to fall back to. */
        NO_CPU_BUILD;

        /** The choice for the {@code jtorch.cpuFallback} property's value (null when unset). */
        static Fallback decide(String property, boolean cpuBuildPresent) {
            if (property != null && property.strip().equalsIgnoreCase("false")) {
                return REFUSED;
            }
            return cpuBuildPresent ? CPU : NO_CPU_BUILD;
        }
    }

    /**
     * JavaCPP's system property naming the platform extension to load. Set to an extension that no
     * jar provides, the loader skips the presets' {@code -gpu} folder and loads the plain platform
     * folder, the CPU build; an empty value would not do, as JavaCPP then adds the presets' own
     * {@code -gpu} extension.
     */
    private static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";
    static final String CPU_ONLY_EXTENSION = "-jtorch-cpu-only";

    private static String cpuFolder() {
        return "/org/bytedeco/pytorch/" + Loader.getPlatform() + "/";
    }

    /** Whether the CPU build's natives are on the classpath too (the gpu profile carries them for the fallback). */
    static boolean hasCpuBuild() {
        return Native.class.getResource(cpuFolder() + System.mapLibraryName("jnitorch")) != null;
    }

    /**
     * The presets' folder of native libraries that {@code Loader.load} will pick: the CUDA build
     * ({@code linux-x86_64-gpu/}, on the classpath with {@code mvn -Pgpu}) when present, as
     * JavaCPP prefers the presets' "-gpu" extension, else the CPU build.
     */
    static String nativeFolder() {
        String cpu = "/org/bytedeco/pytorch/" + Loader.getPlatform() + "/";
        String gpu = "/org/bytedeco/pytorch/" + Loader.getPlatform() + "-gpu/";
        boolean hasGpu = Native.class.getResource(gpu + System.mapLibraryName("jnitorch")) != null;
        return hasGpu ? gpu : cpu;
    }
}
