package io.jtorch.cli;

import io.jtorch.train.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress: a bar redrawn in place on a terminal, plain lines otherwise (logs,
 * pipes, CI), so that output stays readable either way.
 */
class Progress {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;

    Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether this process writes to a terminal. */
    static boolean isTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** A listener drawing the bar for one epoch. */
    ProgressListener epoch(String phase, int epoch, int epochs) {
        if (!terminal) {
            return ProgressListener.NONE;
        }
        long start = System.nanoTime();
        return (done, total, loss, rate) -> {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = total > 0 ? (int) (WIDTH * Math.min(done, total) / total) : WIDTH;
            double elapsed = (now - start) / 1e9;
            double eta = done > 0 ? (total - done) * elapsed / done : 0;
            out.print(String.format(Locale.ROOT, "\r%-22s epoch %3d/%-3d [%s%s] %d/%d batches  loss %.4f  %,.0f img/s  ETA %s   ",
                    phase, epoch, epochs, "=".repeat(filled), " ".repeat(WIDTH - filled), done, total, loss, rate, eta(eta)));
            out.flush();
        };
    }

    /** Ends an epoch with its summary line. */
    void epochDone(String phase, int epoch, int epochs, double loss, double accuracy, double seconds, boolean cached) {
        String line = String.format(Locale.ROOT, "%-22s epoch %3d/%-3d loss %.4f  val acc %.3f  %.2f s%s", phase, epoch, epochs, loss,
                accuracy, seconds, cached ? "  (cached features)" : "");
        out.println(terminal ? "\r" + line + " ".repeat(30) : line);
        out.flush();
    }

    /** Prints an informational line. */
    void info(String line) {
        out.println(line);
        out.flush();
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
