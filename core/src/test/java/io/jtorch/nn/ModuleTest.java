package io.jtorch.nn;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Module's tree, names, modes, gradients and state dicts behave like torch.nn.Module's. */
class ModuleTest {
    private static Sequential net() {
        return new Sequential(new Conv2d(1, 2, 3), new BatchNorm2d(2), new ReLU(), new Flatten(), new Linear(8, 3));
    }

    @Test
    void namesAreDottedLikePyTorch() {
        Sequential m = net();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias"),
                new ArrayList<>(m.namedParameters().keySet()));
        assertEquals(List.of("1.running_mean", "1.running_var", "1.num_batches_tracked"), new ArrayList<>(m.namedBuffers().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "4.weight", "4.bias"), new ArrayList<>(m.stateDict().keySet()));
        assertEquals(List.of("", "0", "1", "2", "3", "4"), new ArrayList<>(m.namedModules().keySet()));
        assertEquals(5, m.children().size());
        assertEquals(3, m.buffers().size());
        assertEquals(m.namedBuffers().get("1.running_var").raw().unsafeGetTensorImpl().address(),
                m.buffers().get(1).raw().unsafeGetTensorImpl().address(), "buffers() lists the module's own tensors, in order");
        assertTrue(m.buffers(false).isEmpty(), "a Sequential has no buffers of its own");
        assertEquals(3, m.get(1).buffers(false).size());
    }

    @Test
    void sharedParametersAreListedOnce() {
        Linear shared = new Linear(3, 3);
        Sequential m = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), new ArrayList<>(m.namedParameters().keySet()));
    }

    @Test
    void getSubmoduleFollowsDottedPathsAndNamesWhatIsMissing() {
        Sequential m = new Sequential(new Sequential(new Linear(2, 2), new ReLU()), new Linear(2, 1));
        assertTrue(m.getSubmodule("0.1") instanceof ReLU);
        assertSame(m, m.getSubmodule(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.getSubmodule("0.7"));
        assertEquals("Sequential at '0' has no submodule '7' (children: [0, 1])", e.getMessage());
    }

    @Test
    void trainAndEvalReachEverySubmodule() {
        Sequential m = net();
        m.eval();
        for (Module sub : m.modules()) {
            assertFalse(sub.isTraining());
        }
        m.train();
        assertTrue(m.get(1).isTraining());
    }

    @Test
    void requiresGradFreezesAndUnfreezesAWholeModule() {
        Sequential m = net();
        m.requiresGrad(false);
        assertTrue(m.parameters().stream().noneMatch(Tensor::requiresGrad));
        m.get(-1).requiresGrad(true);
        assertEquals(2, m.parameters().stream().filter(Tensor::requiresGrad).count());
    }

    @Test
    void stateDictSharesMemoryButNotAutograd() {
        Linear l = new Linear(2, 2);
        Tensor w = l.stateDict().get("weight");
        assertFalse(w.requiresGrad());
        try (var g = Torch.noGrad()) {
            w.fill_(3);
        }
        assertEquals(3.0, l.weight().get(0).get(0).item());
    }

    @Test
    void loadStateDictCopiesValuesAndReportsKeysLikePyTorch() {
        Sequential source = net();
        Sequential target = net();
        StateDicts.IncompatibleKeys keys = target.loadStateDict(source.stateDict(), true);
        assertTrue(keys.isEmpty());
        assertBitEqual(source.get(4, Linear.class).weight(), target.get(4, Linear.class).weight(), "copied");

        Map<String, Tensor> partial = new HashMap<>(source.stateDict());
        partial.remove("4.bias");
        partial.put("5.weight", Torch.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(partial, true));
        assertEquals("Error(s) in loading state_dict for Sequential: Unexpected key(s) in state_dict: \"5.weight\". "
                + "Missing key(s) in state_dict: \"4.bias\".", e.getMessage());
        StateDicts.IncompatibleKeys lenient = target.loadStateDict(partial, false);
        assertEquals(List.of("4.bias"), lenient.missingKeys());
        assertEquals(List.of("5.weight"), lenient.unexpectedKeys());
    }

    @Test
    void shapeMismatchFailsUnlessSkippedSoABigHeadCheckpointLoadsIntoASmallModel() {
        Sequential big = new Sequential(new Linear(4, 6), new ReLU(), new Linear(6, 1000));
        Sequential small = new Sequential(new Linear(4, 6), new ReLU(), new Linear(6, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small.loadStateDict(big.stateDict(), true));
        assertTrue(e.getMessage().contains("size mismatch for 2.weight: checkpoint [1000, 6], model [10, 6]."), e.getMessage());
        Tensor headBefore = small.get(2, Linear.class).weight().clone();
        StateDicts.IncompatibleKeys keys = small.loadStateDict(big.stateDict(), true, true);
        assertEquals(List.of("2.weight: checkpoint [1000, 6], model [10, 6]", "2.bias: checkpoint [1000], model [10]"),
                keys.mismatchedKeys());
        assertBitEqual(big.get(0, Linear.class).weight(), small.get(0, Linear.class).weight(), "body restored");
        assertBitEqual(headBefore, small.get(2, Linear.class).weight(), "head untouched");
    }

    @Test
    void toDtypeConvertsParametersInPlaceKeepingTheObjects() {
        Linear l = new Linear(3, 2);
        Parameter w = l.weight();
        l.to(DType.FLOAT64);
        assertSame(w, l.weight());
        assertEquals(DType.FLOAT64, l.weight().dtype());
        assertEquals(DType.FLOAT64, l.forward(Torch.randn(1, 3).to(DType.FLOAT64)).dtype());
        assertThrows(IllegalArgumentException.class, () -> l.to(DType.INT64));
    }

    @Test
    void zeroGradDropsGradients() {
        Linear l = new Linear(3, 2);
        l.forward(Torch.randn(4, 3)).sum().backward();
        assertTrue(l.weight().grad() != null);
        l.zeroGrad();
        assertNull(l.weight().grad());
    }

    @Test
    void registeringNullRemovesAndNamesAreChecked() {
        Linear l = new Linear(3, 2);
        l.registerParameter("bias", null);
        assertNull(l.bias());
        assertEquals("Linear(in_features=3, out_features=2, bias=False)", l.toString());
        assertThrows(IllegalArgumentException.class, () -> l.registerParameter("a.b", new Parameter(Torch.zeros(1))));
        assertThrows(IllegalArgumentException.class, () -> l.registerModule("self", l));
    }

    @Test
    void customModulesWorkLikePyTorchSubclasses() {
        class TwoTower extends Module {
            final Linear left = registerModule("left", new Linear(2, 3));
            final Linear right = registerModule("right", new Linear(2, 3));

            @Override
            public Tensor forward(Tensor x) {
                return left.forward(x).add(right.forward(x));
            }
        }
        TwoTower m = new TwoTower();
        assertEquals(List.of("left.weight", "left.bias", "right.weight", "right.bias"), new ArrayList<>(m.namedParameters().keySet()));
        assertEquals("TwoTower(\n  (left): Linear(in_features=2, out_features=3, bias=True)\n"
                + "  (right): Linear(in_features=2, out_features=3, bias=True)\n)", m.toString());
        assertEquals(3, m.forward(Torch.randn(5, 2)).size(1));
    }
}
