package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on small settings, and every kind of bad input. */
class CliTest {
    @TempDir
    static Path shared;

    static Path out;
    static Run defaultRun;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    /** One reduced run of the default job, shared by the tests that look at its outputs. */
    @BeforeAll
    static void runDefaultJobOnAReducedSetting() {
        out = shared.resolve("out");
        defaultRun = run("finetune", "--per-class", "5", "--epochs", "2", "--out", out.toString());
    }

    @Test
    void finetunePrintsTheSummaryTableWithThreeRuns() {
        assertEquals(0, defaultRun.status(), defaultRun.err());
        String o = defaultRun.out();
        assertTrue(o.contains("phase") && o.contains("trainable") && o.contains("frozen") && o.contains("val acc"), o);
        assertTrue(o.contains(Finetune.HEAD_ONLY) && o.contains(Finetune.FINETUNE) && o.contains(Finetune.SCRATCH), o);
        assertTrue(o.contains("20 training images (5 per class), 1000 validation images"), o);
        assertTrue(o.contains("feature cache on"), o);
    }

    @Test
    void metricsJsonHasEveryEpochOfEveryPhase() throws IOException {
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(List.of("Pullover", "Coat", "Shirt", "Ankle boot"), strings(m.get("config").get("classes")));
        assertEquals(3, m.get("phases").size());
        for (JsonNode phase : m.get("phases")) {
            assertEquals(2, phase.get("epochs").size(), phase.toString());
            for (JsonNode e : phase.get("epochs")) {
                double acc = e.get("val_accuracy").asDouble();
                assertTrue(acc >= 0 && acc <= 1, e.toString());
                assertTrue(e.get("train_loss").asDouble() > 0, e.toString());
            }
        }
        assertEquals(260, m.get("phases").get(0).get("trainable_parameters").asLong());
    }

    @Test
    void curvesPngIsAChart() throws IOException {
        BufferedImage png = ImageIO.read(out.resolve("curves.png").toFile());
        assertNotNull(png, "curves.png is a PNG");
        assertEquals(Curves.WIDTH, png.getWidth());
        assertEquals(Curves.HEIGHT, png.getHeight());
    }

    @Test
    void theSavedModelReloadsWithTheNewClasses() throws IOException {
        Path model = out.resolve("finetuned.pt");
        ScriptModule m = ScriptModule.load(model);
        m.eval();
        try (var g = Torch.noGrad()) {
            assertArrayEquals(new long[] {2, 4}, m.forward(Torch.randn(2, 1, 28, 28)).shape());
        }
        assertTrue(Jit.extraFile(model, ModelInfo.EXTRA_FILE).orElseThrow().contains("Ankle boot"));
        Run inspect = run("inspect", model.toString());
        assertEquals(0, inspect.status(), inspect.err());
        assertTrue(inspect.out().contains("<- head"), inspect.out());
        assertTrue(inspect.out().contains("Classes: [Pullover, Coat, Shirt, Ankle boot]"), inspect.out());
    }

    @Test
    void pythonLoadsTheSavedModelWithItsClassNames() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean hasTorch = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import torch").start().waitFor() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(hasTorch, "skipped: /usr/bin/python3 with torch is not installed");
        Process p = new ProcessBuilder(python.toString(), "-c", String.join("\n",
                "import sys, json, torch",
                "extra = {'jtorch.json': ''}",
                "m = torch.jit.load(sys.argv[1], _extra_files=extra).eval()",
                "print(tuple(m(torch.randn(2, 1, 28, 28)).shape), json.loads(extra['jtorch.json'])['classes'])"),
                out.resolve("finetuned.pt").toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        assertTrue(text.contains("(2, 4) ['Pullover', 'Coat', 'Shirt', 'Ankle boot']"), text);
    }

    @Test
    void predictPrintsTopClassesWithProbabilities() throws IOException {
        Path image = shared.resolve("item.png");
        writeImage(image, 28, 28, 1);
        Run r = run("predict", "--model", out.resolve("finetuned.pt").toString(), "--top", "2", image.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*item\\.png: (Pullover|Coat|Shirt|Ankle boot) [01]\\.\\d{3}, (Pullover|Coat|Shirt|Ankle boot) "
                + "[01]\\.\\d{3}\\s*"), r.out());
    }

    @Test
    void predictTakesAFolderAndReportsABadImageWithoutStopping() throws IOException {
        Path dir = Files.createDirectories(shared.resolve("to-predict"));
        writeImage(dir.resolve("a.png"), 28, 28, 2);
        writeImage(dir.resolve("b.png"), 28, 28, 3);
        Files.writeString(dir.resolve("broken.png"), "not a png");
        Run r = run("predict", "--model", out.resolve("finetuned.pt").toString(), dir.toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("a.png:") && r.out().contains("b.png:"), r.out());
        assertTrue(r.err().contains("broken.png"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line for the one bad image: " + r.err());
    }

    @Test
    void theSavedModelRecordsTheInputItWasTrainedOn() throws IOException {
        ModelInfo info = ModelInfo.of(out.resolve("finetuned.pt"));
        assertArrayEquals(new long[] {1, 28, 28}, info.inputShape());
        assertNotNull(info.mean(), "the built-in backbone's normalisation is carried into the fine-tuned model");
    }

    @Test
    void aModelTrainedWithResizeResizesInPredictToo() throws IOException {
        Path images = imageFolder(shared.resolve("resized-data"), 20, 24, 2, 6);
        Path o = shared.resolve("resized");
        Run train = run("finetune", "--data", images.toString(), "--resize", "28x28", "--per-class", "3", "--epochs", "1",
                "--mean", "0.5", "--std", "0.25", "--out", o.toString());
        assertEquals(0, train.status(), train.err());
        ModelInfo info = ModelInfo.of(o.resolve("finetuned.pt"));
        assertTrue(info.resize());
        assertArrayEquals(new double[] {0.5}, info.mean());
        assertArrayEquals(new double[] {0.25}, info.std());
        Path odd = shared.resolve("odd-size.png");
        writeImage(odd, 40, 31, 9);
        Run r = run("predict", "--model", o.resolve("finetuned.pt").toString(), odd.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("odd-size.png: "), r.out());
    }

    @Test
    void meanWithoutStdIsBadInput() {
        assertBadInput(run("finetune", "--mean", "0.5", "--out", shared.resolve("nostd").toString()), "--mean and --std go together");
    }

    @Test
    void finetuneHelpPrintsNoFormattingWarnings() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        Run r;
        try {
            r = run("finetune", "--help");
        } finally {
            System.setErr(old);
        }
        assertEquals(0, r.status());
        assertTrue(r.out().contains("20% of each class held out"), r.out());
        assertFalse(captured.toString().contains("WARN"), captured.toString());
    }

    @Test
    void inspectMarksTheLinearHeadOfTheBuiltInBackbone() throws IOException {
        Path backbone = ModelInfo.extractDefaultModel(Files.createDirectories(shared.resolve("bb")));
        Run r = run("inspect", backbone.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("4: Linear(in_features=64, out_features=6, bias=True)  weight [6, 64]  bias [6]   <- head"), r.out());
        assertTrue(r.out().contains("Linear layers: 3.0, 4"), r.out());
    }

    @Test
    void deeperHeadAndDroppedTopLayersWork() {
        Path o = shared.resolve("deeper");
        Run r = run("finetune", "--per-class", "4", "--epochs", "1", "--hidden", "16", "--drop-top", "1", "--out", o.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("on 1568 features"), r.out());
        assertTrue(Files.exists(o.resolve("finetuned.pt")));
    }

    @Test
    void imageFoldersTrainWithSkippedFilesCounted() throws IOException {
        Path data = imageFolder(shared.resolve("folder"), 28, 28, 3, 6);
        Files.writeString(data.resolve("a").resolve("notes.txt"), "not an image");
        Path o = shared.resolve("folder-out");
        Run r = run("finetune", "--data", data.toString(), "--per-class", "4", "--epochs", "1", "--out", o.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("warning: skipped 1 files that are not images"), r.out());
        assertTrue(r.out().contains("3 classes [a, b, c]"), r.out());
    }

    // ---------------------------------------------------------------- bad input: exit 2, one line, nothing half-written

    private static void assertBadInput(Run r, String expected) {
        assertEquals(Main.BAD_INPUT, r.status(), "status; stderr: " + r.err());
        String err = r.err().trim();
        assertEquals(1, err.lines().count(), "one line:\n" + err);
        assertTrue(err.startsWith("jtorch: "), err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void missingModel() {
        assertBadInput(run("finetune", "--model", shared.resolve("nope.pt").toString()), "no such file: ");
    }

    @Test
    void missingData() {
        assertBadInput(run("finetune", "--data", shared.resolve("nothing-here").toString()), "no such file: ");
    }

    @Test
    void fileThatIsNotTorchScript() throws IOException {
        Path text = Files.writeString(shared.resolve("model.txt"), "hello");
        assertBadInput(run("finetune", "--model", text.toString()), "is not a TorchScript file");
        assertBadInput(run("inspect", text.toString()), "is not a TorchScript file");
    }

    @Test
    void imagesOfAnotherSizeOfferResize() throws IOException {
        Path data = imageFolder(shared.resolve("big"), 32, 32, 2, 5);
        assertBadInput(run("finetune", "--data", data.toString(), "--per-class", "3", "--out", shared.resolve("o1").toString()),
                "is 32x32 (HxW), expected 28x28; pass --resize 28x28");
        Run ok = run("finetune", "--data", data.toString(), "--per-class", "3", "--epochs", "1", "--resize", "28x28", "--out",
                shared.resolve("o2").toString());
        assertEquals(0, ok.status(), ok.err());
    }

    @Test
    void imageFolderWithOneClass() throws IOException {
        Path data = imageFolder(shared.resolve("one"), 28, 28, 1, 4);
        assertBadInput(run("finetune", "--data", data.toString()), "has only one class folder (a); a classifier needs at least two, one subfolder per class");
    }

    @Test
    void perClassLargerThanAvailable() {
        assertBadInput(run("finetune", "--per-class", "301"), "--per-class 301 is more than the 300 training images of class 'Pullover'");
    }

    @Test
    void unknownHead() {
        assertBadInput(run("finetune", "--head", "classifier.6"), "--head classifier.6 is not a Linear layer of the model; its Linear "
                + "layers are [3.0, 4]");
    }

    @Test
    void unknownClass() {
        assertBadInput(run("finetune", "--classes", "Pullover,Sock"), "unknown class(es) [Sock]");
    }

    @Test
    void cudaWhereThereIsNone() {
        Run r = run("finetune", "--device", "cuda");
        if (Torch.cuda().isAvailable()) {
            return;
        }
        assertBadInput(r, "CUDA was asked for (cuda) but libtorch sees no CUDA device");
    }

    @Test
    void badOptionValues() {
        assertBadInput(run("finetune", "--epochs", "0"), "--epochs must be at least 1");
        assertBadInput(run("finetune", "--lr", "-1"), "--lr must be a positive number");
        assertBadInput(run("finetune", "--resize", "big"), "--resize big: expected HEIGHTxWIDTH");
        assertBadInput(run("finetune", "--workers", "-1"), "--workers must be 0 or more");
        assertBadInput(run("finetune", "--threads", "0"), "--threads must be at least 1, or auto");
        assertBadInput(run("finetune", "--threads", "many"), "--threads must be at least 1, or auto");
        assertBadInput(run("finetune", "--epochs", "many"), "Invalid value for option '--epochs'");
        assertBadInput(run("frobnicate"), "Unmatched argument");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run r = run("finetune", "--per-class", "301", "--verbose");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void aFailedRunLeavesTheOutputFolderAsItWas() throws IOException {
        Path o = Files.createDirectories(shared.resolve("kept"));
        Files.writeString(o.resolve("metrics.json"), "previous run");
        assertBadInput(run("finetune", "--per-class", "301", "--out", o.toString()), "--per-class 301");
        assertEquals("previous run", Files.readString(o.resolve("metrics.json")));
        try (var files = Files.list(shared)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no staging folder left behind");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Path imageFolder(Path root, int h, int w, int classes, int perClass) throws IOException {
        for (int c = 0; c < classes; c++) {
            Path dir = Files.createDirectories(root.resolve(String.valueOf((char) ('a' + c))));
            for (int i = 0; i < perClass; i++) {
                writeImage(dir.resolve(i + ".png"), h, w, c * 100 + i);
            }
        }
        return root;
    }

    private static void writeImage(Path file, int h, int w, long seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = r.nextInt(256);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
