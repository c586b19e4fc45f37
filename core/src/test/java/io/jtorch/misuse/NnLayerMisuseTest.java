package io.jtorch.misuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.TorchException;
import io.jtorch.misuse.Kinds.Kind;
import io.jtorch.misuse.MisuseCase.Outcome;
import io.jtorch.nn.AdaptiveMaxPool2d;
import io.jtorch.nn.AvgPool2d;
import io.jtorch.nn.BCELoss;
import io.jtorch.nn.BCEWithLogitsLoss;
import io.jtorch.nn.Conv1d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.ConvTranspose2d;
import io.jtorch.nn.Dropout2d;
import io.jtorch.nn.ELU;
import io.jtorch.nn.Hardsigmoid;
import io.jtorch.nn.Hardswish;
import io.jtorch.nn.HuberLoss;
import io.jtorch.nn.KLDivLoss;
import io.jtorch.nn.L1Loss;
import io.jtorch.nn.LeakyReLU;
import io.jtorch.nn.LogSoftmax;
import io.jtorch.nn.Loss;
import io.jtorch.nn.Module;
import io.jtorch.nn.NLLLoss;
import io.jtorch.nn.ReLU6;
import io.jtorch.nn.SiLU;
import io.jtorch.nn.Sigmoid;
import io.jtorch.nn.SmoothL1Loss;
import io.jtorch.nn.Softmax;
import io.jtorch.nn.Tanh;
import io.jtorch.nn.Unflatten;
import io.jtorch.nn.Upsample;
import io.jtorch.nn.Functional.Reduction;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nn layers and losses added for porting, on every {@link Kinds kind} of input, in a forked
 * JVM as {@link ApiMisuseTest} runs the rest: each case ends in a result or a documented
 * exception with a one-line message, a released input is refused, and nothing crashes the JVM.
 */
class NnLayerMisuseTest {
    private static final Set<Class<?>> DOCUMENTED = Set.of(IllegalArgumentException.class, IllegalStateException.class,
            IndexOutOfBoundsException.class, UnsupportedOperationException.class, TorchException.class);

    private record Layer(String name, Supplier<Module> make, long[] inputShape) {}

    private record Criterion(String name, Supplier<Loss> make, Supplier<Tensor> target) {}

    private static List<Layer> layers() {
        long[] image = {2, 3, 6, 6};
        return List.of(
                new Layer("Conv2d(options stride 2 groups 3 no bias)", () -> new Conv2d(3, 6, 3, Conv2d.options().stride(2).groups(3)
                        .bias(false)), image),
                new Layer("Conv2d(padding same)", () -> new Conv2d(3, 2, 4, Conv2d.options().padding("same")), image),
                new Layer("Conv1d(3, 4, 3)", () -> new Conv1d(3, 4, 3), new long[] {2, 3, 8}),
                new Layer("ConvTranspose2d(3, 2, 3, stride 2)", () -> new ConvTranspose2d(3, 2, 3, ConvTranspose2d.options().stride(2)),
                        image),
                new Layer("AvgPool2d(2)", () -> new AvgPool2d(2), image),
                new Layer("AvgPool2d(3, 2, 1, ceil, no pad count)", () -> new AvgPool2d(3, 2, 1, true, false), image),
                new Layer("AvgPool2d(9) larger than the image", () -> new AvgPool2d(9), image),
                new Layer("AdaptiveMaxPool2d(2, 3)", () -> new AdaptiveMaxPool2d(2, 3), image),
                new Layer("Upsample(2.0)", () -> new Upsample(2.0), image),
                new Layer("Upsample(size 5x7 bilinear)", () -> new Upsample(new long[] {5, 7}, "bilinear", false), image),
                new Layer("Unflatten(1, 3, 1)", () -> new Unflatten(1, 3, 1), image),
                new Layer("Dropout2d(0.5)", Dropout2d::new, image),
                new Layer("Hardswish()", Hardswish::new, image),
                new Layer("Hardsigmoid()", Hardsigmoid::new, image),
                new Layer("SiLU()", SiLU::new, image),
                new Layer("Sigmoid()", Sigmoid::new, image),
                new Layer("Tanh()", Tanh::new, image),
                new Layer("ReLU6()", ReLU6::new, image),
                new Layer("LeakyReLU(0.2)", () -> new LeakyReLU(0.2), image),
                new Layer("ELU()", ELU::new, image),
                new Layer("Softmax(1)", () -> new Softmax(1), image),
                new Layer("LogSoftmax(-1)", () -> new LogSoftmax(-1), image));
    }

    private static List<Criterion> criteria() {
        return List.of(
                new Criterion("NLLLoss()", NLLLoss::new, () -> Torch.tensor(0L, 2L, 1L, 0L)),
                new Criterion("NLLLoss(weight, sum)", () -> new NLLLoss(Torch.tensor(1f, 2f, 3f), -100, Reduction.SUM),
                        () -> Torch.tensor(0L, 2L, 1L, 0L)),
                new Criterion("BCELoss()", BCELoss::new, () -> Torch.rand(4, 3)),
                new Criterion("BCEWithLogitsLoss(posWeight)", () -> BCEWithLogitsLoss.builder().posWeight(Torch.tensor(1f, 2f, 3f)).build(),
                        () -> Torch.rand(4, 3)),
                new Criterion("L1Loss()", L1Loss::new, () -> Torch.randn(4, 3)),
                new Criterion("SmoothL1Loss(0.5)", () -> new SmoothL1Loss(0.5), () -> Torch.randn(4, 3)),
                new Criterion("HuberLoss(0.5)", () -> new HuberLoss(0.5), () -> Torch.randn(4, 3)),
                new Criterion("KLDivLoss(batchmean)", () -> new KLDivLoss(Reduction.BATCHMEAN), () -> Torch.rand(4, 3)));
    }

    static List<MisuseCase> cases() {
        List<MisuseCase> out = new ArrayList<>();
        for (Layer layer : layers()) {
            for (Kind kind : Kinds.all()) {
                for (String mode : List.of("train", "eval+noGrad")) {
                    out.add(forward(layer, kind, mode));
                }
            }
        }
        for (Criterion c : criteria()) {
            for (Kind kind : Kinds.all()) {
                out.add(MisuseCase.of("loss " + c.name() + " with input " + kind.name(), kind.released() ? Outcome.RELEASED
                        : Outcome.RESULT_OR_ERROR, () -> {
                            Tensor x = kind.of(4, 3);
                            Tensor y = c.make().get().forward(x, c.target().get());
                            Results.touch(y);
                        }));
            }
        }
        return out;
    }

    private static MisuseCase forward(Layer layer, Kind kind, String mode) {
        String name = "layer " + layer.name() + " (" + mode + ") forward with input " + kind.name();
        boolean random = layer.name().startsWith("Dropout") && mode.equals("train");
        return MisuseCase.of(name, kind.released() ? Outcome.RELEASED : Outcome.RESULT_OR_ERROR, () -> {
            Module m = layer.make().get();
            Tensor x = kind.of(layer.inputShape());
            Tensor copy = kind.layoutOnly() && !random ? x.contiguous().clone() : null;
            Tensor y = run(m, x, mode);
            Results.touch(y);
            if (copy != null) {
                Results.assertSame(run(m, copy, mode), y, "compared with a contiguous copy of the input");
            }
        });
    }

    private static Tensor run(Module m, Tensor x, String mode) {
        if (mode.equals("train")) {
            m.train();
            return m.forward(x);
        }
        m.eval();
        try (NoGrad g = Torch.noGrad()) {
            return m.forward(x);
        }
    }

    /** Runs every case in this JVM, printing {@code ok|wrong|error <outcome> <name> [<class> <message>]} lines. */
    @SuppressWarnings("try")
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Torch.manualSeed(ApiMisuseTest.SEED);
        int total = 0;
        for (MisuseCase c : cases()) {
            System.err.println("running\t" + c.name());
            System.err.flush();
            String head = c.outcome() + "\t" + c.name();
            try (Scope scope = Scope.open()) {
                c.action().run();
                out.println("ok\t" + head);
            } catch (AssertionError e) {
                out.println("wrong\t" + head + "\t" + oneLine(e.getMessage()));
            } catch (Throwable t) {
                out.println("error\t" + head + "\t" + t.getClass().getName() + "\t" + oneLine(t.getMessage()));
            }
            total++;
        }
        out.println("total\t" + total);
        System.exit(0);
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replace('\t', ' ').replace("\r", "").replace('\n', '\u2424');
    }

    @TempDir
    Path dir;

    @Test
    void everyMisuseOfTheNewLayersEndsInAResultOrADocumentedException() throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                NnLayerMisuseTest.class.getName()).redirectError(stderr.toFile()).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the misuse JVM did not finish in 5 minutes");
        }
        List<String> stderrLines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "the misuse JVM died while running: "
                + (stderrLines.isEmpty() ? "(nothing)" : stderrLines.get(stderrLines.size() - 1)));
        List<String> failures = new ArrayList<>();
        int counted = 0;
        int total = -1;
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("total")) {
                total = Integer.parseInt(f[1].strip());
                continue;
            }
            counted++;
            String problem = problem(f);
            if (problem != null) {
                failures.add(problem + ": " + line);
            }
        }
        assertEquals(total, counted, "the child's count");
        assertTrue(counted >= 1000, "only " + counted + " cases");
        assertTrue(failures.isEmpty(), failures.size() + " cases ended wrongly, e.g.:\n"
                + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
    }

    private static String problem(String[] f) {
        if (f.length < 3) {
            return "unparsed";
        }
        Outcome expected = Outcome.valueOf(f[1]);
        if (f[0].equals("ok")) {
            return expected == Outcome.RESULT_OR_ERROR ? null : "returned normally, expected " + expected;
        }
        if (!f[0].equals("error") || f.length != 5) {
            return f[0].equals("wrong") ? "wrong result" : "unparsed";
        }
        Class<?> type;
        try {
            type = Class.forName(f[3]);
        } catch (ClassNotFoundException e) {
            return "unknown exception class";
        }
        if (expected == Outcome.RELEASED) {
            return type == IllegalStateException.class && f[4].contains("released") ? null
                    : "expected IllegalStateException about a released tensor";
        }
        return DOCUMENTED.contains(type) ? ApiMisuseTest.readable(f[4]) : "undocumented exception " + type.getSimpleName();
    }
}
