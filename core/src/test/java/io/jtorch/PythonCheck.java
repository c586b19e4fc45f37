package io.jtorch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs snippets in a local Python with PyTorch (Debian's /usr/bin/python3), for round-trip tests. */
public final class PythonCheck {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private PythonCheck() {}

    /** Whether /usr/bin/python3 exists and imports torch. */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && run("import torch").exitCode == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** Why round-trip tests are skipped when Python is missing. */
    public static String skipReason() {
        return "skipped: /usr/bin/python3 with torch is not installed (apt-get install python3-torch); "
                + "the Java-side checks of this test class still ran";
    }

    /** The exit code and combined output of running {@code script}. */
    public record Result(int exitCode, String output) {}

    /** Runs a Python script; arguments are passed as sys.argv[1:]. */
    public static Result run(String script, String... args) throws IOException {
        String[] cmd = new String[3 + args.length];
        cmd[0] = PYTHON.toString();
        cmd[1] = "-c";
        cmd[2] = script;
        System.arraycopy(args, 0, cmd, 3, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), out);
    }
}
