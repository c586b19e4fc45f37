package io.jtorch.bench;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Module;
import io.jtorch.optim.SGD;
import io.jtorch.vision.models.Models;
import io.jtorch.vision.models.ResNet;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * ResNet-50 through jtorch, as bench/vision compares it with torchvision: eval-mode inference at
 * batch 1 and 32, one fine-tuning step (forward, cross-entropy, backward, SGD step with momentum
 * 0.9 over every parameter) at batch 8, all on 224x224 inputs, and the same inference through the
 * model scripted to TorchScript. Prints one line per row: {@code name median_ms runs}.
 *
 * <pre>java -cp ... io.jtorch.bench.VisionRun [runs]</pre>
 */
public final class VisionRun {
    private VisionRun() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Torch.manualSeed(0);
        ResNet model = Models.resnet50(10);
        model.eval();
        Tensor one = Torch.randn(1, 3, 224, 224).retain();
        Tensor batch = Torch.randn(32, 3, 224, 224).retain();
        row("resnet50_infer_b1", runs, () -> infer(model, one));
        row("resnet50_infer_b32", runs, () -> infer(model, batch));
        ScriptModule scripted = Jit.script(model);
        scripted.eval();
        row("resnet50_script_infer_b32", runs, () -> infer(scripted, batch));

        model.train();
        SGD optimizer = new SGD(model.parameters(), 0.01).momentum(0.9);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor inputs = Torch.randn(8, 3, 224, 224).retain();
        Tensor labels = Torch.randint(0, 10, 8).retain();
        row("resnet50_step_b8", runs, () -> {
            try (Scope s = Scope.open()) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(inputs), labels);
                loss.backward();
                optimizer.step();
                return loss.item();
            }
        });
    }

    private static double infer(Module m, Tensor x) {
        try (Scope s = Scope.open(); NoGrad g = Torch.noGrad()) {
            return m.forward(x).sum().item();
        }
    }

    /** Two warm-up calls, then the median of {@code runs} timed calls. */
    private static void row(String name, int runs, Supplier<Double> call) {
        call.get();
        call.get();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.println(String.format(Locale.ROOT, "%s %.1f %d", name, ms[runs / 2], runs));
    }
}
