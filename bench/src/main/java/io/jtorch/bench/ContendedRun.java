package io.jtorch.bench;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import io.jtorch.vision.models.Models;
import io.jtorch.vision.models.ResNet;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The rows bench/run measures under each background load, in one JVM with jtorch's defaults
 * (bench/python/contended_run.py is the Python side):
 * <ul>
 *   <li>{@code seed_jtorch}: the seed step (zero_grad, forward, cross-entropy, backward, SGD
 *       step; 784-256-10 MLP, batches of 64 from a DataLoader over 6,400 samples) through
 *       io.jtorch as a user writes it;</li>
 *   <li>{@code seed_jtorch_fixed}: the same step on one fixed batch (no DataLoader), as
 *       Python's {@code seed_python_fixed};</li>
 *   <li>{@code seed_raw}: the same step on the raw presets, batches as views, a PointerScope a
 *       step; {@code seed_raw_copy}: batches copied out with index_select, as a DataLoader does;</li>
 *   <li>{@code matmul_gflops}: a 2048x2048 float matmul through the same libtorch, GFLOP/s;</li>
 *   <li>{@code seed_gemms_gflops}: the five matrix products of one seed step alone (forward of
 *       both layers, the second layer's input gradient, both weight gradients; {@link #SEED_FLOPS}
 *       in all), at the step's own shapes, GFLOP/s: the rate the step would reach if nothing
 *       else took time;</li>
 *   <li>{@code resnet18_step}: one training step of a ResNet-18 (every parameter, SGD with
 *       momentum), batch 16, 112x112 inputs; {@code resnet18_infer}: eval inference, batch 32,
 *       112x112.</li>
 * </ul>
 * Row {@code seed_quick} measures only seed_jtorch and seed_raw. Each line: {@code name median min max unit}, over {@code rounds} timed rounds after warm-up
 * (a seed round is a pass of 100 steps; a ResNet round one call).
 *
 * <pre>java -cp ... io.jtorch.bench.ContendedRun [rounds [rows...]]</pre>
 */
public final class ContendedRun {
    private static final int STEPS = 100;
    private static final int BATCH = 64;

    /** Floating-point operations of the matrix products in one seed step (see seed_gemms). */
    public static final double SEED_FLOPS = 2.0 * (64 * 784 * 256 + 64 * 256 * 10 + 10 * 64 * 256 + 64 * 10 * 256 + 256 * 64 * 784);

    private ContendedRun() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] rows = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"seed", "matmul", "seed_gemms", "resnet18_step", "resnet18_infer"};
        Torch.getNumThreads();
        String blas = System.getProperty("bench.blasThreads");
        if (blas != null) {
            org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(Integer.parseInt(blas));
        }
        System.out.printf(Locale.ROOT, "# threads %d openblas %d OMP_WAIT_POLICY %s%n", Torch.getNumThreads(),
                io.jtorch.internal.Native.blasThreads(), envOr("OMP_WAIT_POLICY"));
        for (String row : rows) {
            switch (row) {
                case "seed" -> seed(rounds, true);
                case "seed_quick" -> seed(rounds, false);
                case "matmul" -> matmul(rounds);
                case "seed_gemms" -> seedGemms(rounds);
                case "resnet18_step" -> resnetStep(rounds);
                case "resnet18_infer" -> resnetInfer(rounds);
                default -> throw new IllegalArgumentException("unknown row " + row);
            }
        }
    }

    /** The seed rows; without {@code all}, only seed_jtorch and seed_raw (for slow configurations). */
    private static void seed(int rounds, boolean all) {
        Torch.manualSeed(0);
        Tensor inputs = Torch.randn(STEPS * BATCH, 784).retain();
        Tensor labels = Torch.randint(0, 10, STEPS * BATCH).retain();
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        DataLoader loader = new DataLoader(new TensorDataset(inputs, labels), BATCH);
        SGD optimizer = new SGD(model.parameters(), 0.01);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor fixedX = inputs.narrow(0, 0, BATCH).clone().retain();
        Tensor fixedY = labels.narrow(0, 0, BATCH).clone().retain();
        Runnable jtorch = () -> {
            for (Batch b : loader) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(b.inputs()), b.labels());
                loss.backward();
                optimizer.step();
            }
        };
        Runnable jtorchFixed = () -> {
            for (int i = 0; i < STEPS; i++) {
                try (Scope s = Scope.open()) {
                    optimizer.zeroGrad();
                    Tensor loss = criterion.forward(model.forward(fixedX), fixedY);
                    loss.backward();
                    optimizer.step();
                }
            }
        };

        LinearImpl fc1 = new LinearImpl(784, 256);
        LinearImpl fc2 = new LinearImpl(256, 10);
        org.bytedeco.pytorch.SGD raw = new org.bytedeco.pytorch.SGD(new TensorVector(fc1.weight(), fc1.bias(), fc2.weight(), fc2.bias()),
                new SGDOptions(0.01));
        org.bytedeco.pytorch.Tensor rawX = torch.randn(STEPS * BATCH, 784);
        org.bytedeco.pytorch.Tensor rawY = torch.randint(0, 10, new long[] {STEPS * BATCH}, new TensorOptions(torch.ScalarType.Long));
        Runnable rawViews = () -> rawPass(fc1, fc2, raw, rawX, rawY, false);
        Runnable rawCopies = () -> rawPass(fc1, fc2, raw, rawX, rawY, true);

        Runnable[] impls = all ? new Runnable[] {jtorch, jtorchFixed, rawViews, rawCopies} : new Runnable[] {jtorch, rawViews};
        String[] names = all ? new String[] {"seed_jtorch", "seed_jtorch_fixed", "seed_raw", "seed_raw_copy"}
                : new String[] {"seed_jtorch", "seed_raw"};
        for (int w = 0; w < 3; w++) {
            for (Runnable r : impls) {
                r.run();
            }
        }
        // Interleaved, so that every implementation sees the same moments of the background load.
        double[][] ms = new double[impls.length][rounds];
        for (int k = 0; k < rounds; k++) {
            for (int i = 0; i < impls.length; i++) {
                long t = System.nanoTime();
                impls[i].run();
                ms[i][k] = (System.nanoTime() - t) / 1e6 / STEPS;
            }
        }
        for (int i = 0; i < impls.length; i++) {
            print(names[i], ms[i], "ms/step");
        }
    }

    private static void rawPass(LinearImpl fc1, LinearImpl fc2, org.bytedeco.pytorch.SGD raw, org.bytedeco.pytorch.Tensor xs,
            org.bytedeco.pytorch.Tensor ys, boolean copy) {
        for (int i = 0; i < STEPS; i++) {
            try (PointerScope scope = new PointerScope()) {
                org.bytedeco.pytorch.Tensor x;
                org.bytedeco.pytorch.Tensor y;
                if (copy) {
                    org.bytedeco.pytorch.Tensor idx = torch.arange(new org.bytedeco.pytorch.Scalar((long) i * BATCH),
                            new org.bytedeco.pytorch.Scalar((long) (i + 1) * BATCH), new TensorOptions(torch.ScalarType.Long));
                    x = xs.index_select(0, idx);
                    y = ys.index_select(0, idx);
                } else {
                    x = xs.narrow(0, (long) i * BATCH, BATCH);
                    y = ys.narrow(0, (long) i * BATCH, BATCH);
                }
                raw.zero_grad();
                org.bytedeco.pytorch.Tensor loss = torch.cross_entropy_loss(fc2.forward(torch.relu(fc1.forward(x))), y);
                loss.backward();
                raw.step();
            }
        }
    }

    private static void matmul(int rounds) {
        Tensor a = Torch.randn(2048, 2048).retain();
        Tensor b = Torch.randn(2048, 2048).retain();
        double[] gflops = new double[rounds];
        for (int k = -2; k < rounds; k++) {
            try (Scope s = Scope.open()) {
                long t = System.nanoTime();
                a.matmul(b);
                double sec = (System.nanoTime() - t) / 1e9;
                if (k >= 0) {
                    gflops[k] = 2.0 * 2048 * 2048 * 2048 / sec / 1e9;
                }
            }
        }
        print("matmul_gflops", gflops, "GFLOP/s");
    }

    private static void seedGemms(int rounds) {
        org.bytedeco.pytorch.Tensor x = torch.randn(BATCH, 784);
        org.bytedeco.pytorch.Tensor w1 = torch.randn(256, 784);
        org.bytedeco.pytorch.Tensor h = torch.randn(BATCH, 256);
        org.bytedeco.pytorch.Tensor w2 = torch.randn(10, 256);
        org.bytedeco.pytorch.Tensor g = torch.randn(BATCH, 10);
        org.bytedeco.pytorch.Tensor gh = torch.randn(BATCH, 256);
        Runnable pass = () -> {
            for (int i = 0; i < STEPS; i++) {
                try (PointerScope scope = new PointerScope()) {
                    x.matmul(w1.t());
                    h.matmul(w2.t());
                    g.t().matmul(h);
                    g.matmul(w2);
                    gh.t().matmul(x);
                }
            }
        };
        double[] ms = time(rounds, pass);
        double[] gflops = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            gflops[k] = SEED_FLOPS * STEPS / (ms[k] / 1e3) / 1e9;
        }
        print("seed_gemms_gflops", gflops, "GFLOP/s");
    }

    private static void resnetStep(int rounds) {
        Torch.manualSeed(0);
        ResNet model = Models.resnet18(10);
        model.train();
        SGD optimizer = new SGD(model.parameters(), 0.01).momentum(0.9);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        Tensor x = Torch.randn(16, 3, 112, 112).retain();
        Tensor y = Torch.randint(0, 10, 16).retain();
        print("resnet18_step", time(rounds, () -> {
            try (Scope s = Scope.open()) {
                optimizer.zeroGrad();
                Tensor loss = criterion.forward(model.forward(x), y);
                loss.backward();
                optimizer.step();
            }
        }), "ms");
    }

    private static void resnetInfer(int rounds) {
        Torch.manualSeed(0);
        ResNet model = Models.resnet18(10);
        model.eval();
        Tensor x = Torch.randn(32, 3, 112, 112).retain();
        print("resnet18_infer", time(rounds, () -> {
            try (Scope s = Scope.open(); NoGrad g = Torch.noGrad()) {
                model.forward(x).sum().item();
            }
        }), "ms");
    }

    /** A variable of this process's C environment (where libtorch's OpenMP reads it), or "(unset)". */
    private static String envOr(String name) {
        org.bytedeco.pytorch.StringOptional v = torch.get_env(name);
        return v.has_value() ? v.get().getString() : "(unset)";
    }

    /** Two warm-up calls, then {@code rounds} timed calls, in milliseconds. */
    private static double[] time(int rounds, Runnable call) {
        call.run();
        call.run();
        double[] ms = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            long t = System.nanoTime();
            call.run();
            ms[k] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private static void print(String name, double[] values, String unit) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%s %.4f %.4f %.4f %s%n", name, v[v.length / 2], v[0], v[v.length - 1], unit);
        System.out.flush();
    }
}
