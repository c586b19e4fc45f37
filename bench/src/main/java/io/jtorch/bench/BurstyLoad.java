package io.jtorch.bench;

import java.util.SplittableRandom;

/**
 * A busy neighbour for contended benchmarks: a JVM whose threads alternate short bursts of work
 * (arithmetic and short-lived garbage, so its GC threads wake too) with short sleeps, as the
 * threads of a service, a build or a test run do. Runs for a bounded time, at normal priority.
 *
 * <pre>java -cp ... io.jtorch.bench.BurstyLoad SECONDS [THREADS [BURST_MS [SLEEP_MS]]]</pre>
 *
 * Each burst lasts 0.5 to 1.5 times BURST_MS (default 2), each sleep 0.5 to 1.5 times SLEEP_MS
 * (default 6); THREADS defaults to 4 per core.
 */
public final class BurstyLoad {
    private BurstyLoad() {}

    static volatile long sink;

    public static void main(String[] args) throws InterruptedException {
        double seconds = Double.parseDouble(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4 * Runtime.getRuntime().availableProcessors();
        double burstMs = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        double sleepMs = args.length > 3 ? Double.parseDouble(args[3]) : 6;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] pool = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long seed = t;
            pool[t] = new Thread(() -> run(deadline, burstMs, sleepMs, new SplittableRandom(seed)), "bursty-" + t);
            pool[t].setDaemon(true);
            pool[t].start();
        }
        for (Thread t : pool) {
            t.join();
        }
    }

    private static void run(long deadline, double burstMs, double sleepMs, SplittableRandom random) {
        long acc = 0;
        while (System.nanoTime() < deadline) {
            long burstEnd = System.nanoTime() + (long) (burstMs * (0.5 + random.nextDouble()) * 1e6);
            while (System.nanoTime() < burstEnd) {
                long[] garbage = new long[256];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = acc * 31 + i;
                    acc += garbage[i] ^ (acc >>> 7);
                }
            }
            sink = acc;
            long sleepNs = (long) (sleepMs * (0.5 + random.nextDouble()) * 1e6);
            try {
                Thread.sleep(sleepNs / 1_000_000, (int) (sleepNs % 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
