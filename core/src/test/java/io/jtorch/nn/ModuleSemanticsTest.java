package io.jtorch.nn;

import static io.jtorch.Assertions2.assertBitEqual;
import static io.jtorch.nn.ModuleFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Fixtures;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.optim.SGD;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nn.Module's tree semantics as PyTorch's own tests define them, checked against torch's answers (module.json). */
class ModuleSemanticsTest {
    private static Sequential sharedTwice() {
        Linear lin = new Linear(2, 2);
        return new Sequential(lin, new ReLU(), lin);
    }

    /** The module of the fixture's TwiceBuffer: one tensor registered as buffers a and b. */
    static final class TwiceBuffer extends Module {
        TwiceBuffer() {
            Tensor b = Torch.arange(3).to(DType.FLOAT32);
            registerBuffer("a", b);
            registerBuffer("b", b);
            registerParameter("w", new Parameter(Torch.ones(2)));
            registerModule("child", new Linear(2, 1));
        }

        @Override
        public Tensor forward(Tensor x) {
            return child("child").forward(x.mul(parameter("w")));
        }
    }

    /** A model written by a user: children registered by name, read with child(), no fields. */
    static final class Net extends Module {
        Net() {
            registerModule("features", new Sequential(new Linear(4, 8), new ReLU()));
            registerModule("fc", new Linear(8, 1000));
        }

        @Override
        public Tensor forward(Tensor x) {
            return child("fc").forward(child("features").forward(x));
        }
    }

    @Test
    void aModuleRegisteredTwiceIsOneChildAndOneModule() {
        JsonNode py = ModuleFixtures.get("shared_module");
        Sequential net = sharedTwice();
        assertEquals(py.get("children").asInt(), net.children().size());
        assertEquals(strings(py.get("named_children")), new ArrayList<>(net.namedChildren().keySet()));
        assertEquals(strings(py.get("named_modules")), new ArrayList<>(net.namedModules().keySet()));
        assertEquals(py.get("modules").asInt(), net.modules().size());
    }

    @Test
    void namedModulesWithoutRemovingDuplicatesListsEveryPath() {
        assertEquals(strings(ModuleFixtures.get("shared_module").get("named_modules_all")),
                new ArrayList<>(sharedTwice().namedModules(false).keySet()));
    }

    @Test
    void namedParametersWithoutRemovingDuplicatesListsEveryName() {
        JsonNode py = ModuleFixtures.get("shared_module");
        Sequential net = sharedTwice();
        assertEquals(strings(py.get("named_parameters")), new ArrayList<>(net.namedParameters().keySet()));
        assertEquals(strings(py.get("named_parameters_all")), new ArrayList<>(net.namedParameters(false).keySet()));
    }

    @Test
    void stateDictOfAModuleRegisteredTwiceHasBothNamesKeys() {
        assertEquals(strings(ModuleFixtures.get("shared_module").get("state_dict")), new ArrayList<>(sharedTwice().stateDict().keySet()));
    }

    @Test
    void pytorchsStateDictOfASharedModuleLoadsStrictly() {
        Sequential source = sharedTwice();
        Sequential target = sharedTwice();
        target.loadStateDict(source.stateDict());
        assertBitEqual(source.get(0, Linear.class).weight(), target.get(2, Linear.class).weight(), "shared weight");
    }

    @Test
    void printingShowsAModuleUnderEachOfItsNames() {
        assertEquals(ModuleFixtures.get("shared_module").get("repr").asText(), sharedTwice().toString());
    }

    @Test
    void aTensorRegisteredAsTwoBuffersIsListedOnceAndSavedTwice() {
        JsonNode py = ModuleFixtures.get("shared_buffer");
        TwiceBuffer m = new TwiceBuffer();
        assertEquals(strings(py.get("named_buffers")), new ArrayList<>(m.namedBuffers().keySet()));
        assertEquals(strings(py.get("named_buffers_all")), new ArrayList<>(m.namedBuffers(false).keySet()));
        assertEquals(strings(py.get("state_dict")), new ArrayList<>(m.stateDict().keySet()));
    }

    @Test
    void parametersWithoutRecursingAreTheModulesOwn() {
        JsonNode py = ModuleFixtures.get("shared_buffer");
        TwiceBuffer m = new TwiceBuffer();
        assertEquals(py.get("parameters_recurse_false").size(), m.parameters(false).size());
        assertSame(m.parameter("w"), m.parameters(false).get(0));
        assertEquals(py.get("parameters").size(), m.parameters(true).size());
    }

    @Test
    void batchNormStateDictWithoutNumBatchesTrackedLoadsStrictly() {
        JsonNode py = ModuleFixtures.get("old_batchnorm");
        BatchNorm2d bn = new BatchNorm2d(3);
        try (var g = Torch.noGrad()) {
            bn.buffer("num_batches_tracked").fill_(5);
        }
        Map<String, Tensor> old = new HashMap<>(bn.stateDict());
        old.remove("num_batches_tracked");
        old.put("running_mean", Torch.tensor(1f, 2f, 3f));
        assertEquals(new java.util.HashSet<>(strings(py.get("keys"))), old.keySet());
        StateDicts.IncompatibleKeys result = new BatchNorm2d(3).loadStateDict(old, true);
        assertEquals(strings(py.get("missing")), result.missingKeys());
        assertEquals(strings(py.get("unexpected")), result.unexpectedKeys());
        BatchNorm2d fresh = new BatchNorm2d(3);
        fresh.loadStateDict(old);
        assertArrayEquals(new float[] {1f, 2f, 3f}, fresh.buffer("running_mean").toFloatArray());
        assertEquals(0L, (long) fresh.buffer("num_batches_tracked").item(), "the layer keeps its own count");
    }

    @Test
    void aStateDictMissingAnotherKeyStillFailsStrictly() {
        Map<String, Tensor> sd = new HashMap<>(new BatchNorm2d(3).stateDict());
        sd.remove("running_var");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).loadStateDict(sd));
        assertTrue(e.getMessage().contains("Missing key(s) in state_dict: \"running_var\""), e.getMessage());
    }

    @Test
    void loadStateDictIsStrictByDefault() {
        Map<String, Tensor> sd = new HashMap<>(new Linear(2, 2).stateDict());
        sd.put("extra", Torch.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Linear(2, 2).loadStateDict(sd));
        assertTrue(e.getMessage().contains("Unexpected key(s) in state_dict: \"extra\""), e.getMessage());
    }

    @Test
    void zeroGradWithoutSetToNoneZeroesTheGradientsInPlace() {
        JsonNode py = ModuleFixtures.get("zero_grad_in_place");
        Torch.manualSeed(0);
        Linear m = new Linear(3, 2);
        m.forward(Torch.ones(1, 3)).sum().backward();
        Tensor held = m.weight().grad();
        m.zeroGrad(false);
        assertBitEqual(Fixtures.tensor(py.get("grad")), m.weight().grad(), "weight grad");
        assertBitEqual(Fixtures.tensor(py.get("bias_grad")), m.bias().grad(), "bias grad");
        assertBitEqual(Fixtures.tensor(py.get("grad")), held, "the gradient tensor held before is the one zeroed");
        m.zeroGrad(true);
        assertNull(m.weight().grad());
    }

    @Test
    void setSubmoduleReplacesAChildOfAUserWrittenModule() {
        Net model = new Net();
        Linear fc = model.setSubmodule("fc", new Linear(8, 10));
        assertSame(fc, model.getSubmodule("fc"));
        assertArrayEquals(new long[] {2, 10}, model.forward(Torch.randn(2, 4)).shape(), "forward uses the new head");
        assertSame(fc.weight(), model.namedParameters().get("fc.weight"));
        assertArrayEquals(new long[] {10, 8}, model.stateDict().get("fc.weight").shape());
        assertTrue(model.toString().contains("(fc): Linear(in_features=8, out_features=10, bias=True)"), model.toString());
        assertEquals(List.of("features", "fc"), new ArrayList<>(model.namedChildren().keySet()), "the child keeps its place");
    }

    @Test
    void setSubmoduleFollowsADottedPath() {
        Net model = new Net();
        model.setSubmodule("features.0", new Linear(4, 8, false));
        assertNull(model.getSubmodule("features.0", Linear.class).bias());
        assertFalse(model.stateDict().containsKey("features.0.bias"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setSubmodule("head.0", new ReLU()));
        assertEquals("Net has no submodule 'head' (children: [features, fc])", e.getMessage());
    }

    @Test
    void anOptimizerBuiltAfterSetSubmoduleTrainsTheNewHead() {
        Net model = new Net();
        Linear fc = model.setSubmodule("fc", new Linear(8, 3));
        Tensor before = fc.weight().clone();
        SGD opt = new SGD(model.parameters(), 0.5);
        model.forward(Torch.randn(4, 4)).sum().backward();
        opt.step();
        assertFalse(before.equal(fc.weight()), "the new head's weight moved");
    }

    @Test
    void typedGetSubmoduleNamesThePathAndBothTypes() {
        Net model = new Net();
        assertEquals(1000, model.getSubmodule("fc", Linear.class).outFeatures());
        ClassCastException e = assertThrows(ClassCastException.class, () -> model.getSubmodule("features.1", Linear.class));
        assertEquals("'features.1' is ReLU (ReLU()), not Linear", e.getMessage());
    }

    @Test
    void aChildNameTakenByAParameterIsRefused() {
        Linear lin = new Linear(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lin.registerModule("weight", new ReLU()));
        assertEquals("Linear already has a parameter called 'weight': cannot register a module under that name", e.getMessage());
    }

    @Test
    void floatAndDoubleConvertTheModuleInPlace() {
        Sequential m = new Sequential(new Linear(2, 2), new BatchNorm1d(2));
        Parameter w = m.get(0, Linear.class).weight();
        assertSame(m, m.double_());
        assertSame(w, m.get(0, Linear.class).weight());
        assertEquals(DType.FLOAT64, w.dtype());
        assertEquals(DType.INT64, m.get(1).buffer("num_batches_tracked").dtype(), "integer buffers keep their type");
        m.float_();
        assertEquals(DType.FLOAT32, w.dtype());
        assertEquals(DType.FLOAT32, m.get(1).buffer("running_var").dtype());
    }

    @Test
    void deepCopyHasEqualButIndependentParameters() {
        Net model = new Net();
        model.getSubmodule("fc").requiresGrad(false);
        Net copy = (Net) model.deepCopy();
        assertNotSame(model.getSubmodule("fc"), copy.getSubmodule("fc"));
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            assertBitEqual(e.getValue(), copy.stateDict().get(e.getKey()), e.getKey());
        }
        assertFalse(copy.getSubmodule("fc", Linear.class).weight().requiresGrad(), "requiresGrad is kept");
        try (var g = Torch.noGrad()) {
            copy.getSubmodule("features.0", Linear.class).weight().fill_(7);
        }
        assertFalse(model.getSubmodule("features.0", Linear.class).weight().equal(copy.getSubmodule("features.0", Linear.class).weight()));
        assertArrayEquals(new long[] {2, 1000}, copy.forward(Torch.randn(2, 4)).shape());
    }

    @Test
    void deepCopyKeepsSharingWithinTheTree() {
        Sequential copy = sharedTwice().deepCopy();
        assertSame(copy.get(0), copy.get(2));
        assertEquals(List.of("0.weight", "0.bias"), new ArrayList<>(copy.namedParameters().keySet()));
    }

    @Test
    void deepCopyRedirectsFieldsThatHoldChildren() {
        final class WithField extends Module {
            final Linear head;

            WithField() {
                head = registerModule("head", new Linear(2, 2));
            }

            @Override
            public Tensor forward(Tensor x) {
                return head.forward(x);
            }
        }
        WithField original = new WithField();
        WithField copy = (WithField) original.deepCopy();
        assertSame(copy.getSubmodule("head"), copy.head);
        assertNotSame(original.head, copy.head);
    }

    @Test
    void stateDictDeepCopySurvivesTrainingAndScopes() {
        Linear m = new Linear(3, 2);
        Map<String, Tensor> best;
        Tensor weightThen = m.weight().clone();
        try (Scope s = Scope.open()) {
            best = StateDicts.deepCopy(m.stateDict());
        }
        try (var g = Torch.noGrad()) {
            m.weight().fill_(3);
        }
        assertBitEqual(weightThen, best.get("weight"), "the copy keeps the values of when it was made");
        assertFalse(best.get("weight").requiresGrad());
        m.loadStateDict(best);
        assertBitEqual(weightThen, m.weight(), "the best weights load back");
    }
}
