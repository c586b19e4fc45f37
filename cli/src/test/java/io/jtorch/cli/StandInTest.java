package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.serialization.TorchSerialization;
import io.jtorch.vision.models.Models;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's TorchScript ResNet or MobileNet, whose head is not a direct child of a top-level
 * Sequential: the saved model has no identity stand-in for the old head, the stand-in is out of
 * the parameter counts and of re-initialisation, and --unfreeze counts layers at the head's depth.
 */
class StandInTest {
    @TempDir
    Path dir;

    /** Two classes of 40x40 PNGs, reddish and bluish noise, {@code n} each. */
    static Path imageFolder(Path root, int n) throws IOException {
        Random r = new Random(7);
        String[] classes = {"blue", "red"};
        for (int c = 0; c < classes.length; c++) {
            Path d = Files.createDirectories(root.resolve(classes[c]));
            for (int i = 0; i < n; i++) {
                writePng(d.resolve("img" + i + ".png"), 40, 40, c, r);
            }
        }
        return root;
    }

    static void writePng(Path file, int width, int height, int cls, Random r) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int strong = 150 + r.nextInt(100);
                int weak = r.nextInt(90);
                int red = cls == 1 ? strong : weak;
                int blue = cls == 0 ? strong : weak;
                img.setRGB(x, y, (red << 16) | (r.nextInt(120) << 8) | blue);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    static long count(Module m) {
        long n = 0;
        for (Parameter p : m.parameters()) {
            n += p.numel();
        }
        return n;
    }

    private CliTest.Run finetune(Path model, Path data, Path out) {
        return CliTest.run("finetune", "--model", model.toString(), "--data", data.toString(), "--per-class", "2", "--epochs", "1",
                "--batch-size", "4", "--out", out.toString());
    }

    @Test
    void aScriptedJavaResNetIsSavedAsAResNetWithItsOwnHeadAndNoStandIn() throws IOException {
        Torch.manualSeed(0);
        Path model = dir.resolve("resnet18.pt");
        Jit.script(Models.resnet18(3)).save(model);
        Path out = dir.resolve("out");
        CliTest.Run r = finetune(model, imageFolder(dir.resolve("data"), 4), out);
        assertEquals(0, r.status(), r.out() + r.err());

        ScriptModule saved = ScriptModule.load(out.resolve("finetuned.pt"));
        assertFalse(saved.isSequential(), "the saved model is the ResNet itself, not Sequential(ResNet, Linear)");
        assertEquals(List.of("fc"), saved.linearPaths());
        assertEquals(2, saved.get("fc").parameter("weight").size(0));
        long expected = count(Models.resnet18(2));
        assertEquals(expected, count(saved), "no 512x512 stand-in left in the file");

        JsonNode phases = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("phases");
        for (JsonNode p : phases) {
            assertEquals(expected, p.get("trainable_parameters").asLong() + p.get("frozen_parameters").asLong(), p.toString());
        }
        assertEquals(2 * 512 + 2, phases.get(0).get("trainable_parameters").asLong());
        assertEquals(0, phases.get(2).get("frozen_parameters").asLong(), "from scratch, nothing is frozen");
    }

    @Test
    void reinitialisingTheFromScratchModelLeavesTheStandInTheIdentity() {
        Torch.manualSeed(0);
        ScriptModule backbone = Jit.script(Models.resnet18(3));
        Transfer.Built built = Transfer.build(backbone, null, 0, 0, 2, Torch.randn(1, 3, 32, 32));
        assertEquals("0.fc", built.standIn());
        Transfer.reinitialise(built.model(), built.standIn());
        Map<String, Parameter> p = built.model().namedParameters();
        assertTrue(p.get("0.fc.weight").equal(Torch.eye(512)), "the stand-in stays the identity");
        assertTrue(p.get("0.fc.bias").equal(Torch.zeros(512)));
    }

    @Test
    void unfreezeCountsTheLayersWithParametersAtTheHeadsDepth() {
        Torch.manualSeed(0);
        Conv2d first = new Conv2d(3, 4, 3);
        Conv2d second = new Conv2d(4, 6, 3);
        Sequential features = new Sequential(first, new ReLU(), second, new ReLU(), new AdaptiveAvgPool2d(1), new Flatten());
        ScriptModule scripted = Jit.script(new Sequential(features, new Sequential(new Dropout(0.2), new Linear(6, 5))));
        Transfer.Built built = Transfer.build(scripted, null, 0, 0, 2, Torch.randn(1, 3, 16, 16));
        assertEquals("1.1", built.headPath());
        List<Module> layers = built.layers();
        assertEquals(2, layers.size(), "the two convolutions of features, not features as one layer");
        assertEquals(List.of(6L, 4L, 3L, 3L), longs(layers.get(1).parameters().get(0).shape()), "--unfreeze 1 is the last convolution");
    }

    private static List<Long> longs(long[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    @Test
    void mobileNetV2FromTorchvisionUnfreezesBlocksOfFeatures() throws IOException {
        Assumptions.assumeTrue(Python.available(), "skipped: /usr/bin/python3 with torch and torchvision is not installed");
        Path model = dir.resolve("mobilenet_v2.pt");
        Python.Result made = Python.run("import sys, torch, torchvision\ntorch.manual_seed(0)\n"
                + "torch.jit.script(torchvision.models.mobilenet_v2(num_classes=3).eval()).save(sys.argv[1])", model.toString());
        assertEquals(0, made.exitCode(), made.output());
        Transfer.Built built = Transfer.build(ScriptModule.load(model), null, 0, 0, 2, Torch.randn(1, 3, 32, 32));
        assertEquals("classifier.1", built.headPath());
        assertEquals(19, built.layers().size(), "features.0 .. features.18");
        assertEquals(count(ScriptModule.load(model).get("features.18")), count(built.layers().get(18)));
    }

    @Test
    void aTorchvisionResNetFineTunedHereLoadsStrictlyIntoTorchvisionAndGivesTheJavaOutputs() throws IOException {
        Assumptions.assumeTrue(Python.available(), "skipped: /usr/bin/python3 with torch and torchvision is not installed");
        Path model = Files.createDirectories(Path.of("target", "standin")).resolve("tv_resnet18.pt").toAbsolutePath();
        Python.Result made = Python.run("import sys, torch, torchvision\ntorch.manual_seed(0)\n"
                + "torch.jit.script(torchvision.models.resnet18(num_classes=3).eval()).save(sys.argv[1])", model.toString());
        assertEquals(0, made.exitCode(), made.output());
        Path out = dir.resolve("out");
        CliTest.Run r = finetune(model, imageFolder(dir.resolve("data"), 4), out);
        assertEquals(0, r.status(), r.out() + r.err());

        ScriptModule saved = ScriptModule.load(out.resolve("finetuned.pt"));
        saved.eval();
        Torch.manualSeed(1);
        Tensor x = Torch.randn(2, 3, 40, 40);
        Tensor y;
        try (NoGrad g = Torch.noGrad()) {
            y = saved.forward(x);
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
}
