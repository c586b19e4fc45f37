package io.jtorch.cli;

import io.jtorch.Device;
import io.jtorch.Torch;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jtorch finetune}: the answer's recipe on real data. Replace the head of a trained
 * network for the new classes and train it alone, then unfreeze the layer before it with a lower
 * learning rate, and for contrast train the same network from scratch; report all three on the
 * same validation set.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Adapts a TorchScript classifier to new classes in three runs, reported on one validation set:",
            "  1. head only: every layer frozen, the last Linear replaced for the new classes and trained;",
            "  2. fine-tune: the --unfreeze layers below the head unfrozen, lower learning rate;",
            "  3. from scratch: the same network, re-initialised, trained on the same images.",
            "With no options it runs on the built-in Fashion-MNIST backbone and data; with --arch (and --weights)",
            "it builds a torchvision architecture in Java and prepares images with its weights' preset."})
public final class FinetuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "PATH", description = "TorchScript classifier whose head is a Linear (default: the built-in "
            + "CNN pretrained on six Fashion-MNIST classes)")
    Path model;

    @Option(names = "--arch", paramLabel = "NAME", description = "instead of --model, a torchvision architecture built in Java, e.g. "
            + "resnet50, vgg16_bn, densenet121 (see --weights); its images are prepared by the weights' preset (resize, center crop, "
            + "mean/std), which the saved model records for predict")
    String arch;

    @Option(names = "--weights", paramLabel = "PATH", description = "with --arch, a torchvision state_dict (.pth/.pt or .safetensors), "
            + "loaded strictly; its file name, e.g. resnet50-11ad3fa6.pth, selects the preset, else the architecture's DEFAULT "
            + "weights' preset (default: random weights, with a warning)")
    Path weights;

    @Option(names = "--head", paramLabel = "NAME", description = "the Linear to replace, e.g. fc or classifier.6 (default: the last Linear)")
    String head;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST/Fashion-MNIST IDX files, or one subfolder of PNG/JPEG images per "
            + "class (with train/ and val/ subfolders, or 20%% of each class held out) (default: built-in)")
    Path data;

    @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "the classes to use, comma-separated (default: all)")
    List<String> classes;

    @Option(names = "--per-class", paramLabel = "N", description = "labelled training images per class (default: ${DEFAULT-VALUE})")
    int perClass = 50;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs of each run (default: ${DEFAULT-VALUE})")
    int epochs = 15;

    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate of runs 1 and 3 (default: ${DEFAULT-VALUE})")
    double lr = 0.01;

    @Option(names = "--lr-factor", paramLabel = "F", description = "run 2's learning rate is lr times this (default: ${DEFAULT-VALUE})")
    double lrFactor = 0.1;

    @Option(names = "--optimizer", paramLabel = "adam|sgd", description = "Adam, or SGD with momentum 0.9 (default: ${DEFAULT-VALUE})")
    String optimizer = "adam";

    @Option(names = "--batch-size", paramLabel = "N", description = "images per step, split evenly over the workers with --nproc "
            + "(default: ${DEFAULT-VALUE})")
    int batchSize = 16;

    @Option(names = "--seed", paramLabel = "N", description = "seed for drawing images, initialising and shuffling (default: ${DEFAULT-VALUE})")
    long seed = 0;

    @Option(names = "--unfreeze", paramLabel = "K", description = "layers below the head to unfreeze in run 2: the last K modules with "
            + "parameters at the head's depth (features.17, features.18 for MobileNetV2's classifier.1; layer4, layer3 for a ResNet's fc) "
            + "(default: ${DEFAULT-VALUE})")
    int unfreeze = 1;

    @Option(names = "--drop-top", paramLabel = "K", description = "drop K layers below the old head before adding the new one (default: 0)")
    int dropTop = 0;

    @Option(names = "--hidden", paramLabel = "N", description = "a deeper head: Linear(features, N), ReLU, Linear(N, classes) (default: none)")
    int hidden = 0;

    @Option(names = "--resize", paramLabel = "HxW", description = "resize images to H x W pixels, e.g. 28x28")
    String resize;

    @Option(names = "--mean", paramLabel = "M[,M...]", description = "per-channel means to subtract from inputs in 0..1, one value or one "
            + "per channel, e.g. 0.485,0.456,0.406 (default: the model's recorded ones, else none)")
    String mean;

    @Option(names = "--std", paramLabel = "S[,S...]", description = "per-channel standard deviations to divide by, with --mean, e.g. "
            + "0.229,0.224,0.225")
    String std;

    @Option(names = "--device", paramLabel = "cpu|cuda", description = "where to train (default: ${DEFAULT-VALUE})")
    String device = "cpu";

    @Option(names = "--threads", paramLabel = "N|auto", description = "intra-op threads, or auto: thread counts that follow the "
            + "machine's load, not reproducible to the last bit (default: libtorch's choice)")
    String threads;

    @Option(names = "--no-feature-cache", negatable = false, description = "recompute the frozen layers every epoch instead of once")
    boolean noFeatureCache;

    @Option(names = "--workers", paramLabel = "N", description = "threads that batch the images ahead of training (default: 1 for "
            + "image folders, 0 for IDX files)")
    Integer workers;

    @Option(names = "--nproc", paramLabel = "N", description = "worker processes on this machine, each training on its share of every "
            + "batch (default: ${DEFAULT-VALUE})")
    int nproc = 1;

    @Option(names = "--nnodes", paramLabel = "N", description = "machines in the job; run the same command on each (default: ${DEFAULT-VALUE})")
    int nnodes = 1;

    @Option(names = "--node-rank", paramLabel = "I", description = "this machine's index, 0 to nnodes-1 (default: ${DEFAULT-VALUE})")
    int nodeRank = 0;

    @Option(names = "--master-addr", paramLabel = "HOST", description = "address of machine 0, where rank 0 serves the rendezvous "
            + "(needed with --nnodes above 1)")
    String masterAddr;

    @Option(names = "--master-port", paramLabel = "PORT", description = "port of that rendezvous (default: ${DEFAULT-VALUE})")
    int masterPort = 29500;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write finetuned.pt, metrics.json and curves.png "
            + "(default: ${DEFAULT-VALUE})")
    Path out = Path.of("jtorch-out");

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "write DIR/checkpoint.pt every N epochs (default: never)")
    int checkpointEvery = 0;

    @Option(names = "--resume", paramLabel = "PATH", description = "continue a run from its checkpoint.pt (same options as that run)")
    Path resume;

    @Option(names = "--trust-model-code", description = "load a model whose code runs while it loads or reaches files "
            + "(TorchScript __setstate__, torch.from_file...); only for models from authors you trust")
    boolean trustModelCode;

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        check(perClass >= 1, "--per-class must be at least 1");
        check(epochs >= 1, "--epochs must be at least 1");
        check(lr > 0 && Double.isFinite(lr), "--lr must be a positive number");
        check(lrFactor > 0 && Double.isFinite(lrFactor), "--lr-factor must be a positive number");
        check(batchSize >= 1, "--batch-size must be at least 1");
        check(unfreeze >= 0, "--unfreeze must be 0 or more");
        check(dropTop >= 0, "--drop-top must be 0 or more");
        check(hidden >= 0, "--hidden must be 0 or more");
        check(checkpointEvery >= 0, "--checkpoint-every must be 0 or more");
        check(optimizer.equals("sgd") || optimizer.equals("adam"), "--optimizer must be sgd or adam, got " + optimizer);
        check(nproc >= 1, "--nproc must be at least 1");
        check(nnodes >= 1, "--nnodes must be at least 1");
        Device dev = parseDevice(device);
        ModelLoading.trustCode(trustModelCode);
        WorkerEnv worker = WorkerEnv.current();
        if (worker == null && nproc * nnodes > 1) {
            return launcher().launch(spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (worker != null && dev.isCuda() && dev.index() < 0) {
            dev = Device.cuda(worker.localRank());
        }
        Torch.cuda().check(dev);
        check(workers == null || workers >= 0, "--workers must be 0 or more");
        Normalization normalization = parseNormalization(mean, std);
        check(arch == null || model == null, "--arch and --model are two ways to give the model: give one");
        check(weights == null || arch != null, "--weights goes with --arch (a TorchScript --model carries its own weights)");
        check(arch == null || resize == null, "--resize does not apply with --arch: images go through the weights' preset (resize, "
                + "center crop), which the saved model records");
        ArchModel architecture = arch == null ? null : ArchModel.of(arch, weights);
        if ("auto".equalsIgnoreCase(threads)) {
            try {
                Torch.setAdaptiveThreads(true);
            } catch (UnsupportedOperationException e) {
                throw new UserError("--threads auto: " + e.getMessage());
            }
        } else if (threads != null) {
            check(threads.matches("\\d{1,9}") && Integer.parseInt(threads) >= 1, "--threads must be at least 1, or auto");
            Torch.setNumThreads(Integer.parseInt(threads));
        } else if (worker != null) {
            Torch.setNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / worker.localWorldSize()));
        }
        try (Distribution dist = worker == null ? Distribution.alone() : Distribution.join(dev)) {
            check(batchSize % dist.worldSize() == 0, "--batch-size " + batchSize + " does not split evenly over " + dist.worldSize()
                    + " processes");
            PrintWriter printer = dist.isMain() ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter());
            boolean terminal = worker == null ? Progress.isTerminal() : worker.terminal();
            Finetune.Settings settings = new Finetune.Settings(model, head, data, classes, perClass, epochs, lr, lrFactor, optimizer, batchSize,
                    seed, unfreeze, dropTop, hidden, parseResize(resize), dev, !noFeatureCache, workers, out, checkpointEvery, resume,
                    normalization.mean(), normalization.std());
            new Finetune(settings, new Progress(printer, terminal), dist).arch(architecture).run();
        }
        return 0;
    }

    /** The launcher for --nproc, --nnodes and their rendezvous, after checking them. */
    private Launcher launcher() {
        check(nodeRank >= 0 && nodeRank < nnodes, "--node-rank must be in 0.." + (nnodes - 1) + ", got " + nodeRank);
        check(nnodes == 1 || masterAddr != null, "--nnodes " + nnodes + " needs --master-addr, the address of machine 0");
        if (masterAddr != null) {
            // An unknown host would otherwise surface as minutes of rendezvous retries in every worker.
            try {
                java.net.InetAddress.getByName(masterAddr);
            } catch (java.net.UnknownHostException e) {
                throw new UserError("--master-addr " + masterAddr + ": no such host (it does not resolve to an address)");
            }
        }
        check(masterPort >= 1 && masterPort <= 65535, "--master-port must be in 1..65535");
        Launcher launcher = new Launcher(nproc, nnodes, nodeRank, masterAddr, masterPort);
        check(batchSize % launcher.worldSize() == 0, "--batch-size " + batchSize + " does not split evenly over "
                + launcher.worldSize() + " processes");
        return launcher;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new UserError(message);
        }
    }

    static Device parseDevice(String spec) {
        try {
            return Device.of(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError("--device " + spec + ": expected cpu, cuda or cuda:N");
        }
    }

    /** Means and standard deviations given on the command line, or nulls. */
    record Normalization(double[] mean, double[] std) {}

    static Normalization parseNormalization(String mean, String std) {
        check((mean == null) == (std == null), "--mean and --std go together: give both or neither");
        if (mean == null) {
            return new Normalization(null, null);
        }
        double[] m = parseList("--mean", mean);
        double[] s = parseList("--std", std);
        check(m.length == s.length, "--mean has " + m.length + " values but --std has " + s.length);
        for (double v : s) {
            check(v > 0, "--std values must be positive, got " + std);
        }
        return new Normalization(m, s);
    }

    private static double[] parseList(String option, String spec) {
        try {
            double[] v = Arrays.stream(spec.split(",", -1)).map(String::trim).mapToDouble(Double::parseDouble).toArray();
            for (double x : v) {
                check(Double.isFinite(x), option + " " + spec + ": values must be finite numbers");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserError(option + " " + spec + ": expected numbers separated by commas, e.g. 0.485,0.456,0.406");
        }
    }

    static String formatList(double[] v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ",").append(v[i]);
        }
        return s.toString();
    }

    static int[] parseResize(String spec) {
        if (spec == null) {
            return null;
        }
        String[] parts = spec.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int[] hw = Arrays.stream(parts).mapToInt(Integer::parseInt).toArray();
            if (hw.length == 2 && hw[0] > 0 && hw[1] > 0) {
                return hw;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("--resize " + spec + ": expected HEIGHTxWIDTH, e.g. 28x28");
    }
}
