package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link Scope#keepResult} and {@link Scope#chain}: what they release, when, and what they keep. */
class KeepResultTest {
    @Test
    void keepResultReleasesTheIntermediatesAndKeepsTheResultInTheCallersScope() {
        List<Tensor> made = new ArrayList<>();
        Tensor result;
        try (Scope caller = Scope.open()) {
            Tensor x = Torch.arange(6).to(DType.FLOAT32);
            result = Scope.keepResult(() -> {
                Tensor a = x.mul(2.0);
                Tensor b = Torch.exp(a);
                made.add(a);
                made.add(b);
                return Torch.log(b).sum();
            });
            assertTrue(made.get(0).isReleased() && made.get(1).isReleased(), "intermediates released as the body returns");
            assertFalse(x.isReleased());
            assertEquals(30.0, result.item(), 1e-4);
        }
        assertTrue(result.isReleased(), "the result belonged to the caller's scope");
    }

    @Test
    void aResultOfNoScopeIsLeftToTheGarbageCollector() {
        Tensor result = Scope.keepResult(() -> Torch.ones(3).mul(4.0));
        assertFalse(result.isReleased());
        assertEquals(12.0, result.sum().item());
    }

    @Test
    void theInputsRetainedTensorsAndNullComeBackAsTheyWere() {
        try (Scope caller = Scope.open()) {
            Tensor x = Torch.ones(2);
            assertSame(x, Scope.keepResult(() -> x));
            assertFalse(x.isReleased());
            Tensor[] kept = new Tensor[1];
            Tensor out = Scope.keepResult(() -> {
                kept[0] = x.add(1.0).mul(3.0).retain();
                return kept[0].neg();
            });
            assertFalse(kept[0].isReleased(), "retained inside the body");
            assertEquals(-12.0, out.sum().item());
            assertNull(Scope.keepResult(() -> null));
        }
    }

    @Test
    void aFailingBodyReleasesWhatItMadeAndThrows() {
        List<Tensor> made = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Scope.keepResult(() -> {
            made.add(Torch.zeros(4));
            throw new IllegalStateException("stage failed");
        }));
        assertEquals("stage failed", e.getMessage());
        assertTrue(made.get(0).isReleased());
    }

    @Test
    void chainReleasesEachResultOnceTheNextStageHasReturned() {
        List<Tensor> outputs = new ArrayList<>();
        List<Tensor> scratches = new ArrayList<>();
        List<Boolean> previousAliveDuringStage = new ArrayList<>();
        List<UnaryOperator<Tensor>> stages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stages.add(t -> {
                previousAliveDuringStage.add(!t.isReleased());
                Tensor scratch = t.mul(3.0);
                scratches.add(scratch);
                Tensor out = scratch.add(1.0).relu();
                outputs.add(out);
                return out;
            });
        }
        Tensor result;
        try (Scope caller = Scope.open()) {
            Tensor x = Torch.ones(5);
            result = Scope.chain(x, stages);
            assertEquals(List.of(true, true, true, true), previousAliveDuringStage, "each stage sees its input alive");
            assertTrue(outputs.get(0).isReleased() && outputs.get(1).isReleased() && outputs.get(2).isReleased());
            assertSame(outputs.get(3), result);
            assertFalse(x.isReleased(), "the caller's input is never released");
            assertTrue(scratches.stream().allMatch(Tensor::isReleased), "every stage's temporaries are released by the time chain returns");
            assertEquals(5 * 121.0, result.sum().item()); // relu(3t + 1) four times from 1: 4, 13, 40, 121
        }
        assertTrue(result.isReleased());
    }

    @Test
    void chainLetsAStageReturnItsInputAndKeepsRetainedResults() {
        try (Scope caller = Scope.open()) {
            Tensor x = Torch.full(new long[] {3}, 2.0);
            Tensor[] kept = new Tensor[1];
            List<UnaryOperator<Tensor>> stages = List.of(
                    t -> t.mul(2.0),
                    t -> t, // identity, as Dropout in eval mode
                    t -> {
                        kept[0] = t.add(1.0).retain(); // a stage that keeps its output for later
                        return kept[0];
                    },
                    t -> t.mul(10.0));
            Tensor out = Scope.chain(x, stages);
            assertEquals(150.0, out.sum().item());
            assertFalse(kept[0].isReleased());
            assertEquals(15.0, kept[0].sum().item());
            assertSame(x, Scope.chain(x, List.of()));
        }
    }

    @Test
    void gradientsFlowThroughReleasedIntermediates() {
        Tensor w = Torch.tensor(new float[] {0.5f, -1.5f, 2.0f}, 3).requiresGrad(true);
        Tensor plainGrad;
        try (Scope s = Scope.open()) {
            Tensor y = Torch.tanh(w.mul(w).add(1.0)).mul(w).sum();
            y.backward();
            plainGrad = w.grad().clone().retain();
        }
        w.grad().zero_();
        try (Scope s = Scope.open()) {
            Tensor y = Scope.chain(w, List.of(t -> t.mul(t), t -> Scope.keepResult(() -> Torch.tanh(t.add(1.0))), t -> t.mul(w)))
                    .sum();
            y.backward();
            assertTrue(w.grad().equal(plainGrad), w.grad() + " vs " + plainGrad);
        }
    }
}
