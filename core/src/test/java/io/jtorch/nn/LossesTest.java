package io.jtorch.nn;

import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Functional.Reduction;
import org.junit.jupiter.api.Test;

/** The losses and their options against PyTorch. */
class LossesTest {
    private static Tensor f(String name) {
        return NnFixtures.tensor("losses", name);
    }

    private static Tensor logp() {
        return f("logits").logSoftmax(1);
    }

    private static void assertLoss(String fixture, Tensor actual) {
        assertClose(f(fixture), actual, 1e-5, 1e-6, fixture);
    }

    @Test
    void nllLossMatchesPyTorch() {
        assertLoss("nll", new NLLLoss().forward(logp(), f("labels")));
        assertLoss("nll", Functional.nllLoss(logp(), f("labels")));
        assertLoss("nll_weight_ignore_sum", new NLLLoss(f("weight"), 3, Reduction.SUM).forward(logp(), f("labels")));
        assertLoss("nll_weight_mean", new NLLLoss(f("weight"), -100, Reduction.MEAN).forward(logp(), f("labels")));
        assertLoss("nll_none", new NLLLoss(Reduction.NONE).forward(logp(), f("labels")));
        assertLoss("nll_2d", new NLLLoss().forward(f("seg").logSoftmax(1), f("seg_labels")));
    }

    @Test
    void nllLossRejectsBadLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NLLLoss().forward(logp(), Torch.tensor(0L, 1L, 2L, 3L, 4L, 9L)));
        assertTrue(e.getMessage().contains("class label 9 is outside [0, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NLLLoss().forward(logp(), f("labels").to(io.jtorch.DType.FLOAT32)));
        assertTrue(e.getMessage().contains("int64"), e.getMessage());
        assertThrows(RuntimeException.class, () -> new NLLLoss().forward(logp(), Torch.tensor(0L, 1L)));
    }

    @Test
    void crossEntropyDefaultsAndOptionsMatchPyTorch() {
        assertLoss("ce_default", Functional.crossEntropy(f("logits"), f("labels")));
        assertLoss("ce_smooth_weight_ignore", CrossEntropyLoss.builder().weight(f("weight")).ignoreIndex(4).labelSmoothing(0.1).build()
                .forward(f("logits"), f("labels")));
    }

    @Test
    void regressionLossesMatchPyTorch() {
        assertLoss("mse", Functional.mseLoss(f("logits"), f("y")));
        assertLoss("l1", new L1Loss().forward(f("logits"), f("y")));
        assertLoss("l1", Functional.l1Loss(f("logits"), f("y")));
        assertLoss("l1_sum", new L1Loss(Reduction.SUM).forward(f("logits"), f("y")));
        assertLoss("smooth_l1", new SmoothL1Loss().forward(f("logits"), f("y")));
        assertLoss("smooth_l1", Functional.smoothL1Loss(f("logits"), f("y")));
        assertLoss("smooth_l1_beta_0.5_none", new SmoothL1Loss(Reduction.NONE, 0.5).forward(f("logits"), f("y")));
        assertLoss("huber", new HuberLoss().forward(f("logits"), f("y")));
        assertLoss("huber", Functional.huberLoss(f("logits"), f("y")));
        assertLoss("huber_delta_0.3_sum", new HuberLoss(Reduction.SUM, 0.3).forward(f("logits"), f("y")));
    }

    @Test
    void binaryCrossEntropyMatchesPyTorch() {
        assertLoss("bce", new BCELoss().forward(f("probs"), f("targets")));
        assertLoss("bce", Functional.binaryCrossEntropy(f("probs"), f("targets")));
        assertLoss("bce_weight_sum", new BCELoss(f("weight"), Reduction.SUM).forward(f("probs"), f("targets")));
    }

    @Test
    void binaryCrossEntropyWithLogitsAndPosWeightMatchPyTorch() {
        assertLoss("bce_logits", new BCEWithLogitsLoss().forward(f("logits"), f("targets")));
        assertLoss("bce_logits", Functional.binaryCrossEntropyWithLogits(f("logits"), f("targets")));
        assertLoss("bce_logits_pos_weight", BCEWithLogitsLoss.builder().posWeight(f("pos_weight")).build()
                .forward(f("logits"), f("targets")));
        assertLoss("bce_logits_weight_pos_weight_none", new BCEWithLogitsLoss(f("weight"), f("pos_weight"), Reduction.NONE)
                .forward(f("logits"), f("targets")));
    }

    @Test
    void binaryLossesRejectMismatchedShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().forward(Torch.zeros(4, 1), Torch.zeros(4)));
        assertTrue(e.getMessage().contains("[4]") && e.getMessage().contains("[4, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BCELoss().forward(Torch.zeros(4, 1), Torch.zeros(4)));
        RuntimeException range = assertThrows(RuntimeException.class,
                () -> new BCELoss().forward(Torch.full(new long[] {3}, 2.0), Torch.zeros(3)));
        assertTrue(range.getMessage().startsWith("BCELoss on input [3]: all elements of input should be between 0 and 1"),
                range.getMessage());
    }

    @Test
    void klDivMatchesPyTorchForEachReduction() {
        Tensor target = f("y").softmax(1);
        assertLoss("kl_mean", new KLDivLoss().forward(logp(), target));
        assertLoss("kl_mean", Functional.klDiv(logp(), target));
        assertLoss("kl_batchmean", new KLDivLoss(Reduction.BATCHMEAN).forward(logp(), target));
        assertLoss("kl_sum_log_target", new KLDivLoss(Reduction.SUM, true).forward(logp(), f("y").logSoftmax(1)));
        assertLoss("kl_none", Functional.klDiv(logp(), target, Reduction.NONE));
    }

    @Test
    void batchMeanIsOnlyForKlDivergence() {
        assertThrows(IllegalArgumentException.class, () -> new L1Loss(Reduction.BATCHMEAN));
        assertThrows(IllegalArgumentException.class, () -> Functional.mseLoss(Torch.ones(2), Torch.ones(2), Reduction.BATCHMEAN));
    }

    @Test
    void lossOptionsAreCheckedAndPrinted() {
        assertThrows(IllegalArgumentException.class, () -> new SmoothL1Loss(-1));
        assertThrows(IllegalArgumentException.class, () -> new HuberLoss(0));
        assertThrows(IllegalArgumentException.class, () -> new NLLLoss(Torch.ones(2, 2), -100, Reduction.MEAN));
        assertEquals("BCEWithLogitsLoss()", new BCEWithLogitsLoss().toString());
        assertEquals("KLDivLoss()", new KLDivLoss().toString());
    }
}
