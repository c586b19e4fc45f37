package io.jtorch.bench;

import io.jtorch.Torch;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * The seed step on one fixed batch under each pair of thread counts (libtorch's intra-op 1 or
 * 2, OpenBLAS 1 or 2), switched every 100 steps in one JVM, so that every setting sees the
 * same moments of the machine. Prints the median and fastest round of each.
 *
 * <pre>java -cp ... io.jtorch.bench.ThreadSettingsRun [rounds]</pre>
 */
public final class ThreadSettingsRun {
    private ThreadSettingsRun() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        SeedStep step = new SeedStep();
        int[][] settings = {{1, 1}, {1, 2}, {2, 1}, {2, 2}};
        double[][] ms = new double[settings.length][rounds];
        for (int r = -3; r < rounds; r++) {
            for (int k = 0; k < settings.length; k++) {
                Torch.setNumThreads(settings[k][0]);
                openblas_nolapack.blas_set_num_threads(settings[k][1]);
                long t0 = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    step.run();
                }
                if (r >= 0) {
                    ms[k][r] = (System.nanoTime() - t0) / 1e8;
                }
            }
        }
        for (int k = 0; k < settings.length; k++) {
            Arrays.sort(ms[k]);
            System.out.printf(Locale.ROOT, "libtorch %d, OpenBLAS %d: median %.3f ms/step, fastest round %.3f%n",
                    settings[k][0], settings[k][1], ms[k][rounds / 2], ms[k][0]);
        }
    }
}
