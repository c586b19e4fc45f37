package io.jtorch.jit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TorchScript fuzzer: loads the files {@link TorchScriptMutator} makes with
 * {@link Jit#load(Path, LoadOptions)} and runs the ones that load, in forked JVMs with a 256 MB
 * heap, so that a native crash ends only a child; the parent then reports the case and starts a
 * new child at the next one. A case passes when it ends within {@code caseSeconds} (default 10)
 * and its resident memory stays under {@code maxRssMb} (default 1500) in: loaded, with Python's
 * output for a mutation that keeps the file valid; or refused with an
 * {@link IllegalArgumentException} or {@link IOException} whose one-line message names the file,
 * for a mutation that must be refused or may be. A crash, a hang (the child's watchdog halts it
 * after {@code hangSeconds}, default 30), any other exception or error, a refusal of a valid file
 * or the loading of a file that must be refused is a failure, kept in the failures folder as
 * {@code seed-S-case-I-<kind>.pt} and reproduced by
 * {@code TorchScriptFuzzMain --seed S --first I --cases 1}.
 *
 * <p>Usage: {@code TorchScriptFuzzMain [--cases N] [--seed S] [--first I] [--failures DIR]};
 * {@code bench/fuzz --torchscript N} runs it. Prints one line per case that fails, then the
 * number of cases, seconds, cases per second and the outcomes by kind. Exits 1 if any failed.
 */
public final class TorchScriptFuzzMain {
    /** What a run found. */
    record Summary(long seed, int cases, double seconds, List<String> failures, Map<String, Integer> outcomes) {
        String line() {
            return String.format(java.util.Locale.ROOT, "torchscript fuzz: seed %d, %d cases in %.1f s (%.1f cases/s), %d failed",
                    seed, cases, seconds, cases / seconds, failures.size());
        }
    }

    private TorchScriptFuzzMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            TorchScriptFuzzChild.main(args);
            return;
        }
        long seed = System.currentTimeMillis();
        int cases = 200;
        int first = 0;
        Path failures = Path.of("core/target/torchscript-fuzz-failures");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--first" -> first = Integer.parseInt(args[i + 1]);
                case "--failures" -> failures = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("torchscript fuzz: seed " + seed + ", cases " + first + " to " + (first + cases - 1) + ", "
                + TorchScriptMutator.KINDS.size() + " kinds of mutation of " + TorchScriptMutator.seedList().size() + " seeds");
        Summary s = run(seed, first, cases, failures, out);
        out.println(s.line());
        out.println("outcomes by kind: " + s.outcomes);
        System.exit(s.failures.isEmpty() ? 0 : 1);
    }

    /** Runs cases {@code first .. first + count - 1} of {@code seed}, printing each failure to {@code log}. */
    static Summary run(long seed, int first, int count, Path failures, PrintStream log) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("jtorch-tsfuzz-");
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int next = first;
        int end = first + count;
        int done = 0;
        while (next < end) {
            Process child = startChild(seed, next, end - next, work);
            int started = -1;
            String startedKind = null;
            String startedDetail = null;
            boolean finished = false;
            String hang = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split("\t", -1);
                    switch (f[0]) {
                        case "start" -> {
                            started = Integer.parseInt(f[1]);
                            startedKind = f[2];
                            startedDetail = f.length > 3 ? f[3] : "";
                        }
                        case "done" -> {
                            int index = Integer.parseInt(f[1]);
                            outcomes.merge(f[2] + " " + f[4], 1, Integer::sum);
                            done++;
                            if (f[3].equals("fail")) {
                                String report = "FAIL case " + index + " " + f[2] + " (" + f[6] + "): " + f[4] + ", " + f[7]
                                        + "; reproduce: --seed " + seed + " --first " + index + " --cases 1, file "
                                        + keep(work, failures, seed, index, f[2]);
                                failed.add(report);
                                log.println(report);
                            } else {
                                Files.deleteIfExists(caseFile(work, index, f[2]));
                            }
                            started = -1;
                            next = index + 1;
                        }
                        case "hang" -> hang = line;
                        case "end" -> finished = true;
                        default -> log.println("child: " + line);
                    }
                }
            }
            int status = child.waitFor();
            if (finished && status == 0) {
                break;
            }
            if (started < 0) {
                throw new IllegalStateException("the fuzz JVM ended with status " + status + " outside any case; its errors:\n"
                        + tail(work.resolve("child-stderr.txt")));
            }
            String what = hang != null ? "hang" : "crash";
            outcomes.merge(startedKind + " " + what, 1, Integer::sum);
            done++;
            String report = "FAIL case " + started + " " + startedKind + " (" + startedDetail + "): " + what + " (JVM status " + status + ")"
                    + "; reproduce: --seed " + seed + " --first " + started + " --cases 1, file "
                    + keep(work, failures, seed, started, startedKind) + "; last errors: " + tail(work.resolve("child-stderr.txt"));
            failed.add(report);
            log.println(report);
            next = started + 1;
        }
        return new Summary(seed, done, (System.nanoTime() - start) / 1e9, failed, outcomes);
    }

    private static Process startChild(long seed, int first, int count, Path work) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Xss1m", "-XX:ErrorFile=" + work.resolve("hs_err_%p.log"),
                "-cp", absolute(System.getProperty("java.class.path"))));
        for (String p : new String[] {"jtorch.tsfuzz.caseSeconds", "jtorch.tsfuzz.hangSeconds", "jtorch.tsfuzz.maxRssMb"}) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.addAll(List.of(TorchScriptFuzzMain.class.getName(), "--child", Long.toString(seed), Integer.toString(first),
                Integer.toString(count), work.toString()));
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.to(work.resolve("child-stderr.txt").toFile())).start();
    }

    /** The class path with each entry absolute: the child runs in the work folder. */
    private static String absolute(String classPath) {
        List<String> out = new ArrayList<>();
        for (String p : classPath.split(java.io.File.pathSeparator)) {
            out.add(p.isEmpty() ? p : Path.of(p).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    static Path caseFile(Path work, int index, String kind) {
        return work.resolve("case-" + index + "-" + kind + ".pt");
    }

    private static String keep(Path work, Path failures, long seed, int index, String kind) throws IOException {
        Path file = caseFile(work, index, kind);
        Files.createDirectories(failures);
        Path target = failures.resolve("seed-" + seed + "-case-" + index + "-" + kind + ".pt");
        if (Files.exists(file)) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.write(target, TorchScriptMutator.make(seed, index).bytes());
        }
        return target.toAbsolutePath().toString();
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
