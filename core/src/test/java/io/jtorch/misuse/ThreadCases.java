package io.jtorch.misuse;

import static io.jtorch.misuse.MisuseCase.Outcome.RESULT_OR_ERROR;
import static io.jtorch.misuse.MisuseCase.of;
import static io.jtorch.misuse.Results.check;

import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.TorchException;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.Adam;
import io.jtorch.optim.Optimizer;
import io.jtorch.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One model used from several threads at once. Inference (eval mode, no grad) must give each
 * thread the result a lone call gives. Training one model from two threads at once is not
 * supported (see GUARANTEES.md): its numbers are a race. These cases check that it ends without
 * a crash: each thread takes 200 steps, and a step may fail with {@link TorchException} (autograd
 * finds a parameter that the other thread updated in place) and the thread goes on. Before
 * {@code io.jtorch.internal.GradLock}, this killed the JVM in about half of the runs.
 */
final class ThreadCases {
    private ThreadCases() {}

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        out.add(of("threads inference from 4 threads on one Sequential", RESULT_OR_ERROR,
                () -> inference(() -> new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10)), new long[] {16, 64})));
        out.add(of("threads inference from 4 threads on one ScriptModule", RESULT_OR_ERROR,
                () -> inference(() -> LayerCases.script("resnet.pt"), new long[] {2, 3, 16, 16})));
        out.add(of("threads training one Sequential from 2 threads with one shared SGD", RESULT_OR_ERROR,
                () -> training(ThreadCases::mlp, m -> new SGD(m.parameters(), 0.01).momentum(0.9), true)));
        out.add(of("threads training one Sequential from 2 threads with an Adam each", RESULT_OR_ERROR,
                () -> training(ThreadCases::mlp, m -> new Adam(m.parameters(), 1e-3), false)));
        out.add(of("threads training one ScriptModule from 2 threads with one shared Adam", RESULT_OR_ERROR,
                () -> training(() -> LayerCases.script("sequential.pt"), m -> new Adam(m.parameters(), 1e-3), true)));
        return out;
    }

    private static Module mlp() {
        return new Sequential(new Linear(32, 64), new ReLU(), new Linear(64, 4));
    }

    private static void inference(Supplier<Module> make, long[] shape) throws Exception {
        Module model = make.get();
        model.eval();
        int threads = 4;
        Tensor[] inputs = new Tensor[threads];
        Tensor[] expected = new Tensor[threads];
        try (NoGrad g = Torch.noGrad()) {
            for (int i = 0; i < threads; i++) {
                inputs[i] = Torch.randn(shape).retain();
                expected[i] = model.forward(inputs[i]).retain();
            }
        }
        Throwable[] failures = new Throwable[threads];
        runTogether(threads, i -> {
            try (Scope s = Scope.open(); NoGrad g = Torch.noGrad()) {
                for (int rep = 0; rep < 20; rep++) {
                    Results.assertSame(expected[i], model.forward(inputs[i]), "thread " + i + " call " + rep);
                }
            } catch (Throwable e) {
                failures[i] = e;
            }
        });
        for (Throwable f : failures) {
            DataCases.rethrow(f);
        }
    }

    private static void training(Supplier<Module> make, Function<Module, Optimizer> optimizer, boolean shared) throws Exception {
        Module model = make.get();
        model.train();
        Optimizer common = optimizer.apply(model);
        boolean image = !(model instanceof Sequential);
        Throwable[] failures = new Throwable[2];
        int[] completed = new int[2];
        runTogether(2, i -> {
            Optimizer opt = shared ? common : optimizer.apply(model);
            try {
                for (int step = 0; step < 200; step++) {
                    try (Scope s = Scope.open()) {
                        Tensor x = image ? Torch.randn(4, 3, 16, 16) : Torch.randn(8, 32);
                        Tensor y = Torch.randint(0, 4, image ? 4 : 8);
                        opt.zeroGrad();
                        new CrossEntropyLoss().forward(model.forward(x), y).backward();
                        opt.step();
                        completed[i]++;
                    } catch (TorchException e) {
                        // the other thread changed a parameter this step's graph had saved
                    }
                }
            } catch (Throwable e) {
                failures[i] = e;
            }
        });
        for (Throwable f : failures) {
            DataCases.rethrow(f);
        }
        check(completed[0] + completed[1] > 0, "no step completed");
        for (Tensor p : model.parameters()) {
            check(p.numel() == 0 || !Double.isNaN(p.sum().item()), "a parameter became NaN");
        }
    }

    /** Runs {@code body(i)} on {@code n} threads released at the same moment, and waits for all. */
    static void runTogether(int n, java.util.function.IntConsumer body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                body.accept(id);
            }, "misuse-" + i);
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
    }
}
