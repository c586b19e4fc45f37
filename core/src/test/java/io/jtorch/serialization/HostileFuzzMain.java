package io.jtorch.serialization;

import io.jtorch.Scope;
import io.jtorch.vision.datasets.ImageFolder;
import io.jtorch.vision.datasets.Images;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hostile-file fuzzer (see {@link HostileFiles}), run in a JVM of its own with a small heap
 * (the JUnit test {@link HostileFilesFuzzTest} and {@code bench/fuzz} start it). Arguments:
 * {@code seed casesPerKind workDir failuresDir [kind,kind,...]}. For each case it writes the
 * file, runs its loader and prints one tab-separated line
 * {@code pass|fail kind index loader millis outcome}; a failing case's file is kept in
 * {@code failuresDir} with the seed and index in its name, which reproduce it. A case still
 * running after {@code -Djtorch.fuzz.hangSeconds} (default 30) prints {@code hang ...} and ends
 * the JVM with status 3. Ends with {@code total <cases> <seconds>}.
 *
 * <p>A case passes when it ends, within {@code -Djtorch.fuzz.caseSeconds} (default 10), in a
 * result or in an exception its loader documents, with a one-line message that names the file,
 * and never in an {@link OutOfMemoryError}.
 */
public final class HostileFuzzMain {
    /** A loader under test, given the case's file and the memory limit to load it with. */
    @FunctionalInterface
    interface Loader {
        Object load(Path file, long maxBytes) throws IOException;
    }

    static final Map<String, Loader> LOADERS = new LinkedHashMap<>();
    private static final Map<String, Set<Class<?>>> DOCUMENTED = new LinkedHashMap<>();
    /** Kinds whose every case is invalid, so that a result is a failure too. */
    private static final Set<String> MUST_FAIL = Set.of("oversized-entry", "huge-decimal", "huge-image");

    static {
        LOADERS.put("torch.load", TorchSerialization::load);
        LOADERS.put("safetensors.load", SafeTensors::load);
        LOADERS.put("checkpoint.restore", (file, max) -> CheckpointTampering.restore(file));
        LOADERS.put("image.read", (file, max) -> Images.readImage(file));
        LOADERS.put("folder.read", (file, max) -> {
            ImageFolder folder = new ImageFolder(file);
            for (long i = 0; i < folder.size(); i++) {
                folder.get(i);
            }
            return folder.skipped().size() + " skipped";
        });
        LOADERS.put("extra.read", (file, max) -> ExtraFiles.read(file, "jtorch.json", Math.min(max, 1 << 20)));
        Set<Class<?>> files = Set.of(SerializationException.class, NoSuchFileException.class);
        DOCUMENTED.put("torch.load", files);
        DOCUMENTED.put("safetensors.load", files);
        DOCUMENTED.put("extra.read", files);
        DOCUMENTED.put("checkpoint.restore", Set.of(SerializationException.class, IllegalArgumentException.class));
        DOCUMENTED.put("image.read", Set.of(IllegalArgumentException.class, UncheckedIOException.class));
        DOCUMENTED.put("folder.read", Set.of(IllegalArgumentException.class, UncheckedIOException.class));
    }

    private HostileFuzzMain() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long seed = Long.parseLong(args[0]);
        int perKind = Integer.parseInt(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        Path failures = Path.of(args[3]);
        List<String> kinds = args.length > 4 ? Arrays.asList(args[4].split(",")) : HostileFiles.KINDS;
        long caseMillis = Long.getLong("jtorch.fuzz.caseSeconds", 10) * 1000;
        long hangMillis = Long.getLong("jtorch.fuzz.hangSeconds", 30) * 1000;
        boolean pipes = HostileFiles.canMakePipes();
        if (!pipes) {
            out.println("note\tno mkfifo on this system: the pipe cases are skipped");
        }
        long started = System.nanoTime();
        int total = 0;
        int index = 0;
        for (int round = 0; round < perKind; round++) {
            for (String kind : kinds) {
                int i = index++;
                if (kind.equals("pipe") && !pipes) {
                    continue;
                }
                Random random = new Random(seed * 1_000_003L + i);
                Path caseDir = Files.createDirectories(work.resolve("case-" + i));
                HostileFiles.Case c = new HostileFiles(caseDir).make(kind, random, i);
                long max = i % 2 == 0 ? 64L << 20 : TorchSerialization.defaultMaxBytes();
                String line = runWithWatchdog(c, i, max, caseMillis, hangMillis, seed, failures, out);
                out.println(line);
                if (line.startsWith("fail")) {
                    keep(c.file(), failures, seed, i);
                }
                deleteTree(caseDir);
                total++;
            }
        }
        out.printf("total\t%d\t%.1f%n", total, (System.nanoTime() - started) / 1e9);
    }

    private static String runWithWatchdog(HostileFiles.Case c, int index, long max, long caseMillis, long hangMillis, long seed,
                                          Path failures, PrintStream out) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(hangMillis);
            } catch (InterruptedException e) {
                return;
            }
            out.println("hang\t" + c.kind() + "\t" + index + "\t" + c.loader() + "\t" + hangMillis + "\tstill running; reproduce with seed "
                    + seed + " index " + index);
            try {
                keep(c.file(), failures, seed, index);
            } catch (IOException ignored) {
                // the line above names the case; the file is a convenience
            }
            Runtime.getRuntime().halt(3);
        }, "fuzz-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        long start = System.nanoTime();
        String outcome;
        boolean passed;
        try (Scope scope = Scope.open()) {
            Object result = LOADERS.get(c.loader()).load(c.file(), max);
            outcome = "ok " + PyValues.typeName(result);
            passed = !MUST_FAIL.contains(c.kind()) && !(c.kind().equals("pipe") && !c.loader().equals("folder.read"))
                    && !(result instanceof Integer && (Integer) result < 0);
        } catch (Throwable t) {
            String message = String.valueOf(t.getMessage());
            outcome = t.getClass().getName() + ": " + message.replace('\n', '\u2424').replace('\t', ' ');
            passed = DOCUMENTED.get(c.loader()).contains(t.getClass()) && !message.contains("\n")
                    && message.contains(c.file().getFileName().toString())
                    && (!c.kind().equals("huge-image") || message.contains("pixel"));
        } finally {
            watchdog.interrupt();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        passed &= millis <= caseMillis;
        return (passed ? "pass" : "fail") + "\t" + c.kind() + "\t" + index + "\t" + c.loader() + "\t" + millis + "\t" + outcome;
    }

    /** Copies a failing case to {@code failures} as {@code seed-<seed>-case-<index>-<name>}. */
    private static void keep(Path file, Path failures, long seed, int index) throws IOException {
        Files.createDirectories(failures);
        Path target = failures.resolve("seed-" + seed + "-case-" + index + "-" + file.getFileName());
        if (Files.isRegularFile(file)) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.writeString(target.resolveSibling(target.getFileName() + ".txt"), "not a regular file (a named pipe or a folder): "
                    + file + "\n");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
