package io.jtorch.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Sets, in this process's environment, what libtorch and its OpenMP runtime read once when they
 * load: OpenMP's wait policy, and whether large tensors are given huge pages. Runs before the
 * first native library of libtorch is loaded.
 *
 * <p>Why: libtorch runs its parallel operations (and oneDNN's convolutions) on an OpenMP team of
 * one thread per core. GNU OpenMP's default lets a team thread spin for about 300,000 turns
 * after each parallel region before it sleeps. On an idle machine that saves a wake-up; next to
 * other busy threads (a service's own, the JIT and GC, a build on the same machine, a CPU
 * quota) the spinning threads and the neighbours take the cores from each other, and every
 * parallel region waits for a descheduled team mate: on two cores, next to a build, the seed
 * training step went from about 1 ms to 25-35 ms. With the passive policy team threads sleep
 * as soon as they are done, and the same step took 1.1-1.3 ms in the same minutes.
 *
 * <p>The Java standard library cannot change the C environment, so this calls the C library's
 * {@code setenv} through JNA. The user's own setting always wins: nothing is set when
 * {@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} is already in the environment, and
 * {@code -Djtorch.ompWaitPolicy=ACTIVE} (spin), {@code PASSIVE} (the default) or {@code unset}
 * (leave the environment as it is, OpenMP's default) chooses otherwise.
 *
 * <p><b>Huge pages.</b> On Linux this also sets {@code THP_MEM_ALLOC_ENABLE=1}, libtorch's own
 * switch (off by default in PyTorch) for aligning each CPU tensor of 2 MB or more to 2 MB and
 * asking the kernel for transparent huge pages for it ({@code madvise(MADV_HUGEPAGE)}). glibc
 * maps blocks that large afresh for each tensor, so a batched CNN forward used to fault every
 * page of every activation in, 4 kB at a time: ResNet-50 inference at batch 32 spent more time
 * in the kernel than computing (1.8 s a call through TorchScript, 1.2 s with huge pages, on 2
 * cores). It changes nothing where the kernel's huge pages are off ({@code never} in
 * {@code /sys/kernel/mm/transparent_hugepage/enabled}). The user's own setting wins: nothing is
 * set when {@code THP_MEM_ALLOC_ENABLE} is in the environment, and {@code -Djtorch.hugePages=false}
 * leaves it unset.
 */
final class NativeEnv {
    private static final System.Logger LOG = System.getLogger("io.jtorch");

    /** The system property that chooses the policy. */
    static final String PROPERTY = "jtorch.ompWaitPolicy";
    /** The system property that turns huge pages for large tensors off ({@code false}). */
    static final String HUGE_PAGES_PROPERTY = "jtorch.hugePages";
    /** libtorch's variable: 1 aligns tensors of 2 MB or more to 2 MB and advises huge pages for them. */
    static final String HUGE_PAGES_VARIABLE = "THP_MEM_ALLOC_ENABLE";

    private NativeEnv() {}

    /**
     * The value of {@code OMP_WAIT_POLICY} to set, or {@code null} to leave the environment as
     * it is: a pure function of the environment and the property, so that the rule can be tested.
     */
    static String waitPolicyToSet(Map<String, String> env, String property) {
        if (env.containsKey("OMP_WAIT_POLICY") || env.containsKey("GOMP_SPINCOUNT")) {
            return null;
        }
        String choice = property == null ? "PASSIVE" : property.trim().toUpperCase(Locale.ROOT);
        switch (choice) {
            case "PASSIVE":
            case "ACTIVE":
                return choice;
            case "UNSET":
                return null;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " must be PASSIVE, ACTIVE or unset, got \"" + property + "\"");
        }
    }

    /**
     * The value of {@code THP_MEM_ALLOC_ENABLE} to set, or {@code null} to leave the environment
     * as it is: a pure function of the environment, the property and the platform.
     */
    static String hugePagesToSet(Map<String, String> env, String property, boolean linux) {
        if (!linux || env.containsKey(HUGE_PAGES_VARIABLE)) {
            return null;
        }
        String choice = property == null ? "true" : property.trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "true":
                return "1";
            case "false":
                return null;
            default:
                throw new IllegalArgumentException("-D" + HUGE_PAGES_PROPERTY + " must be true or false, got \"" + property + "\"");
        }
    }

    /** Applies {@link #waitPolicyToSet} and {@link #hugePagesToSet} to this process; logs and goes on where the C library cannot be reached. */
    static void apply() {
        String hugePages = hugePagesToSet(System.getenv(), System.getProperty(HUGE_PAGES_PROPERTY),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"));
        if (hugePages != null) {
            LibC c = LibC.get();
            if (c == null || c.setenv(HUGE_PAGES_VARIABLE, hugePages, 0) != 0) {
                LOG.log(System.Logger.Level.DEBUG, "could not set " + HUGE_PAGES_VARIABLE + "=" + hugePages
                        + (c == null ? " (" + LibC.whyUnavailable() + ")" : ""));
            }
        }
        String policy = waitPolicyToSet(System.getenv(), System.getProperty(PROPERTY));
        if (policy == null) {
            return;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            // libtorch on Windows uses its own OpenMP runtime, which does not spin by default.
            return;
        }
        LibC c = LibC.get();
        if (c == null || c.setenv("OMP_WAIT_POLICY", policy, 0) != 0) {
            LOG.log(System.Logger.Level.WARNING, "could not set OMP_WAIT_POLICY=" + policy
                    + (c == null ? " (" + LibC.whyUnavailable() + ")" : "")
                    + "; OpenMP keeps its default, which can be slow next to other busy threads: set OMP_WAIT_POLICY=PASSIVE "
                    + "in the environment");
        }
    }
}
