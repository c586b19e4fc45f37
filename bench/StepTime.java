import io.jtorch.Device;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Parameter;
import io.jtorch.optim.SGD;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times one fine-tuning step of a TorchScript ResNet-18 (new 10-class head and layer4 trainable,
 * the rest frozen; SGD with momentum) on each device given, and prints them side by side.
 * Run as a source file with the command line's classpath:
 *
 *     java -cp "cli/target/jtorch-cli.jar:$(cat cli/target/classpath.txt)" bench/StepTime.java resnet18.pt 32 20 cpu cuda:0
 */
public final class StepTime {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        Torch.setNumThreads(Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            Device device = Device.of(args[i]);
            double ms = millisPerStep(model, device, batch, steps);
            rows.add(String.format(Locale.ROOT, "%-8s %10.1f %10.1f", device, ms, batch * 1000 / ms));
        }
        System.out.printf(Locale.ROOT, "ResNet-18 fine-tuning step: batch %d x 3x224x224, head and layer4 trainable, %d timed steps, %d CPU threads%n",
                batch, steps, Torch.getNumThreads());
        System.out.printf(Locale.ROOT, "%-8s %10s %10s%n", "device", "ms/step", "images/s");
        rows.forEach(System.out::println);
    }

    static double millisPerStep(Path path, Device device, int batch, int steps) throws Exception {
        Torch.manualSeed(0);
        ScriptModule m = ScriptModule.load(path);
        String head = m.replaceHead(10);
        m.to(device);
        for (Parameter p : m.parameters()) {
            p.requiresGrad(false);
        }
        m.get(head).requiresGrad(true);
        m.get("layer4").requiresGrad(true);
        m.train();
        List<Parameter> trainable = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            if (p.requiresGrad()) {
                trainable.add(p);
            }
        }
        SGD optimizer = new SGD(trainable, 0.01).momentum(0.9);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor x = Torch.randn(batch, 3, 224, 224).to(device).retain();
        Tensor y = Torch.randint(0, 10, batch).to(device).retain();
        long start = 0;
        int warmup = 3;
        for (int i = 0; i < warmup + steps; i++) {
            if (i == warmup) {
                start = System.nanoTime();
            }
            try (Scope s = Scope.open()) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(m.forward(x), y);
                loss.backward();
                optimizer.step();
                loss.item(); // waits for the device
            }
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }
}
