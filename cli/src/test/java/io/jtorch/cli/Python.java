package io.jtorch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs snippets in Debian's /usr/bin/python3 with torch and torchvision, for round-trip checks of saved models. */
final class Python {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private Python() {}

    /** Whether /usr/bin/python3 imports torch and torchvision. */
    static synchronized boolean available() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && run("import torch, torchvision").exitCode() == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** The exit code and combined output of a script. */
    record Result(int exitCode, String output) {}

    /** Runs {@code script} with {@code args} as sys.argv[1:]. */
    static Result run(String script, String... args) throws IOException {
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
