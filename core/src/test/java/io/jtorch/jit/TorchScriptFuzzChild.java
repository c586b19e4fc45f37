package io.jtorch.jit;

import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The child JVM of {@link TorchScriptFuzzMain}: runs cases {@code first .. first + count - 1}
 * and prints, for each, {@code start index kind} before it and
 * {@code done index kind pass|fail outcome millis detail message} after it (tab-separated), then
 * {@code end}. A case that outlives {@code hangSeconds} prints {@code hang} and halts the JVM.
 * Arguments: {@code --child seed first count workDir}.
 */
final class TorchScriptFuzzChild {
    /** Exceptions that mean a bug in Java code, whatever was being read. */
    private static final Set<Class<?>> BUGS = Set.of(NullPointerException.class, ClassCastException.class,
            ArrayIndexOutOfBoundsException.class, StringIndexOutOfBoundsException.class, NegativeArraySizeException.class,
            ArithmeticException.class, ArrayStoreException.class, java.nio.BufferUnderflowException.class,
            java.nio.BufferOverflowException.class, java.util.ConcurrentModificationException.class);
    private static final long MAX_BYTES = 64L << 20;

    private TorchScriptFuzzChild() {}

    static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long seed = Long.parseLong(args[1]);
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        long caseMillis = Long.getLong("jtorch.tsfuzz.caseSeconds", 10) * 1000;
        long hangMillis = Long.getLong("jtorch.tsfuzz.hangSeconds", 30) * 1000;
        long maxRssKb = Long.getLong("jtorch.tsfuzz.maxRssMb", 1500) * 1024;
        Torch.zeros(1); // libtorch loaded before the first case's clock starts
        for (int index = first; index < first + count; index++) {
            TorchScriptMutator.Case c;
            try {
                c = TorchScriptMutator.make(seed, index);
            } catch (RuntimeException | OutOfMemoryError e) {
                out.println("start\t" + index + "\tgenerator\t");
                out.println("done\t" + index + "\tgenerator\tfail\terror\t0\t\tthe fuzzer could not make the case: " + e);
                continue;
            }
            out.println("start\t" + index + "\t" + c.kind() + "\t" + clean(c.seed() + " " + c.detail(), 300));
            Path file = TorchScriptFuzzMain.caseFile(work, index, c.kind());
            Files.write(file, c.bytes());
            int i = index;
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(hangMillis);
                } catch (InterruptedException e) {
                    return;
                }
                out.println("hang\t" + i + "\t" + c.kind());
                Runtime.getRuntime().halt(3);
            }, "fuzz-watchdog");
            watchdog.setDaemon(true);
            resetPeakRss();
            long start = System.nanoTime();
            watchdog.start();
            String[] result;
            try {
                result = run(c, file);
            } finally {
                watchdog.interrupt();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long rss = peakRssKb();
            String verdict = result[0];
            String message = result[2];
            long allowed = caseMillis + 5000L * c.bytes().length / (1 << 20); // time linear in the file's size
            if (millis > allowed) {
                verdict = "fail";
                message = "took " + millis + " ms, more than " + allowed + "; " + message;
            }
            if (rss > maxRssKb) {
                verdict = "fail";
                message = "peak resident memory " + rss / 1024 + " MB, more than " + maxRssKb / 1024 + "; " + message;
            }
            out.println("done\t" + index + "\t" + c.kind() + "\t" + verdict + "\t" + result[1] + "\t" + millis + "\t"
                    + clean(c.seed() + " " + c.detail(), 300) + "\t" + clean(message, 600));
        }
        out.println("end");
    }

    /** {verdict, outcome, message}. */
    private static String[] run(TorchScriptMutator.Case c, Path file) {
        ScriptModule m;
        try {
            m = Jit.load(file, LoadOptions.defaults().withMaxBytes(MAX_BYTES));
        } catch (IllegalArgumentException | IOException e) {
            String message = String.valueOf(e.getMessage());
            boolean clear = !message.contains("\n") && message.contains(file.getFileName().toString());
            if (!clear) {
                return new String[] {"fail", "refused", "unclear message (" + e.getClass().getName() + "): " + message};
            }
            if (c.expect() == TorchScriptMutator.Expect.LOAD) {
                return new String[] {"fail", "refused", "a valid file was refused: " + message};
            }
            return new String[] {"pass", "refused", message};
        } catch (Throwable t) {
            return new String[] {"fail", "error", "loading threw " + t};
        }
        if (c.expect() == TorchScriptMutator.Expect.REFUSE) {
            return new String[] {"fail", "loaded", "a file that must be refused loaded"};
        }
        try (Scope scope = Scope.open()) {
            m.eval();
            long n = 1;
            for (long d : c.input()) {
                n *= d;
            }
            Tensor y = m.forward(Torch.linspace(-1, 1, n).reshape(c.input()));
            float[] got = y.contiguous().toFloatArray();
            if (c.expect() == TorchScriptMutator.Expect.LOAD) {
                float[] want = c.output();
                boolean same = got.length == want.length;
                for (int k = 0; same && k < got.length; k++) {
                    same = Math.abs(got[k] - want[k]) <= 1e-4f * (1 + Math.abs(want[k]));
                }
                if (!same) {
                    return new String[] {"fail", "loaded", "output " + java.util.Arrays.toString(got) + ", Python's "
                            + java.util.Arrays.toString(want)};
                }
            }
            return new String[] {"pass", "loaded", "forward " + io.jtorch.Shapes.format(y.shape())};
        } catch (RuntimeException e) {
            if (BUGS.contains(e.getClass()) || c.expect() == TorchScriptMutator.Expect.LOAD) {
                return new String[] {"fail", "forward-error", "forward threw " + e};
            }
            return new String[] {"pass", "forward-error", e.getClass().getSimpleName() + ": " + e.getMessage()};
        } catch (Throwable t) {
            return new String[] {"fail", "forward-error", "forward threw " + t};
        }
    }

    private static String clean(String s, int max) {
        String one = s.replace('\n', ' ').replace('\t', ' ').replace('\r', ' ');
        return one.length() > max ? one.substring(0, max) + "..." : one;
    }

    /** Resets the peak resident set size (Linux: 5 in /proc/self/clear_refs); does nothing elsewhere. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no such file: the peak then covers the whole run, which only makes the check stricter
        }
    }

    /** The peak resident set size in KB since the last reset (Linux VmHWM), or 0 when unknown. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }
}
