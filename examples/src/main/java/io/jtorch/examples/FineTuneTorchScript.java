package io.jtorch.examples;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Parameter;
import io.jtorch.optim.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model from Python, adapted in Java and handed back: load a TorchScript ResNet-style
 * classifier, replace its {@code fc} head for 3 classes, train only the head, save a file that
 * Python's {@code torch.jit.load} runs.
 * <pre>
 * PyTorch:                                             jtorch:
 * model = torch.jit.load("resnet.pt")                  ScriptModule model = ScriptModule.load(path);
 * for p in model.parameters(): p.requires_grad=False   for (Parameter p : model.parameters()) p.requiresGrad(false);
 * model.fc = nn.Linear(model.fc.in_features, 3)        model.replaceLinear("fc", 3);
 * model.save("resnet-3.pt")                            model.save(out);
 * </pre>
 * Arguments: the TorchScript file (default: the test fixture {@code core/src/test/resources/fixtures/jit/resnet.pt})
 * and where to save (default: {@code resnet-3classes.pt}).
 */
public final class FineTuneTorchScript {
    private FineTuneTorchScript() {}

    /** Runs the example; prints the loss before and after and where the model went. */
    public static void main(String[] args) throws IOException {
        Path in = args.length > 0 ? Path.of(args[0]) : defaultModel();
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("resnet-3classes.pt");
        Torch.manualSeed(0);

        ScriptModule model = ScriptModule.load(in);
        for (Parameter param : model.parameters()) param.requiresGrad(false);
        model.replaceLinear("fc", 3);
        model.eval();                       // frozen batch norms keep their statistics

        // Three classes of 3x16x16 noise images: the red, green or blue channel is brighter.
        Tensor labels = Torch.randint(0, 3, 96);
        Tensor images = Torch.randn(96, 3, 16, 16).mul(0.3);
        long[] y = labels.toLongArray();
        for (int i = 0; i < y.length; i++) {
            images.get(i).get(y[i]).add_(1.0);
        }
        DataLoader loader = new DataLoader(new TensorDataset(images, labels), 16, true).seed(0);

        SGD optimizer = new SGD(model.parameters(), 0.1).momentum(0.9);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        for (int epoch = 0; epoch < 10; epoch++) {
            double total = 0;
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(batch.inputs()), batch.labels());
                loss.backward();
                optimizer.step();
                total += loss.item() * batch.size();
            }
            if (epoch == 0 || epoch == 9) {
                System.out.printf("epoch %d: loss %.4f%n", epoch + 1, total / labels.size(0));
            }
        }
        model.save(out);
        System.out.println("saved " + out + " (" + model.get("fc").extraRepr() + ")");
    }

    private static Path defaultModel() {
        for (String candidate : new String[] {"core/src/test/resources/fixtures/jit/resnet.pt",
                "../core/src/test/resources/fixtures/jit/resnet.pt"}) {
            if (Files.exists(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("pass the path of a TorchScript model with an 'fc' head");
    }
}
