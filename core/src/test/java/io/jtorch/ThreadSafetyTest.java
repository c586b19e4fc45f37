package io.jtorch;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.BatchNorm1d;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What may be shared between threads (GUARANTEES.md): a model in eval mode for inference under
 * {@code Torch.noGrad()}, and tensors for reading; and threads that each train a model of their
 * own do not disturb each other. Eight threads work at the same moment, each with inputs of its
 * own, and every result must equal, bit for bit, the result of the same work done alone.
 */
class ThreadSafetyTest {
    private static final int THREADS = 8;
    private static final int CALLS = 25;

    @Test
    void oneLoadedScriptModuleServesEightThreadsAtOnce() throws Exception {
        ScriptModule model = ScriptModule.load(fixture("resnet.pt"));
        inferenceFromEightThreads(model, new long[] {2, 3, 16, 16});
    }

    @Test
    void oneJavaSequentialServesEightThreadsAtOnce() throws Exception {
        Torch.manualSeed(7);
        Sequential model = new Sequential(new Linear(64, 128), new BatchNorm1d(128), new ReLU(), new Dropout(0.5), new Linear(128, 10));
        inferenceFromEightThreads(model, new long[] {16, 64});
    }

    @Test
    void oneTensorIsReadByEightThreadsAtOnce() throws Exception {
        Tensor shared = Torch.randn(256, 256).retain();
        Tensor[] others = new Tensor[THREADS];
        Tensor[] expected = new Tensor[THREADS];
        float[] values = shared.toFloatArray();
        for (int i = 0; i < THREADS; i++) {
            others[i] = Torch.randn(256, 32).retain();
            expected[i] = shared.matmul(others[i]).relu().sum(0, false).retain();
        }
        runTogether(i -> {
            for (int c = 0; c < CALLS; c++) {
                try (Scope s = Scope.open()) {
                    assertBitEqual(expected[i], shared.matmul(others[i]).relu().sum(0, false), "thread " + i + " call " + c);
                    assertEquals(values.length, shared.toFloatArray().length);
                    assertBitEqual(Torch.tensor(values, 256, 256), shared.contiguous(), "thread " + i + " read " + c);
                }
            }
        });
    }

    @Test
    void eightThreadsTrainModelsOfTheirOwnAsIfAlone() throws Exception {
        Torch.manualSeed(11);
        Map<String, Tensor> init = new Sequential(new Linear(10, 16), new ReLU(), new Linear(16, 3)).stateDict();
        Tensor[] inputs = new Tensor[THREADS];
        Tensor[] labels = new Tensor[THREADS];
        Tensor[] alone = new Tensor[THREADS];
        Sequential[] models = new Sequential[THREADS];
        for (int i = 0; i < THREADS; i++) {
            inputs[i] = Torch.randn(32, 10).retain();
            labels[i] = Torch.randint(0, 3, 32).retain();
            Sequential m = modelFrom(init);
            train(m, inputs[i], labels[i]);
            alone[i] = m.get(2, Linear.class).weight().detach().clone().retain();
            models[i] = modelFrom(init);
        }
        runTogether(i -> train(models[i], inputs[i], labels[i]));
        for (int i = 0; i < THREADS; i++) {
            assertBitEqual(alone[i], models[i].get(2, Linear.class).weight(), "model " + i);
        }
    }

    private static Sequential modelFrom(Map<String, Tensor> state) {
        Sequential m = new Sequential(new Linear(10, 16), new ReLU(), new Linear(16, 3));
        m.loadStateDict(state, true);
        return m;
    }

    private static void train(Sequential model, Tensor x, Tensor y) {
        SGD optimizer = new SGD(model.parameters(), 0.05).momentum(0.9);
        for (int step = 0; step < 50; step++) {
            try (Scope s = Scope.open()) {
                optimizer.zeroGrad();
                new CrossEntropyLoss().forward(model.forward(x), y).backward();
                optimizer.step();
            }
        }
    }

    /** Runs the model once per input alone, then from eight threads at once, and compares. */
    private static void inferenceFromEightThreads(Module model, long[] shape) throws Exception {
        model.eval();
        Tensor[] inputs = new Tensor[THREADS];
        Tensor[] expected = new Tensor[THREADS];
        try (NoGrad g = Torch.noGrad()) {
            for (int i = 0; i < THREADS; i++) {
                inputs[i] = Torch.randn(shape).retain();
                expected[i] = model.forward(inputs[i]).retain();
            }
        }
        runTogether(i -> {
            try (NoGrad g = Torch.noGrad()) {
                for (int c = 0; c < CALLS; c++) {
                    try (Scope s = Scope.open()) {
                        assertBitEqual(expected[i], model.forward(inputs[i]), "thread " + i + " call " + c);
                    }
                }
            }
        });
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    /** Starts {@link #THREADS} threads at one moment and rethrows the first failure. */
    private static void runTogether(Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int id = i;
                Callable<Void> task = () -> {
                    start.await();
                    body.run(id);
                    return null;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> f : results) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ThreadSafetyTest.class.getResource("/fixtures/jit/" + name).toURI());
    }
}
