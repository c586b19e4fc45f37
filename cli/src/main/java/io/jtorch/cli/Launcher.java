package io.jtorch.cli;

import io.jtorch.distributed.Distributed;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts this machine's workers of a data-parallel job and waits for them, as {@code torchrun}
 * does: {@code nproc} JVMs running the same command with the same classpath, each told its rank
 * through the environment ({@link WorkerEnv}). On one machine the workers meet through a file in
 * a temporary folder; across machines, through the TCP store that rank 0 serves at
 * {@code masterAddr:masterPort}. When a worker fails, the others are stopped and its exit status
 * is returned.
 *
 * <p>Rank 0's output is shown as is; the other workers' standard output is dropped and their
 * error output is shown with a {@code [rank N]} prefix.
 */
final class Launcher {
    /** How long stopped workers get to exit before they are killed. */
    private static final long GRACE_SECONDS = 10;

    private final int nproc;
    private final int nnodes;
    private final int nodeRank;
    private final String masterAddr;
    private final int masterPort;

    Launcher(int nproc, int nnodes, int nodeRank, String masterAddr, int masterPort) {
        this.nproc = nproc;
        this.nnodes = nnodes;
        this.nodeRank = nodeRank;
        this.masterAddr = masterAddr;
        this.masterPort = masterPort;
    }

    /** The number of workers in the whole job. */
    int worldSize() {
        return nproc * nnodes;
    }

    /** Runs {@code args} (a jtorch command line) in each worker; returns 0 when all succeed, else the first failure's status. */
    int launch(List<String> args, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path rendezvousDir = masterAddr == null ? Files.createTempDirectory("jtorch-rendezvous-") : null;
        String rendezvous = rendezvousDir != null ? rendezvousDir.resolve("store").toUri().toString() : "tcp://" + masterAddr + ":" + masterPort;
        List<Process> workers = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        Thread stopOnExit = new Thread(() -> workers.forEach(Process::destroyForcibly), "jtorch-launcher-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            for (int local = 0; local < nproc; local++) {
                WorkerEnv env = new WorkerEnv(nodeRank * nproc + local, local, worldSize(), nproc, rendezvous, Progress.isTerminal());
                Process p = start(env, args);
                workers.add(p);
                if (env.rank() == 0) {
                    pumps.add(pump(p.getInputStream(), out, ""));
                    pumps.add(pump(p.getErrorStream(), err, ""));
                } else {
                    p.getInputStream().close();
                    pumps.add(pump(p.getErrorStream(), err, "[rank " + env.rank() + "] "));
                }
            }
            int failed = awaitFirstFailure(workers);
            int stopped = failed >= 0 ? stop(workers) : 0;
            for (Thread t : pumps) {
                t.join();
            }
            if (failed < 0) {
                return 0;
            }
            int status = workers.get(failed).exitValue();
            err.println("jtorch: worker rank " + (nodeRank * nproc + failed) + " exited with status " + status
                    + (stopped > 0 ? "; stopped the other " + stopped + " worker(s) on this machine" : ""));
            err.flush();
            return status;
        } finally {
            workers.forEach(Process::destroyForcibly);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            if (rendezvousDir != null) {
                deleteTree(rendezvousDir);
            }
        }
    }

    private Process start(WorkerEnv env, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("JTORCH_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(Distributed.INIT_METHOD_ENV);
        pb.environment().putAll(env.toEnv());
        return pb.start();
    }

    /** Waits until every worker has exited (returns -1) or one has failed (returns its index). */
    private static int awaitFirstFailure(List<Process> workers) throws InterruptedException {
        while (true) {
            boolean running = false;
            for (int i = 0; i < workers.size(); i++) {
                Process p = workers.get(i);
                if (p.isAlive()) {
                    running = true;
                } else if (p.exitValue() != 0) {
                    return i;
                }
            }
            if (!running) {
                return -1;
            }
            Thread.sleep(50);
        }
    }

    /** Asks the running workers to stop, kills those that do not within the grace period; returns how many were running. */
    private static int stop(List<Process> workers) throws InterruptedException {
        int running = 0;
        for (Process p : workers) {
            if (p.isAlive()) {
                running++;
                p.destroy();
            }
        }
        for (Process p : workers) {
            if (!p.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        return running;
    }

    /** Copies a worker's output to {@code to} as it comes, each line prefixed with {@code prefix}. */
    private static Thread pump(InputStream from, PrintWriter to, String prefix) {
        Thread t = new Thread(() -> {
            try (Reader in = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                boolean lineStart = true;
                for (int n; (n = in.read(buf)) > 0; ) {
                    StringBuilder s = new StringBuilder(n + prefix.length());
                    for (int i = 0; i < n; i++) {
                        if (lineStart && !prefix.isEmpty()) {
                            s.append(prefix);
                        }
                        s.append(buf[i]);
                        lineStart = buf[i] == '\n';
                    }
                    synchronized (to) {
                        to.print(s);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // The worker is gone; whatever it wrote has been copied.
            }
        }, "jtorch-launcher-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the rendezvous folder " + dir, e);
        }
    }
}
