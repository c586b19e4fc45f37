package io.jtorch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The contended part of bench/run's table: for each background load, the rows of
 * {@link ContendedRun} (jtorch and the raw presets in one JVM), of the same JVM with OpenMP's
 * own wait policy (seed step only), and of bench/python/contended_run.py, with their ratios.
 */
public final class ContendedReport {
    static final String[] LOADS = {"none", "hog1", "hogall", "bursty"};

    private ContendedReport() {}

    /** Args: the results folder (bench/run --contended prints only this part). */
    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]));
    }

    /** One measured row: median, min and max over the rounds of one run. */
    record Value(double median, double min, double max) {
        String show() {
            return String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", median, min, max);
        }
    }

    static Map<String, Value> read(Path file) throws IOException {
        Map<String, Value> rows = new HashMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && !f[0].startsWith("#")) {
                rows.put(f[0], new Value(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        }
        return rows;
    }

    static void print(Path dir) throws IOException {
        if (!Files.exists(dir.resolve("contended-none-jtorch.txt"))) {
            return;
        }
        System.out.println();
        System.out.println("Under background load (median [min-max] of the rounds of one run; lower is better except GFLOP/s)");
        System.out.println("-----------------------------------------------------------------------------------------------");
        System.out.printf(Locale.ROOT, "%-7s %-28s %-26s %-26s %-26s %8s %8s%n", "load", "row", "jtorch", "raw presets", "Python",
                "jt/Py", "jt/raw");
        StringBuilder targets = new StringBuilder();
        for (String load : LOADS) {
            Map<String, Value> j = read(dir.resolve("contended-" + load + "-jtorch.txt"));
            Map<String, Value> d = read(dir.resolve("contended-" + load + "-openmp-default.txt"));
            Map<String, Value> p = read(dir.resolve("contended-" + load + "-python.txt"));
            Map<String, Value> a = read(dir.resolve("contended-" + load + "-auto.txt"));
            if (j.isEmpty()) {
                continue;
            }
            line(load, "seed step, DataLoader (ms)", j.get("seed_jtorch"), j.get("seed_raw_copy"), p.get("seed_python"));
            line(load, "seed step, one batch (ms)", j.get("seed_jtorch_fixed"), j.get("seed_raw"), p.get("seed_python_fixed"));
            line(load, "  OpenMP default policy (ms)", d.get("seed_jtorch"), d.get("seed_raw"), null);
            line(load, "  threads=auto, DataLoader", a.get("seed_jtorch"), a.get("seed_raw_copy"), p.get("seed_python"));
            line(load, "  threads=auto, one batch", a.get("seed_jtorch_fixed"), a.get("seed_raw"), p.get("seed_python_fixed"));
            line(load, "ResNet-18 step b16 (ms)", j.get("resnet18_step"), null, p.get("resnet18_step"));
            line(load, "  threads=auto", a.get("resnet18_step"), null, p.get("resnet18_step"));
            line(load, "ResNet-18 infer b32 (ms)", j.get("resnet18_infer"), null, p.get("resnet18_infer"));
            line(load, "  threads=auto", a.get("resnet18_infer"), null, p.get("resnet18_infer"));
            line(load, "2048x2048 matmul (GFLOP/s)", j.get("matmul_gflops"), null, p.get("matmul_gflops"));
            Value step = j.get("seed_jtorch_fixed");
            Value mm = j.get("matmul_gflops");
            Value gemms = j.get("seed_gemms_gflops");
            if (step != null && mm != null && gemms != null) {
                double stepRate = ContendedRun.SEED_FLOPS / (step.median() / 1e3) / 1e9;
                System.out.printf(Locale.ROOT, "%-7s %-28s %.1f GFLOP/s = %.0f%% of the matmul rate; its five matrix products alone: %.0f%%%n",
                        load, "  seed step's own rate", stepRate, 100 * stepRate / mm.median(), 100 * gemms.median() / mm.median());
                if (load.equals("none")) {
                    targets.append(target("seed step rate / 2048x2048 matmul rate, idle", stepRate / mm.median(), ">= 0.80", stepRate / mm.median() >= 0.8));
                }
            }
            targets.append(ratioTarget("seed step jtorch / Python, DataLoader, " + load, j.get("seed_jtorch"), p.get("seed_python"), 1.0));
            targets.append(ratioTarget("seed step jtorch / Python, one batch, " + load, j.get("seed_jtorch_fixed"), p.get("seed_python_fixed"), 1.0));
            targets.append(ratioTarget("ResNet-18 step jtorch / Python, " + load, j.get("resnet18_step"), p.get("resnet18_step"), 1.0));
            targets.append(ratioTarget("ResNet-18 inference jtorch / Python, " + load, j.get("resnet18_infer"), p.get("resnet18_infer"), 1.0));
            if (!a.isEmpty()) {
                targets.append(ratioTarget("threads=auto: seed step / Python, DataLoader, " + load, a.get("seed_jtorch"), p.get("seed_python"), 1.0));
                targets.append(ratioTarget("threads=auto: seed step / Python, one batch, " + load, a.get("seed_jtorch_fixed"), p.get("seed_python_fixed"), 1.0));
                targets.append(ratioTarget("threads=auto: ResNet-18 step / Python, " + load, a.get("resnet18_step"), p.get("resnet18_step"), 1.0));
                targets.append(ratioTarget("threads=auto: ResNet-18 inference / Python, " + load, a.get("resnet18_infer"), p.get("resnet18_infer"), 1.0));
            }
            if (load.equals("none")) {
                targets.append(ratioTarget("seed step jtorch / raw presets copying batches, idle", j.get("seed_jtorch"), j.get("seed_raw_copy"), 1.05));
            }
        }
        System.out.println();
        System.out.println("Targets under load");
        System.out.println("------------------");
        System.out.print(targets);
    }

    private static void line(String load, String row, Value jtorch, Value raw, Value python) {
        if (jtorch == null && raw == null && python == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-7s %-28s %-26s %-26s %-26s %8s %8s%n", load, row, show(jtorch), show(raw), show(python),
                ratio(jtorch, python), ratio(jtorch, raw));
    }

    private static String show(Value v) {
        return v == null ? "-" : v.show();
    }

    private static String ratio(Value a, Value b) {
        return a == null || b == null ? "-" : String.format(Locale.ROOT, "%.2f", a.median() / b.median());
    }

    private static String ratioTarget(String what, Value a, Value b, double limit) {
        if (a == null || b == null) {
            return String.format(Locale.ROOT, "%-58s %8s  (target <= %.2f)%n", what, "skipped", limit);
        }
        double r = a.median() / b.median();
        return target(what, r, String.format(Locale.ROOT, "<= %.2f", limit), r <= limit);
    }

    private static String target(String what, double value, String goal, boolean met) {
        return String.format(Locale.ROOT, "%-58s %8.2f  (target %s)  %s%n", what, value, goal, met ? "met" : "NOT met");
    }
}
