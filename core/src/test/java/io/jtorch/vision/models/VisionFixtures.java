package io.jtorch.vision.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Module;
import io.jtorch.optim.SGD;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fixtures of tools/fixtures/vision_models_fixtures.py: the committed JSON files, and the big
 * ones the script writes into target/ at test time when /usr/bin/python3 has torchvision.
 */
final class VisionFixtures {
    static final Path SCRIPT = Path.of("..", "tools", "fixtures", "vision_models_fixtures.py").toAbsolutePath().normalize();
    static final Path BIG = Path.of("target", "vision-models-fixtures").toAbsolutePath();
    /** The optimiser of every train-step fixture: SGD(lr=0.01, momentum=0.9, weight_decay=1e-4). */
    static final double LR = 0.01, MOMENTUM = 0.9, WEIGHT_DECAY = 1e-4;
    private static final Map<String, JsonNode> JSON = new java.util.HashMap<>();

    private VisionFixtures() {}

    static synchronized JsonNode json(String name) {
        return JSON.computeIfAbsent(name, n -> {
            try (InputStream in = VisionFixtures.class.getResourceAsStream("/fixtures/" + n)) {
                return new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Runs the fixture script with {@code args}; the result's output says why when it fails. */
    static PythonCheck.Result script(String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = SCRIPT.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return PythonCheck.run("import runpy, sys, os\nos.chdir(os.path.dirname(os.path.dirname(os.path.dirname(sys.argv[1]))))\n"
                + "sys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], run_name='__main__')", all);
    }

    /** Makes the numeric fixture of {@code arch} in target/ once per build (when the script is newer, again). */
    static synchronized Path numeric(String arch) throws IOException {
        Path expected = BIG.resolve(arch + ".expected.pth");
        if (!Files.exists(expected) || Files.getLastModifiedTime(expected).compareTo(Files.getLastModifiedTime(SCRIPT)) < 0) {
            PythonCheck.Result r = script("numeric", "--arch", arch, "--out", BIG.toString());
            if (r.exitCode() != 0) {
                throw new IllegalStateException("vision_models_fixtures.py numeric --arch " + arch + " failed:\n" + r.output());
            }
        }
        return BIG;
    }

    /** Largest |a - b| over largest |b|. */
    static double maxRel(Tensor a, Tensor b) {
        double scale = Math.max(b.abs().max().item(), 1e-30);
        return a.sub(b).abs().max().item() / scale;
    }

    /**
     * One SGD step in train mode with dropout held in eval mode (its masks are random), as the
     * script does; returns the loss. {@code labels} null means the loss {@code mean(out²)}.
     */
    static double trainStep(Module model, Tensor input, Tensor labels) {
        model.train();
        for (Module m : model.modules()) {
            if (m instanceof Dropout || m instanceof io.jtorch.vision.ops.StochasticDepth) {
                m.eval();
            }
        }
        SGD sgd = new SGD(model.parameters(), LR).momentum(MOMENTUM).weightDecay(WEIGHT_DECAY);
        sgd.zeroGrad();
        Tensor out = model.forward(input);
        Tensor loss = labels == null ? out.pow(2).mean() : new CrossEntropyLoss().forward(out, labels);
        loss.backward();
        sgd.step();
        return loss.item();
    }

    /** The script's probe of a tensor: all of it, or its first and last 1000 values. */
    static Tensor probe(Tensor t) {
        Tensor flat = t.detach().flatten();
        long n = flat.numel();
        return n <= 2000 ? flat : Torch.cat(java.util.List.of(flat.narrow(0, 0, 1000), flat.narrow(0, n - 1000, 1000)), 0);
    }

    /**
     * The fixture's training step redone in float64 on {@code model} (fresh, its weights loaded
     * from {@code stateFile}), against PyTorch's float64 step ({@code delta64/}): the largest
     * error of any tensor's change relative to that change's size. It tells float32 rounding
     * (two roundings of a sum that nearly cancels can differ by far more than either's size)
     * from a difference in what is computed.
     */
    static double float64StepError(Module model, Path stateFile, Map<String, Tensor> input, Map<String, Tensor> expected)
            throws IOException {
        ((io.jtorch.vision.models.VisionModel<?>) model).loadWeights(stateFile);
        model.to(io.jtorch.DType.FLOAT64);
        Map<String, Tensor> before = new java.util.HashMap<>();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            before.put(e.getKey(), probe(e.getValue()).clone());
        }
        trainStep(model, input.get("x").to(io.jtorch.DType.FLOAT64), input.get("y"));
        double worst = 0;
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            Tensor exact = expected.get("delta64/" + e.getKey());
            if (exact == null) {
                continue; // integer buffers (num_batches_tracked)
            }
            Tensor delta = probe(e.getValue()).sub(before.get(e.getKey()));
            double scale = exact.abs().max().item();
            worst = Math.max(worst, delta.sub(exact).abs().max().item() / Math.max(scale, 1e-300));
        }
        return worst;
    }
}
