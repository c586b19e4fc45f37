package io.jtorch.jit;

import static io.jtorch.Assertions2.assertBitEqual;
import static io.jtorch.Assertions2.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Fixtures;
import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TorchScript models from Python: load, inspect, swap heads, cut backbones, fine-tune, save. */
class ScriptModuleTest {
    private static final JsonNode EXPECTED = read();

    @TempDir
    Path tmp;

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(fixture("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(ScriptModuleTest.class.getResource("/fixtures/jit/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScriptModule load(String model) throws IOException {
        return ScriptModule.load(fixture(EXPECTED.get("models").get(model).get("file").asText()));
    }

    private static Tensor input() {
        return Fixtures.tensor(EXPECTED.get("input"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet", "vgg", "mobilenet", "vit", "sequential"})
    void loadsAndRunsLikePython(String name) throws IOException {
        JsonNode fx = EXPECTED.get("models").get(name);
        ScriptModule model = load(name);
        assertEquals(strings(fx.get("parameters")), new ArrayList<>(model.namedParameters().keySet()));
        assertEquals(strings(fx.get("state_dict_keys")), new ArrayList<>(model.stateDict().keySet()));
        assertEquals(strings(fx.get("linear_paths")), model.linearPaths());
        model.eval();
        try (var g = Torch.noGrad()) {
            assertClose(Fixtures.tensor(fx.get("output")), model.forward(input()), 1e-5, 1e-5, name + " output");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet", "vgg", "mobilenet", "vit", "sequential"})
    void replaceHeadFindsTheClassifierAndChangesTheNumberOfOutputs(String name) throws IOException {
        JsonNode fx = EXPECTED.get("models").get(name);
        ScriptModule model = load(name);
        model.eval();
        assertEquals(fx.get("head").asText(), model.replaceHead(3));
        ScriptModule head = model.get(fx.get("head").asText());
        assertArrayEquals(new long[] {3, head.parameter("weight").size(1)}, head.parameter("weight").shape());
        assertTrue(head.parameter("weight").requiresGrad());
        try (var g = Torch.noGrad()) {
            assertArrayEquals(new long[] {2, 3}, model.forward(input()).shape());
        }
        Path saved = tmp.resolve(name + "-3.pt");
        model.save(saved);
        ScriptModule reloaded = ScriptModule.load(saved);
        reloaded.eval();
        try (var g = Torch.noGrad()) {
            assertClose(model.forward(input()), reloaded.forward(input()), 0, 0, "reloaded " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet", "vgg", "mobilenet", "vit", "sequential"})
    void featuresBeforeReturnsExactlyWhatEntersTheHead(String name) throws IOException {
        JsonNode fx = EXPECTED.get("models").get(name);
        ScriptModule model = load(name);
        ScriptModule features = model.featuresBefore(fx.get("head").asText());
        features.eval();
        try (var g = Torch.noGrad()) {
            Tensor f = features.forward(input());
            assertClose(Fixtures.tensor(fx.get("features")), f, 1e-5, 1e-6, name + " features");
        }
        // The original keeps its head.
        model.eval();
        try (var g = Torch.noGrad()) {
            assertClose(Fixtures.tensor(fx.get("output")), model.forward(input()), 1e-5, 1e-5, name + " original untouched");
        }
    }

    @Test
    void aDeeperHeadOnATorchScriptBodyTrainsAndExportsToTorchScript() throws IOException {
        ScriptModule backbone = load("resnet").featuresBefore("fc");
        backbone.requiresGrad(false);
        backbone.eval();
        Sequential model = new Sequential(backbone, new Linear(64, 32), new ReLU(), new Linear(32, 3));
        model.get(0).eval();
        List<Parameter> before = new ArrayList<>();
        for (Parameter p : backbone.parameters()) {
            before.add((Parameter) new Parameter(p.clone(), false));
        }
        SGD optimizer = new SGD(model.parameters(), 0.1);
        Tensor x = input();
        Tensor y = Torch.tensor(0L, 2L);
        double first = 0;
        double last = 0;
        for (int step = 0; step < 20; step++) {
            optimizer.zeroGrad();
            Tensor loss = new CrossEntropyLoss().forward(model.forward(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item();
            if (step == 0) {
                first = last;
            }
        }
        assertTrue(last < first, "the head learns: loss " + first + " -> " + last);
        List<Parameter> after = backbone.parameters();
        for (int i = 0; i < before.size(); i++) {
            assertBitEqual(before.get(i), after.get(i), "frozen backbone parameter " + i);
        }
        ScriptModule scripted = Jit.script(model);
        scripted.eval();
        Path saved = tmp.resolve("deeper.pt");
        scripted.save(saved);
        ScriptModule reloaded = ScriptModule.load(saved);
        reloaded.eval();
        try (var g = Torch.noGrad()) {
            assertClose(model.forward(x), reloaded.forward(x), 0, 0, "scripted model");
        }
        assertEquals(model.stateDict().keySet(), reloaded.stateDict().keySet());
    }

    @Test
    void parametersAreSharedWithTheModuleAndFreezeInPlace() throws IOException {
        ScriptModule model = load("resnet");
        Parameter w = model.namedParameters().get("layer4.1.conv2.weight");
        assertSame(w, model.namedParameters().get("layer4.1.conv2.weight"), "wrappers are stable");
        model.get("layer4").requiresGrad(false);
        assertFalse(model.get("layer4.1.conv2").parameter("weight").requiresGrad());
        assertTrue(model.get("layer3.0.conv1").parameter("weight").requiresGrad());
        try (var g = Torch.noGrad()) {
            w.fill_(0.5);
        }
        assertEquals(0.5, model.get("layer4.1.conv2").parameter("weight").mean().item(), 1e-7);
    }

    @Test
    void trainAndEvalReachTheTorchScriptModule() throws IOException {
        ScriptModule model = load("vgg");
        Sequential wrapper = new Sequential(model);
        wrapper.eval();
        assertFalse(model.isTraining());
        assertFalse(model.get("classifier.2").isTraining());
        wrapper.train();
        assertTrue(model.get("classifier.2").isTraining());
        Tensor x = input();
        assertFalse(model.forward(x).equal(model.forward(x)), "dropout is active in training mode");
    }

    @Test
    void indexingAndSlicingAScriptedSequential() throws IOException {
        ScriptModule model = load("sequential");
        assertTrue(model.get(-1).isLinear());
        assertEquals("Linear", model.get(-1).originalName());
        assertEquals("in_features=12, out_features=10, bias=True", model.get(-1).extraRepr());
        ScriptModule firstSix = model.slice(0, 6);
        firstSix.eval();
        try (var g = Torch.noGrad()) {
            assertClose(Fixtures.tensor(EXPECTED.get("models").get("sequential").get("features")), firstSix.forward(input()), 1e-5, 1e-6,
                    "model[:6]");
        }
        assertSame(model.get(4).parameter("weight").raw().unsafeGetTensorImpl().address() == firstSix.get(4).parameter("weight").raw()
                .unsafeGetTensorImpl().address(), Boolean.TRUE, "slices share layers");
        assertThrows(IndexOutOfBoundsException.class, () -> model.get(7));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> load("resnet").slice(0, 2));
        assertTrue(e.getMessage().contains("featuresBefore"));
    }

    @Test
    void headErrorsListTheLinearLayers() throws IOException {
        ScriptModule model = load("vgg");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.replaceLinear("classifier.9", 3));
        assertEquals("no layer 'classifier.9' in TinyVGG; its Linear layers are [classifier.0, classifier.3, classifier.6]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.replaceLinear("features.0", 3));
        assertEquals("'features.0' is a Conv2d, not a Linear; the Linear layers of TinyVGG are [classifier.0, classifier.3, classifier.6]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.replaceLinear("classifier.6", 0));
    }

    @Test
    void badFilesGetClearMessages() throws IOException {
        assertThrows(NoSuchFileException.class, () -> ScriptModule.load(tmp.resolve("missing.pt")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(fixture("state_dict.pt")));
        assertTrue(e.getMessage().endsWith("holds weights (a state dict written by torch.save), not a TorchScript program; read it "
                + "with Torch.load and copy it into a model with loadStateDict"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(fixture("pickled_module.pt")));
        assertTrue(e.getMessage().contains("holds a pickled Python module (torch.save(model))"), e.getMessage());
        Path empty = Files.createFile(tmp.resolve("empty.pt"));
        e = assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(empty));
        assertTrue(e.getMessage().endsWith("is empty, not a TorchScript file"));
        byte[] bytes = Files.readAllBytes(fixture("sequential.pt"));
        Path truncated = tmp.resolve("truncated.pt");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(truncated));
        assertTrue(e.getMessage().contains("is not a TorchScript file"), e.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(text));
        assertThrows(IllegalArgumentException.class, () -> ScriptModule.load(tmp));
    }

    @Test
    void javaModulesWithTheirOwnForwardAreRefusedByName() {
        class Custom extends io.jtorch.nn.Module {
            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        }
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Jit.script(new Sequential(new Linear(2, 2), new Custom())));
        assertTrue(e.getMessage().startsWith("'1' (Custom) cannot be converted to TorchScript"), e.getMessage());
    }

    @Test
    void savedModelsRunInPython() throws IOException {
        ScriptModule model = load("resnet");
        model.replaceHead(3);
        Path saved = tmp.resolve("resnet-3.pt");
        model.save(saved);
        Sequential deeper = new Sequential(load("sequential").featuresBefore("6"), new Linear(12, 5), new ReLU(), new Linear(5, 4));
        Path deeperPath = tmp.resolve("deeper.pt");
        Jit.script(deeper).save(deeperPath);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import sys, torch",
                "m = torch.jit.load(sys.argv[1]).eval()",
                "print(tuple(m(torch.randn(2, 3, 16, 16)).shape))",
                "d = torch.jit.load(sys.argv[2]).eval()",
                "print(tuple(d(torch.randn(2, 3, 16, 16)).shape), sorted(d.state_dict().keys())[-4:])"),
                saved.toString(), deeperPath.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("(2, 3)"), r.output());
        assertTrue(r.output().contains("(2, 4) ['1.bias', '1.weight', '3.bias', '3.weight']"), r.output());
    }

    @Test
    void stateDictOfAScriptModuleLoadsIntoItself() throws IOException {
        ScriptModule a = load("mobilenet");
        ScriptModule b = load("mobilenet");
        try (var g = Torch.noGrad()) {
            for (Parameter p : b.parameters()) {
                p.fill_(0.0);
            }
        }
        b.loadStateDict(a.stateDict(), true);
        for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
            assertTrue(e.getValue().equal(b.stateDict().get(e.getKey())), e.getKey());
        }
    }

    @Test
    void scriptedBatchNormAndDropoutFollowTrainAndEval() throws IOException {
        Torch.manualSeed(5);
        Sequential model = new Sequential(new Linear(4, 6), new io.jtorch.nn.BatchNorm1d(6), new ReLU(), new io.jtorch.nn.Dropout(0.5),
                new Linear(6, 2));
        model.forward(Torch.randn(8, 4)); // one training batch moves the running statistics
        ScriptModule scripted = Jit.script(model);
        assertTrue(scripted.isTraining(), "a scripted module starts in the Java module's mode");
        scripted.eval();
        model.eval();
        assertFalse(scripted.isTraining());
        Tensor x = Torch.randn(5, 4);
        try (var g = Torch.noGrad()) {
            assertBitEqual(model.forward(x), scripted.forward(x), "eval mode: running statistics, no dropout");
        }
        Path saved = tmp.resolve("bn.pt");
        scripted.save(saved);
        ScriptModule reloaded = ScriptModule.load(saved);
        reloaded.eval();
        try (var g = Torch.noGrad()) {
            assertBitEqual(model.forward(x), reloaded.forward(x), "saved and reloaded");
        }
    }
}
