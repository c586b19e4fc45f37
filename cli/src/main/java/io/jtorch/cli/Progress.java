package io.jtorch.cli;

import io.jtorch.train.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress: a bar redrawn in place on a terminal, plain lines otherwise (logs,
 * pipes, CI), so that output stays readable either way.
 */
class Progress {
    private static final int MIN_BAR = 8;
    private static final int MAX_BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final int columns;
    private long lastDraw;

    Progress(PrintWriter out, boolean terminal) {
        this(out, terminal, terminal ? terminalColumns() : 80);
    }

    /** A progress display for a terminal {@code columns} wide: no line it draws is longer than columns - 1. */
    Progress(PrintWriter out, boolean terminal, int columns) {
        this.out = out;
        this.terminal = terminal;
        this.columns = Math.max(40, columns);
    }

    /** The terminal's width: $COLUMNS, else what stty reports for the controlling terminal, else 80. */
    static int terminalColumns() {
        try {
            String env = System.getenv("COLUMNS");
            if (env != null) {
                return Integer.parseInt(env.trim());
            }
        } catch (NumberFormatException e) {
            // fall through to stty
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                String[] rowsCols = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim().split(" ");
                if (rowsCols.length == 2) {
                    return Integer.parseInt(rowsCols[1]);
                }
            } else {
                p.destroyForcibly();
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no terminal to ask
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
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
            double elapsed = (now - start) / 1e9;
            double eta = done > 0 ? (total - done) * elapsed / done : 0;
            String head = String.format(Locale.ROOT, "%-17s %2d/%-2d [", phase, epoch, epochs);
            String tail = String.format(Locale.ROOT, "] %d/%d loss %.4f %,.0f img/s ETA %s", done, total, loss, rate, eta(eta));
            int width = Math.min(MAX_BAR, Math.max(MIN_BAR, columns - 1 - head.length() - tail.length()));
            int filled = total > 0 ? (int) (width * Math.min(done, total) / total) : width;
            out.print("\r" + fit(head + "=".repeat(filled) + " ".repeat(width - filled) + tail));
            out.flush();
        };
    }

    /** Ends an epoch with its summary line. */
    void epochDone(String phase, int epoch, int epochs, double loss, double accuracy, double seconds, boolean cached) {
        String line = String.format(Locale.ROOT, "%-17s epoch %2d/%-2d loss %.4f  val acc %.3f  %.2f s%s", phase, epoch, epochs, loss,
                accuracy, seconds, cached ? "  (cached)" : "");
        out.println(terminal ? "\r" + fit(line) : line);
        out.flush();
    }

    /** Prints an informational line. */
    void info(String line) {
        out.println(line);
        out.flush();
    }

    /** {@code line} cut or padded to one less than the terminal's width, so it overwrites the last one and never wraps. */
    private String fit(String line) {
        int n = columns - 1;
        return line.length() >= n ? line.substring(0, n) : line + " ".repeat(n - line.length());
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
