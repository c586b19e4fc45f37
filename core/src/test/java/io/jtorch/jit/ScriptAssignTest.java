package io.jtorch.jit;

import static io.jtorch.Assertions2.assertBitEqual;
import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ModuleFixtures;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code model.fc = ...} line on TorchScript models: what works, and PyTorch's refusal for the rest. */
class ScriptAssignTest {
    @TempDir
    Path tmp;

    private static ScriptModule resnet() throws IOException {
        return ScriptModule.load(ScriptModuleTest.fixture("resnet.pt"));
    }

    private static Tensor input() {
        return Torch.randn(2, 3, 16, 16);
    }

    private static long address(Tensor t) {
        return t.raw().unsafeGetTensorImpl().address();
    }

    @Test
    void aJavaLinearTakesThePlaceOfATorchScriptLinearHead() throws IOException {
        ScriptModule model = resnet();
        Linear fc = model.setSubmodule("fc", new Linear(64, 3));
        model.eval();
        try (var g = Torch.noGrad()) {
            Tensor x = input();
            Tensor features = model.featuresBefore("fc").eval().forward(x);
            assertClose(fc.forward(features), model.forward(x), 1e-6, 1e-6, "forward runs the new head");
        }
        assertEquals(address(fc.weight()), address(model.namedParameters().get("fc.weight")), "the head's weight is the Java layer's");
        assertArrayEquals(new long[] {3, 64}, model.stateDict().get("fc.weight").shape());
        assertTrue(model.toString().contains("(fc): Linear(in_features=64, out_features=3, bias=True)"), model.toString());
    }

    @Test
    void trainingThroughTheModelTrainsTheJavaHead() throws IOException {
        ScriptModule model = resnet();
        model.requiresGrad(false);
        Linear fc = model.setSubmodule("fc", new Linear(64, 3));
        Tensor before = fc.weight().clone();
        SGD opt = new SGD(model.parameters(), 0.1);
        model.forward(input()).sum().backward();
        opt.step();
        assertFalse(before.equal(fc.weight()));
    }

    @Test
    void aReplacedHeadIsSavedInTheFile() throws IOException {
        ScriptModule model = resnet();
        model.registerModule("fc", new Linear(64, 5));
        Path saved = tmp.resolve("resnet-5.pt");
        model.save(saved);
        ScriptModule back = ScriptModule.load(saved).eval();
        model.eval();
        try (var g = Torch.noGrad()) {
            Tensor x = input();
            assertBitEqual(model.forward(x), back.forward(x), "reloaded");
        }
    }

    @Test
    void aNonScriptedModuleInPlaceOfAScriptChildIsRefusedWithPyTorchsWords() throws IOException {
        String python = ModuleFixtures.get("tuple_none").get("reassign_error").asText();
        String prefix = python.substring(0, python.indexOf("'fc'"));
        ScriptModule model = resnet();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.setSubmodule("fc", new Sequential(new ReLU(), new Linear(64, 3))));
        assertTrue(e.getMessage().startsWith(prefix + "'fc': Sequential("), e.getMessage());
        assertTrue(e.getMessage().contains("replaceLinear(path, outFeatures)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.setSubmodule("layer1", new ReLU()));
        assertTrue(e.getMessage().startsWith(prefix + "'layer1': ReLU()"), e.getMessage());
        assertArrayEquals(new long[] {10, 64}, model.stateDict().get("fc.weight").shape(), "nothing changed");
    }

    @Test
    void aLinearWithoutTheBiasTheScriptedHeadAddsIsRefused() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resnet().setSubmodule("fc", new Linear(64, 3, false)));
        assertTrue(e.getMessage().contains("pass a Linear with a bias"), e.getMessage());
    }

    @Test
    void aScriptModuleOfTheSameClassReplacesAChild() throws IOException {
        ScriptModule model = resnet();
        model.setSubmodule("layer1.0.bn2", model.get("layer1.0.bn1"));
        assertEquals(address(model.namedParameters(false).get("layer1.0.bn1.weight")),
                address(model.namedParameters(false).get("layer1.0.bn2.weight")), "bn2 is now bn1");
    }

    @Test
    void aScriptedLinearSharesItsWeightsIntoALinearChild() throws IOException {
        ScriptModule model = resnet().eval();
        ScriptModule head = Jit.script(new Linear(64, 4));
        model.setSubmodule("fc", head);
        assertEquals(address(head.parameter("weight")), address(model.namedParameters().get("fc.weight")));
        try (var g = Torch.noGrad()) {
            assertArrayEquals(new long[] {2, 4}, model.forward(input()).shape());
        }
    }

    @Test
    void aScriptModuleOfAnotherClassIsRefusedNamingBothClasses() throws IOException {
        ScriptModule model = resnet();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.setSubmodule("layer1", Jit.script(new Sequential(new ReLU()))));
        assertTrue(e.getMessage().startsWith("TorchScript cannot put a __torch__.jtorch.nn."), e.getMessage());
    }

    @Test
    void aNewChildNameOnATorchScriptModuleIsRefused() throws IOException {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> resnet().registerModule("extra", new Linear(2, 2)));
        assertTrue(e.getMessage().startsWith("TinyResNet (TorchScript) has no child 'extra'"), e.getMessage());
    }

    @Test
    void forwardOfATupleResultIsItsFirstTensorAndForwardAllKeepsNoneAsNull() throws Exception {
        JsonNode py = ModuleFixtures.get("tuple_none");
        ScriptModule m = ScriptModule.load(Path.of(ScriptAssignTest.class.getResource("/fixtures/module/tuple_none.pt").toURI())).eval();
        Tensor x = Fixtures.tensor(py.get("input"));
        try (var g = Torch.noGrad()) {
            assertClose(Fixtures.tensor(py.get("eval_logits")), m.forward(x), 1e-6, 1e-7, "eval logits");
            java.util.List<Tensor> all = m.forwardAll(x);
            assertEquals(2, all.size());
            assertClose(Fixtures.tensor(py.get("eval_logits")), all.get(0), 1e-6, 1e-7, "forwardAll logits");
            assertEquals(null, all.get(1), "None comes back as null in its place");
            m.train();
            all = m.forwardAll(x);
            assertClose(Fixtures.tensor(py.get("train_logits")), all.get(0), 1e-6, 1e-7, "train logits");
            assertClose(Fixtures.tensor(py.get("train_aux")), all.get(1), 1e-6, 1e-7, "train aux");
        }
    }

    @Test
    void jitScriptOfAnAnonymousModuleGivesTheDocumentedException() {
        io.jtorch.nn.Module anonymous = new io.jtorch.nn.Module() {
            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Jit.script(anonymous));
        assertTrue(e.getMessage().startsWith("anonymous ScriptAssignTest_1 cannot be converted to TorchScript: its forward is Java code"),
                e.getMessage());
    }

    @Test
    void jitScriptOfALocalTorchScriptableModuleWorks() {
        class Doubler extends io.jtorch.nn.Module implements TorchScriptable {
            @Override
            public Tensor forward(Tensor input) {
                return input.mul(2);
            }

            @Override
            public String torchScript() {
                return "def forward(self, x: Tensor) -> Tensor:\n    return x * 2\n";
            }
        }
        io.jtorch.nn.Module anonymousScriptable = new Doubler() {};
        Tensor x = Torch.randn(3);
        assertBitEqual(x.mul(2), Jit.script(new Sequential(new Doubler(), anonymousScriptable)).forward(x).div(2), "x * 2 * 2 / 2");
    }
}
