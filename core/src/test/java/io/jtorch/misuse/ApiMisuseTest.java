package io.jtorch.misuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jtorch.TorchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of misuses of the public API (see {@link MisuseMain}) in a forked JVM: a crash of
 * native code fails this test instead of ending the run. Every case must end in a correct result
 * or in a documented exception whose message is one readable line.
 *
 * <p>Documented exceptions: {@link IllegalArgumentException}, {@link IllegalStateException},
 * {@link IndexOutOfBoundsException}, {@link UnsupportedOperationException},
 * {@link TorchException}; {@link NullPointerException} only where the case passes {@code null};
 * {@link java.io.IOException} from methods that read or write files; and the exceptions that
 * Java's own contracts name: {@link NoSuchElementException} from an iterator past its end,
 * {@link ClassCastException} from {@code Sequential.get(index, type)}.
 */
class ApiMisuseTest {
    private static final Set<Class<?>> DOCUMENTED = Set.of(IllegalArgumentException.class, IllegalStateException.class,
            IndexOutOfBoundsException.class, UnsupportedOperationException.class, TorchException.class,
            NoSuchElementException.class, ClassCastException.class);

    /** Seeds the random chains; the cases are the same on every run. */
    static final long SEED = 20240614L;

    @TempDir
    Path dir;

    @Test
    void everyMisuseEndsInACorrectResultOrADocumentedException() throws Exception {
        long start = System.nanoTime();
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                MisuseMain.class.getName(), Long.toString(SEED)).redirectError(stderr.toFile()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the misuse JVM did not finish in 10 minutes; it was running: " + lastRunning(stderr));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, child.exitValue(), "the misuse JVM died (a crash in native code?) while running: " + lastRunning(stderr));

        List<String> failures = new ArrayList<>();
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        int total = -1;
        int counted = 0;
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("total")) {
                total = Integer.parseInt(f[1].strip());
                continue;
            }
            counted++;
            String problem = problem(f);
            outcomes.merge(f[0].equals("error") && f.length == 5 ? f[3].substring(f[3].lastIndexOf('.') + 1) : f[0], 1, Integer::sum);
            if (problem != null) {
                failures.add(problem + ": " + line);
            }
        }
        System.out.printf("API misuse: %d cases in %.1f s: %s%n", counted, seconds, outcomes);
        assertEquals(total, counted, "the child's count");
        assertTrue(counted >= 1000, "only " + counted + " cases");
        assertTrue(failures.isEmpty(), failures.size() + " cases ended wrongly, e.g.:\n"
                + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
    }

    /** What is wrong with one output line, or null when the case ended correctly. */
    private static String problem(String[] f) {
        if (f.length < 3) {
            return "unparsed";
        }
        MisuseCase.Outcome expected = MisuseCase.Outcome.valueOf(f[1]);
        switch (f[0]) {
            case "ok":
                return expected == MisuseCase.Outcome.RESULT_OR_ERROR ? null : "returned normally, expected " + expected;
            case "wrong":
                return "wrong result";
            case "error":
                break;
            default:
                return "unparsed";
        }
        if (f.length != 5) {
            return "unparsed";
        }
        Class<?> type;
        try {
            type = Class.forName(f[3]);
        } catch (ClassNotFoundException e) {
            return "unknown exception class";
        }
        String message = f[4];
        switch (expected) {
            case RELEASED:
                if (type != IllegalStateException.class || !message.contains("released")) {
                    return "expected IllegalStateException about a released tensor";
                }
                break;
            case NULL_ARGUMENT:
                if (type != NullPointerException.class) {
                    return "expected NullPointerException for the null argument";
                }
                break;
            default:
                if (!DOCUMENTED.contains(type) && !IOException.class.isAssignableFrom(type)) {
                    return "undocumented exception " + type.getSimpleName();
                }
        }
        return readable(message);
    }

    /** Null when {@code message} is one line a person can read; otherwise what is wrong with it. */
    static String readable(String message) {
        if (message.isBlank() || message.equals("null")) {
            return "no message";
        }
        if (message.contains("\u2424")) {
            return "a message of several lines";
        }
        if (message.contains("Exception raised from") || message.contains("frame #") || message.contains("INTERNAL ASSERT")
                || message.contains("Traceback of TorchScript")) {
            return "a message with C++ internals";
        }
        if (message.length() > 2000) {
            return "a message of " + message.length() + " characters";
        }
        return null;
    }

    private static String lastRunning(Path stderr) throws IOException {
        String last = "(nothing)";
        StringBuilder other = new StringBuilder();
        for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
            if (line.startsWith("running\t")) {
                last = line.substring(8);
            } else if (other.length() < 4000) {
                other.append(line).append('\n');
            }
        }
        return last + "\nstderr:\n" + other;
    }
}
