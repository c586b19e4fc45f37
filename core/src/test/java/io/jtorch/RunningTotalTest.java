package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import org.junit.jupiter.api.Test;

/**
 * A running total kept in a tensor across DataLoader batches works as it reads in PyTorch
 * ({@code running_corrects += torch.sum(preds == labels)}), while step temporaries still die
 * with their batch.
 */
class RunningTotalTest {
    private static final int N = 50;
    private static final int FEATURES = 4;
    private static final int CLASSES = 3;

    @Test
    void runningCorrectsAndLossAcrossBatchesMatchAPlainJavaComputation() {
        Torch.manualSeed(3);
        float[] xs = Torch.randn(N, FEATURES).toFloatArray();
        float[] ws = Torch.randn(FEATURES, CLASSES).toFloatArray();
        long[] ys = Torch.randint(0, CLASSES, N).toLongArray();
        Tensor weight = Torch.tensor(ws, FEATURES, CLASSES);
        DataLoader loader = new DataLoader(new TensorDataset(Torch.tensor(xs, N, FEATURES), Torch.tensor(ys, N)), 8);

        Tensor runningCorrects = Torch.zeros(DType.INT64);
        Tensor runningLossTensor = Torch.zeros();
        Tensor inPlaceCorrects = Torch.zeros(DType.INT64);
        double runningLoss = 0;
        for (Batch batch : loader) {
            Tensor outputs = batch.inputs().matmul(weight);
            Tensor preds = Torch.max(outputs, 1).indices();
            Tensor loss = outputs.square().mean();
            runningCorrects = runningCorrects.add(Torch.sum(preds.eq(batch.labels())));
            inPlaceCorrects.add_(Torch.sum(preds.eq(batch.labels())));
            runningLossTensor = runningLossTensor.add(loss.mul(batch.inputs().size(0)));
            runningLoss += loss.item() * batch.inputs().size(0);
        }

        long corrects = 0;
        double lossSum = 0;
        for (int i = 0; i < N; i++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < CLASSES; k++) {
                double o = 0;
                for (int j = 0; j < FEATURES; j++) {
                    o += (double) xs[i * FEATURES + j] * ws[j * CLASSES + k];
                }
                lossSum += o * o / CLASSES;
                if (o > bestValue) {
                    bestValue = o;
                    best = k;
                }
            }
            corrects += best == ys[i] ? 1 : 0;
        }
        assertTrue(corrects > 0 && corrects < N, "a test that cannot tell right from wrong: " + corrects);
        assertEquals(corrects, runningCorrects.itemLong());
        assertEquals(corrects, inPlaceCorrects.itemLong());
        assertEquals(lossSum, runningLoss, 1e-4 * lossSum);
        assertEquals(lossSum, runningLossTensor.item(), 1e-4 * lossSum);
        assertEquals(DType.INT64, runningCorrects.dtype());
    }

    @Test
    void aTotalStartedInAnEnclosingScopeIsReleasedWithThatScope() {
        Tensor total;
        try (Scope epoch = Scope.open()) {
            total = Torch.zeros();
            for (int i = 0; i < 3; i++) {
                try (Scope step = Scope.open()) {
                    total = total.add(Torch.ones());
                }
            }
            assertEquals(3.0, total.item());
        }
        assertTrue(total.isReleased());
    }

    @Test
    void arithmeticOnRetainedTensorsStaysATemporaryOfTheStep() {
        Tensor weight = Torch.ones(3).retain();
        Tensor scaled;
        try (Scope step = Scope.open()) {
            scaled = weight.mul(2.0);
        }
        assertTrue(scaled.isReleased());
        assertFalse(weight.isReleased());
    }

    @Test
    void arithmeticOnTensorsOfTheCurrentScopeDiesWithIt() {
        Tensor sum;
        try (Scope step = Scope.open()) {
            Tensor x = Torch.ones(2);
            sum = x.add(x);
        }
        assertTrue(sum.isReleased());
    }

    @Test
    void aBatchTensorUsedInTheNextBatchSaysWhatReleasedItAndWhatToWrite() {
        DataLoader loader = new DataLoader(new TensorDataset(Torch.randn(4, 2), Torch.zeros(DType.INT64, 4)), 2);
        Tensor fromFirstBatch = null;
        IllegalStateException e = null;
        for (Batch batch : loader) {
            if (fromFirstBatch == null) {
                fromFirstBatch = batch.inputs().sum();
            } else {
                Tensor previous = fromFirstBatch;
                e = assertThrows(IllegalStateException.class, () -> previous.add(batch.inputs().sum()));
            }
        }
        assertTrue(e != null, "the loop had no second batch");
        assertTrue(e.getMessage().contains("the DataLoader batch it was created in"), e.getMessage());
        assertTrue(e.getMessage().contains("total.add_(x)") && e.getMessage().contains("total = total.add(x).retain()"), e.getMessage());
    }
}
