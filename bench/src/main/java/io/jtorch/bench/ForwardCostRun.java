package io.jtorch.bench;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.Module;
import io.jtorch.vision.models.Models;
import io.jtorch.vision.models.ResNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What one ResNet-50 inference call costs the process besides its wall time: per call, the minor
 * page faults, kernel and user CPU (Linux, {@code /proc/self/stat}) and the peak resident size so
 * far ({@code VmHWM}), for the Java module or its {@code Jit.script} form, eval mode, under
 * {@code noGrad}, in a scope of its own (BENCHMARKS.md, "Huge pages for large tensors").
 *
 * <pre>java -cp ... io.jtorch.bench.ForwardCostRun BATCH CALLS java|script</pre>
 *
 * Run each mode in a process of its own: the first mode's memory changes the second's faults.
 * {@code -Djtorch.hugePages=false} gives the rows without huge pages.
 */
public final class ForwardCostRun {
    private ForwardCostRun() {}

    /** Minor faults, user and kernel clock ticks, and the peak resident size in kB. */
    private static long[] usage() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {Long.parseLong(f[7]), Long.parseLong(f[11]), Long.parseLong(f[12]), hwm};
    }

    public static void main(String[] args) throws IOException {
        int batch = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        boolean script = args[2].equals("script");
        Torch.manualSeed(0);
        ResNet model = Models.resnet50(10);
        model.eval();
        Module m = model;
        if (script) {
            ScriptModule scripted = Jit.script(model);
            scripted.eval();
            m = scripted;
        }
        Tensor x = Torch.randn(batch, 3, 224, 224).retain();
        for (int i = 0; i < calls; i++) {
            long[] before = usage();
            long start = System.nanoTime();
            try (Scope s = Scope.open(); NoGrad g = Torch.noGrad()) {
                m.forward(x).sum().item();
            }
            double ms = (System.nanoTime() - start) / 1e6;
            long[] after = usage();
            System.out.println(String.format(Locale.ROOT, "%s b%d call %d: %.0f ms, %d page faults, user %.2f s, kernel %.2f s, peak resident %d MB",
                    script ? "script" : "java", batch, i, ms, after[0] - before[0], (after[1] - before[1]) / 100.0,
                    (after[2] - before[2]) / 100.0, after[3] / 1024));
        }
    }
}
