package io.jtorch.bench;

import io.jtorch.Torch;
import io.jtorch.internal.AdaptiveThreads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The seed step on one fixed batch for 30 seconds, with adaptive thread counts ({@code auto}) or
 * the fixed defaults ({@code fixed}): prints each OpenBLAS trial's verdict as it comes and the
 * median, 10th and 90th percentile of 200-step rounds after the first 6 seconds. Run it in
 * alternating JVMs; the faster OpenBLAS count differs from one JVM to the next.
 *
 * <pre>java -cp ... io.jtorch.bench.AdaptiveTrialRun auto|fixed [seconds]</pre>
 */
public final class AdaptiveTrialRun {
    private AdaptiveTrialRun() {}

    public static void main(String[] args) {
        boolean auto = args.length > 0 && args[0].equals("auto");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        SeedStep step = new SeedStep();
        if (auto) {
            Torch.setAdaptiveThreads(true);
        }
        String shown = null;
        List<Double> rounds = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                step.run();
            }
            rounds.add((System.nanoTime() - t0) / 200 / 1e6);
            String verdict = AdaptiveThreads.lastTrialVerdict();
            if (verdict != null && !verdict.equals(shown)) {
                System.out.printf(Locale.ROOT, "  t=%.1f s: %s%n", (System.nanoTime() - start) / 1e9, verdict);
                shown = verdict;
            }
        }
        List<Double> after = new ArrayList<>(rounds.subList(rounds.size() / 5, rounds.size()));
        Collections.sort(after);
        System.out.printf(Locale.ROOT, "%s: %.3f ms/step (10th-90th percentile of rounds %.3f-%.3f)%n", auto ? "auto" : "fixed",
                after.get(after.size() / 2), after.get(after.size() / 10), after.get(after.size() * 9 / 10));
    }
}
