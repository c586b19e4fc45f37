package io.jtorch.internal;

import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs parallel operations on two intra-op threads, then idles, and prints in how many of 25
 * looks at the process (every 20 ms) one of its native threads was running or waiting to run:
 * libtorch's OpenMP team threads spin through an idle spell under the active wait policy (and
 * stay runnable, even when a busy machine preempts them) and sleep under the passive one. Run by
 * {@link NativeEnvTest} in a JVM of its own, since the policy is read once, when libtorch loads.
 */
public final class SpinProbe {
    private SpinProbe() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        Torch.setNumThreads(2);
        Tensor x = Torch.randn(4_000_000).retain();
        for (int i = 0; i < 20; i++) {
            try (Scope s = Scope.open()) {
                x.mul(2).sum().item();
            }
        }
        Thread.sleep(1000); // lets the JVM's compiler threads finish their work
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        int busy = 0;
        for (int k = 0; k < 25; k++) {
            if (othersRunnable(self) > 0) {
                busy++;
            }
            Thread.sleep(20);
        }
        org.bytedeco.pytorch.StringOptional policy = org.bytedeco.pytorch.global.torch.get_env("OMP_WAIT_POLICY");
        System.out.println("threads " + Torch.getNumThreads() + " OMP_WAIT_POLICY " + (policy.has_value() ? policy.get().getString() : "(unset)"));
        System.out.println("busy_looks " + busy);
    }

    /**
     * Threads of this process other than {@code self} in state R (running or runnable) that are
     * not the JVM's own: OpenMP's team threads, started from this (main) thread, carry its
     * native name, "java", while the JVM names its compiler, GC and service threads.
     */
    private static int othersRunnable(String self) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (task.getFileName().toString().equals(self)) {
                    continue;
                }
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String rest = stat.substring(stat.lastIndexOf(')') + 1).trim();
                    if (rest.startsWith("R") && name.equals("java")) {
                        n++;
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return n;
    }
}
