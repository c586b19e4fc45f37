package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import io.jtorch.serialization.TorchSerialization;
import io.jtorch.vision.datasets.Images;
import io.jtorch.vision.models.Models;
import io.jtorch.vision.models.ResNet18Weights;
import io.jtorch.vision.models.ResNet50Weights;
import io.jtorch.vision.transforms.ImageClassification;
import io.jtorch.vision.transforms.InterpolationMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jtorch finetune --arch resnet18 --weights FILE --data DIR}: a torchvision model built in Java, its preset stored and applied by predict. */
class ArchFinetuneTest {
    @TempDir
    static Path dir;

    static Path out;
    static CliTest.Run run;

    @BeforeAll
    static void fineTuneARandomResNet18SavedUnderTorchvisionsFileName() throws IOException {
        Torch.manualSeed(0);
        Path weights = dir.resolve("resnet18-f37072fd.pth");
        Models.resnet18().saveWeights(weights);
        Path data = StandInTest.imageFolder(dir.resolve("data"), 3);
        out = dir.resolve("out");
        run = CliTest.run("finetune", "--arch", "resnet18", "--weights", weights.toString(), "--data", data.toString(), "--per-class", "2",
                "--epochs", "1", "--batch-size", "4", "--out", out.toString());
    }

    @Test
    void theRunUsesTheWeightsPresetAndSavesAResNetWithTheNewHead() throws IOException {
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("preprocessing: ResNet18Weights.IMAGENET1K_V1 (from the file's name): resize 256, center crop 224, "
                + "mean 0.485,0.456,0.406, std 0.229,0.224,0.225"), run.out());
        assertTrue(run.out().contains("feature cache on"), "the preset is deterministic, so phase 1 caches features: " + run.out());
        assertTrue(run.out().contains("feature cache on: layers 0.conv1-0.layer3 computed once per dataset"),
                "phase 2 trains layer4 and the head on the cached output of the layers below: " + run.out());
        ScriptModule saved = ScriptModule.load(out.resolve("finetuned.pt"));
        assertFalse(saved.isSequential());
        assertEquals(2, saved.get("fc").parameter("weight").size(0));
        ModelInfo info = ModelInfo.of(out.resolve("finetuned.pt"));
        assertEquals(List.of("blue", "red"), info.classes());
        assertNotNull(info.preset());
        assertEquals(224, info.preset().cropSize());
        assertEquals(256, info.preset().resizeSize());
        assertEquals(InterpolationMode.BILINEAR, info.preset().interpolation());
        assertArrayEquals(ImageClassification.IMAGENET_STD, info.preset().std());
        assertArrayEquals(new long[] {3, 224, 224}, info.inputShape());
        ModelInfo renormalised = info.withNormalization(new double[] {0.5}, new double[] {0.25});
        assertArrayEquals(new float[] {0.5f}, renormalised.preset().mean(), "--mean/--std on a model with a preset change the preset");
        assertEquals(224, renormalised.preset().cropSize());
    }

    @Test
    void predictAppliesThePresetToAnImageOfAnotherSize() throws IOException {
        assertEquals(0, run.status(), run.out() + run.err());
        Path image = dir.resolve("odd.png");
        StandInTest.writePng(image, 70, 50, 1, new Random(3));
        CliTest.Run p = CliTest.run("predict", "--model", out.resolve("finetuned.pt").toString(), "--top", "1", image.toString());
        assertEquals(0, p.status(), p.out() + p.err());

        ScriptModule m = ScriptModule.load(out.resolve("finetuned.pt"));
        m.eval();
        ImageClassification preset = ResNet18Weights.IMAGENET1K_V1.transforms();
        float[] probs;
        try (NoGrad g = Torch.noGrad()) {
            probs = m.forward(preset.apply(Images.readImage(image)).unsqueeze(0)).softmax(1).get(0).toFloatArray();
        }
        int top = probs[1] > probs[0] ? 1 : 0;
        String expected = String.format(Locale.ROOT, "%s: %s %.3f", image, List.of("blue", "red").get(top), probs[top]);
        assertEquals(expected, p.out().trim());
        CliTest.Run refused = CliTest.run("predict", "--model", out.resolve("finetuned.pt").toString(), "--resize", "32x32", image.toString());
        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().contains("leave --resize out"), refused.err());
    }

    @Test
    void theSavedTorchScriptRunsInPythonWithTheJavaOutputs() throws IOException {
        assertEquals(0, run.status(), run.out() + run.err());
        Assumptions.assumeTrue(Python.available(), "skipped: /usr/bin/python3 with torch and torchvision is not installed");
        ScriptModule m = ScriptModule.load(out.resolve("finetuned.pt"));
        m.eval();
        Torch.manualSeed(2);
        Tensor x = Torch.randn(2, 3, 224, 224);
        Tensor y;
        try (NoGrad g = Torch.noGrad()) {
            y = m.forward(x);
        }
        Path io = dir.resolve("io.pt");
        TorchSerialization.save(Map.of("x", x, "y", y), io);
        Python.Result check = Python.run("import sys, torch, torchvision\n"
                + "m = torch.jit.load(sys.argv[1]).eval()\n"
                + "tv = torchvision.models.resnet18(num_classes=2)\n"
                + "tv.load_state_dict(m.state_dict(), strict=True)\n"
                + "tv.eval()\n"
                + "d = torch.load(sys.argv[2])\n"
                + "with torch.no_grad():\n"
                + "    print('diff', float((m(d['x']) - d['y']).abs().max()), float((tv(d['x']) - d['y']).abs().max()))\n",
                out.resolve("finetuned.pt").toString(), io.toString());
        assertEquals(0, check.exitCode(), check.output());
        String[] parts = check.output().trim().split("\\s+");
        assertEquals("diff", parts[parts.length - 3], check.output());
        assertTrue(Double.parseDouble(parts[parts.length - 2]) < 1e-4, check.output());
        assertTrue(Double.parseDouble(parts[parts.length - 1]) < 1e-4, check.output());
    }

    @Test
    void theWeightsFileNameSelectsThePresetElseTheArchitecturesDefault() throws IOException {
        Path v1 = Files.writeString(dir.resolve("resnet50-0676ba61.pth"), "");
        Path other = Files.writeString(dir.resolve("my-resnet50.pth"), "");
        assertEquals(ResNet50Weights.IMAGENET1K_V1.transforms().resizeSize(), ArchModel.of("resnet50", v1).preset().resizeSize());
        assertEquals(256, ArchModel.of("resnet50", v1).preset().resizeSize());
        assertEquals(232, ArchModel.of("resnet50", other).preset().resizeSize(), "DEFAULT is IMAGENET1K_V2, resize 232");
        assertTrue(ArchModel.of("resnet50", other).presetSource().contains("IMAGENET1K_V2"));
        for (String arch : Models.listModels()) {
            assertNotNull(ArchModel.of(arch, null).preset(), arch);
        }
    }

    @Test
    void theWeightsFileIsLoadedWithItsOwnClassCountFromSafetensorsToo() throws IOException {
        Torch.manualSeed(5);
        io.jtorch.vision.models.ResNet java = Models.resnet18(10);
        Path file = dir.resolve("tuned.safetensors");
        java.saveSafeTensors(file);
        ScriptModule built = ArchModel.of("resnet18", file).build(true);
        assertEquals(10, built.get("fc").parameter("weight").size(0), "the head's size comes from the file");
        assertTrue(built.get("conv1").parameter("weight").equal(java.namedParameters().get("conv1.weight")));
        assertTrue(built.get("layer4.1.bn2").buffer("running_var").equal(java.stateDict().get("layer4.1.bn2.running_var")));
        ScriptModule random = ArchModel.of("resnet18", file).build(false);
        assertFalse(random.get("conv1").parameter("weight").equal(java.namedParameters().get("conv1.weight")));
    }

    @Test
    void badArchitecturesAndWeightsAreOneLineErrors() throws IOException {
        CliTest.Run unknown = CliTest.run("finetune", "--arch", "resnet7", "--data", dir.resolve("data").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--arch resnet7 is not a known architecture; known: resnet18"), unknown.err());
        Torch.manualSeed(0);
        Path wrong = dir.resolve("resnet34-b627a593.pth");
        Models.resnet18().saveWeights(wrong);
        CliTest.Run mismatch = CliTest.run("finetune", "--arch", "resnet34", "--weights", wrong.toString(), "--data",
                dir.resolve("data").toString(), "--out", dir.resolve("bad").toString());
        assertEquals(2, mismatch.status(), mismatch.err());
        assertTrue(mismatch.err().contains("does not fit --arch resnet34") && mismatch.err().contains("layer1.2"), mismatch.err());
        assertEquals(1, mismatch.err().trim().lines().count(), mismatch.err());
        CliTest.Run both = CliTest.run("finetune", "--arch", "resnet18", "--model", wrong.toString());
        assertEquals(2, both.status());
        CliTest.Run resized = CliTest.run("finetune", "--arch", "resnet18", "--resize", "64x64", "--data", dir.resolve("data").toString());
        assertEquals(2, resized.status());
        assertTrue(resized.err().contains("--resize does not apply with --arch"), resized.err());
        CliTest.Run twoMeans = CliTest.run("finetune", "--arch", "resnet18", "--mean", "0.5,0.5", "--std", "0.2,0.2", "--data",
                dir.resolve("data").toString(), "--out", dir.resolve("bad3").toString());
        assertEquals(2, twoMeans.status(), twoMeans.err());
        assertTrue(twoMeans.err().contains("--mean and --std have 2 values but the images have 3 channel(s)"), twoMeans.err());
        CliTest.Run idx = CliTest.run("finetune", "--arch", "resnet18", "--out", dir.resolve("bad2").toString());
        assertEquals(2, idx.status(), idx.err());
        assertTrue(idx.err().contains("--arch needs --data"), idx.err());
    }
}
