package io.jtorch.nn;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.TwoThreads;
import io.jtorch.internal.SerialRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * A classification loss over a small input runs its gradient on the calling thread alone, in a
 * pass of its own: the gradients must be those of the plain single pass, bit for bit, and every
 * case the two passes would get wrong must take the single pass.
 */
class SmallLossTest {
    /** The seed's model and one batch, seeded alike for every call. */
    private static final class Setup {
        final Sequential model;
        final Tensor x;
        final Tensor y;

        Setup() {
            Torch.manualSeed(11);
            model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
            x = Torch.randn(64, 784);
            y = Torch.randint(0, 10, 64);
        }

        List<Tensor> grads() {
            List<Tensor> g = new ArrayList<>();
            for (Parameter p : model.parameters()) {
                g.add(p.grad());
            }
            return g;
        }
    }

    /** Gradients through {@code loss.backward()} and through the plain pass ({@code backward(1)}) must be the same bits. */
    private static void sameGradients(String what, BiFunction<Setup, Tensor, Tensor> lossOf, boolean split) {
        Setup a = new Setup();
        Tensor la = lossOf.apply(a, a.model.forward(a.x));
        assertEquals(split, la instanceof SmallLossTensor, what + ": two passes");
        la.backward();
        assertEquals(2, torch.get_num_threads(), what + ": the thread's count is put back");
        Setup b = new Setup();
        Tensor lb = lossOf.apply(b, b.model.forward(b.x));
        lb.backward(Torch.onesLike(lb));
        List<Tensor> ga = a.grads();
        List<Tensor> gb = b.grads();
        for (int i = 0; i < ga.size(); i++) {
            assertBitEqual(gb.get(i), ga.get(i), what + ": gradient " + i);
        }
    }

    @Test
    void gradientsAreThoseOfOnePass() throws InterruptedException {
        TwoThreads.run(() -> {
            sameGradients("cross-entropy", (s, out) -> new CrossEntropyLoss().forward(out, s.y), true);
            Tensor w = Torch.rand(10).add(0.5);
            sameGradients("weighted, smoothed, ignoring a class",
                    (s, out) -> new CrossEntropyLoss(w, 3, 0.1, Functional.Reduction.MEAN).forward(out, s.y), true);
            sameGradients("summed", (s, out) -> new CrossEntropyLoss(null, -100, 0, Functional.Reduction.SUM).forward(out, s.y), true);
            sameGradients("class probabilities",
                    (s, out) -> new CrossEntropyLoss().forward(out, Torch.rand(64, 10).softmax(1)), true);
            sameGradients("NLL over log-softmax", (s, out) -> new NLLLoss().forward(out.logSoftmax(1), s.y), true);
        });
    }

    @Test
    void casesTheTwoPassesWouldGetWrongTakeOne() throws InterruptedException {
        TwoThreads.run(() -> {
            // Changed in place: the loss now depends on the weights by another path too.
            sameGradients("loss plus a weight penalty, in place", (s, out) -> {
                Tensor loss = new CrossEntropyLoss().forward(out, s.y);
                Tensor penalty = s.model.parameters().get(0).mul(s.model.parameters().get(0)).sum().mul(0.01);
                return loss.add_(penalty);
            }, true);
            // Soft targets that need a gradient: the loss depends on them as well.
            sameGradients("targets that need a gradient", (s, out) -> {
                Tensor soft = s.model.forward(s.x.mul(0.5)).softmax(1);
                return new CrossEntropyLoss().forward(out, soft);
            }, false);
            sameGradients("no reduction", (s, out) -> new CrossEntropyLoss(null, -100, 0, Functional.Reduction.NONE)
                    .forward(out, s.y).sum(), false);
            Torch.manualSeed(2);
            Tensor big = Torch.randn(SerialRegion.SMALL_LOSS_INPUT / 10 + 1, 10).requiresGrad(true);
            Tensor labels = Torch.randint(0, 10, big.size(0));
            assertFalse(new CrossEntropyLoss().forward(big, labels) instanceof SmallLossTensor, "a large input keeps the team");
        });
    }

    @Test
    void aLeafInputAndASecondBackward() throws InterruptedException {
        TwoThreads.run(() -> {
            Torch.manualSeed(5);
            Tensor logits = Torch.randn(32, 7).requiresGrad(true);
            Tensor labels = Torch.randint(0, 7, 32);
            Tensor loss = new CrossEntropyLoss().forward(logits, labels);
            assertTrue(loss instanceof SmallLossTensor);
            loss.backward();
            Tensor plain = logits.detach().clone().requiresGrad(true);
            new CrossEntropyLoss().forward(plain, labels).backward(Torch.ones());
            assertBitEqual(plain.grad(), logits.grad(), "the gradient of a leaf input");
            RuntimeException again = assertThrows(RuntimeException.class, loss::backward);
            assertTrue(again.getMessage().contains("second time"), again.getMessage());
            assertEquals(2, torch.get_num_threads());
        });
    }
}
