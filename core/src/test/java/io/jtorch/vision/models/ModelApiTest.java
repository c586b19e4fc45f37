package io.jtorch.vision.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import io.jtorch.serialization.SerializationException;
import io.jtorch.serialization.TorchSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heads, weights files, initialisation and misuse of the model classes, on small inputs. */
class ModelApiTest {
    @TempDir
    Path tmp;

    @Test
    void replacingFcChangesForwardParametersStateDictAndPrinting() {
        ResNet model = Models.resnet18(1000);
        model.fc(new Linear(model.headInFeatures(), 10));
        assertEquals(512, model.headInFeatures());
        assertArrayEquals(new long[] {10, 512}, model.stateDict().get("fc.weight").shape());
        assertTrue(model.parameters().contains(((Linear) model.fc()).weight()));
        assertTrue(model.toString().contains("(fc): Linear(in_features=512, out_features=10, bias=True)"), model.toString());
        assertArrayEquals(new long[] {1, 10}, model.eval().forward(Torch.randn(1, 3, 32, 32)).shape());
    }

    @Test
    void vggClassifierSetMirrorsIndexAssignment() {
        VGG model = Models.vgg11(1000);
        model.classifier().set(-1, new Linear(4096, 10));
        assertEquals("classifier.6", model.headPath());
        assertArrayEquals(new long[] {10}, model.stateDict().get("classifier.6.bias").shape());
        assertArrayEquals(new long[] {2, 10}, model.eval().forward(Torch.randn(2, 3, 32, 32)).shape());
    }

    @Test
    void replaceHeadKeepsTheBackboneAndResizesTheClassifier() {
        DenseNet model = Models.densenet121(1000);
        Tensor conv0 = model.stateDict().get("features.conv0.weight").clone();
        assertSame(model, model.replaceHead(7));
        assertArrayEquals(new long[] {7, 1024}, model.stateDict().get("classifier.weight").shape());
        assertTrue(model.stateDict().get("features.conv0.weight").equal(conv0));
        VGG vgg = Models.vgg11Bn(1000).replaceHead(3);
        assertArrayEquals(new long[] {3, 4096}, vgg.stateDict().get("classifier.6.weight").shape());
        vgg.classifier().set(-1, new Sequential(new Dropout(0.1), new Linear(4096, 3)));
        assertThrows(IllegalStateException.class, () -> vgg.replaceHead(4));
        assertEquals(4096, vgg.headInFeatures());
    }

    @Test
    void fineTuningFromAThousandClassFileIsOneLine() throws IOException {
        Path file = tmp.resolve("resnet18.pth");
        Models.resnet18().saveWeights(file);
        ResNet tuned = Models.resnet18().loadWeights(file).replaceHead(10);
        Map<String, Tensor> saved = TorchSerialization.loadStateDict(file);
        assertTrue(tuned.stateDict().get("layer4.1.conv2.weight").equal(saved.get("layer4.1.conv2.weight")));
        assertArrayEquals(new long[] {10, 512}, tuned.stateDict().get("fc.weight").shape());
    }

    @Test
    void strictLoadNamesWhatDoesNotFit() throws IOException {
        Path file = tmp.resolve("resnet18.pth");
        Models.resnet18().saveWeights(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.resnet34().loadWeights(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("layer1.2"), e.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Models.resnet18(10).loadWeights(file));
        assertTrue(shape.getMessage().contains("fc.weight"), shape.getMessage());
    }

    @Test
    void safetensorsAndPthLoadTheSameWeights() throws IOException {
        DenseNet a = Models.densenet121(4);
        Path pth = tmp.resolve("d.pth");
        Path st = tmp.resolve("d.weights");   // the kind is read from the bytes, not the name
        a.saveWeights(pth);
        a.saveSafeTensors(st);
        DenseNet b = Models.densenet121(4).loadWeights(st);
        DenseNet c = Models.densenet121(4).loadWeights(pth);
        for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
            assertTrue(e.getValue().equal(b.stateDict().get(e.getKey())), e.getKey());
            assertTrue(e.getValue().equal(c.stateDict().get(e.getKey())), e.getKey());
        }
    }

    @Test
    void denseNetLoadsTorchvisionsLegacyKeyNames() {
        DenseNet a = Models.densenet121(5);
        Map<String, Tensor> legacy = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
            if (e.getKey().endsWith("num_batches_tracked")) {
                continue; // torchvision's DenseNet files predate it
            }
            legacy.put(e.getKey().replaceAll("(denselayer\\d+\\.(norm|relu|conv))([12])\\.", "$1.$3."), e.getValue());
        }
        assertTrue(legacy.containsKey("features.denseblock1.denselayer1.norm.1.weight"));
        DenseNet b = Models.densenet121(5);
        b.loadStateDict(legacy, true);
        assertTrue(b.stateDict().get("features.denseblock4.denselayer16.conv.2.weight") == null);
        assertTrue(b.stateDict().get("features.denseblock4.denselayer16.conv2.weight")
                .equal(a.stateDict().get("features.denseblock4.denselayer16.conv2.weight")));
        assertEquals(0, b.stateDict().get("features.denseblock1.denselayer1.norm1.num_batches_tracked").itemLong());
        Map<String, Tensor> truncated = new LinkedHashMap<>(legacy);
        truncated.remove("features.norm5.running_var");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.densenet121(5).loadStateDict(truncated, true));
        assertTrue(e.getMessage().contains("features.norm5.running_var"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAStateDictSaysWhatItIs() throws IOException {
        Path notWeights = tmp.resolve("x.pth");
        Files.writeString(notWeights, "hello");
        assertThrows(SerializationException.class, () -> Models.resnet18().loadWeights(notWeights));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> Models.resnet18().loadWeights(tmp.resolve("missing.pth")));
    }

    @Test
    void initialisationHasTorchvisionsDistributions() {
        Torch.manualSeed(0);
        ResNet r = Models.resnet50(10);
        Tensor conv = r.stateDict().get("layer3.0.conv2.weight");  // fan_out = 256 * 9
        assertEquals(Math.sqrt(2.0 / (256 * 9)), std(conv), 0.02 * Math.sqrt(2.0 / (256 * 9)));
        assertEquals(1.0, r.stateDict().get("layer3.0.bn3.weight").mean().item(), 0);
        ResNet zero = ResNet.resnet50(ResNet.options().zeroInitResidual(true));
        assertEquals(0.0, zero.stateDict().get("layer3.0.bn3.weight").abs().max().item(), 0);
        assertEquals(1.0, zero.stateDict().get("layer3.0.bn2.weight").mean().item(), 0);
        DenseNet d = Models.densenet121(10);
        Tensor dconv = d.stateDict().get("features.denseblock2.denselayer1.conv2.weight"); // fan_in = 128 * 9
        assertEquals(Math.sqrt(2.0 / (128 * 9)), std(dconv), 0.03 * Math.sqrt(2.0 / (128 * 9)));
        assertEquals(0.0, d.stateDict().get("classifier.bias").abs().max().item(), 0);
        VGG v = Models.vgg11(10);
        assertEquals(0.01, std(v.stateDict().get("classifier.3.weight")), 2e-4);
        assertEquals(0.0, v.stateDict().get("features.0.bias").abs().max().item(), 0);
    }

    private static double std(Tensor t) {
        Tensor centered = t.sub(t.mean().item());
        return Math.sqrt(centered.mul(centered).mean().item());
    }

    @Test
    void groupedAndWideBottlenecksHaveTorchvisionsWidths() {
        ResNet x = Models.resnext50_32x4d(10);
        assertArrayEquals(new long[] {128, 4, 3, 3}, x.stateDict().get("layer1.0.conv2.weight").shape());
        ResNet w = Models.wideResnet50_2(10);
        assertArrayEquals(new long[] {128, 128, 3, 3}, w.stateDict().get("layer1.0.conv2.weight").shape());
    }

    @Test
    void badArgumentsAreJavaExceptions() {
        assertThrows(IllegalArgumentException.class, () -> ResNet.options().numClasses(0));
        assertThrows(IllegalArgumentException.class, () -> new ResNet(ResNet.Block.BASIC, new int[] {2, 2, 2}, ResNet.options()));
        assertThrows(IllegalArgumentException.class, () -> ResNet.resnet18(ResNet.options().groups(32)));
        assertThrows(UnsupportedOperationException.class,
                () -> ResNet.resnet18(ResNet.options().replaceStrideWithDilation(false, false, true)));
        assertThrows(IllegalArgumentException.class, () -> Models.vgg11(-1));
        assertThrows(IllegalArgumentException.class, () -> new DenseLayer(4, 2, 2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new DenseBlock(0, 4, 2, 2, 0));
        ResNet r = Models.resnet18(3);
        assertThrows(IllegalArgumentException.class, () -> r.forward(Torch.randn(1, 4, 32, 32)));
        assertThrows(IllegalArgumentException.class, () -> r.forward(Torch.randn(3, 32, 32, 2, 2)));
    }

    @Test
    void dilatedResNetKeepsResolution() {
        ResNet r = ResNet.resnet50(ResNet.options().numClasses(3).replaceStrideWithDilation(false, true, true));
        Module layer4 = r.getSubmodule("layer4");
        Tensor x = Torch.randn(1, 3, 64, 64);
        r.eval();
        Tensor features = r.getSubmodule("layer3").forward(r.getSubmodule("layer2").forward(r.getSubmodule("layer1").forward(
                r.getSubmodule("maxpool").forward(r.getSubmodule("relu").forward(r.getSubmodule("bn1").forward(
                        r.getSubmodule("conv1").forward(x))))))).detach();
        assertArrayEquals(new long[] {1, 1024, 8, 8}, features.shape());
        assertArrayEquals(new long[] {1, 2048, 8, 8}, layer4.forward(features).shape());
        assertTrue(Jit.script(r).forward(x).allclose(r.forward(x), 1e-5, 1e-6));
    }
}
