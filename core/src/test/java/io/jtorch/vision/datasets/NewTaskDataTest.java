package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default fine-tuning job's data committed under cli/ (newtask-*-ubyte.gz), read with
 * {@link FashionMNIST} and checked against what tools/assets/make_finetune_assets.py recorded.
 */
class NewTaskDataTest {
    private static final JsonNode FX = VisionFixtures.json("fashion-mnist.json").get("newtask");
    private static final Path FULL = Path.of("/usr/share/datasets/fashion-mnist");

    private static FashionMNIST read(String part) {
        Path dir = VisionFixtures.assets();
        try (InputStream images = Files.newInputStream(dir.resolve("newtask-" + part + "-images-idx3-ubyte.gz"));
             InputStream labels = Files.newInputStream(dir.resolve("newtask-" + part + "-labels-idx1-ubyte.gz"))) {
            return FashionMNIST.fromStreams(images, labels);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void poolHas300AndValidation250ImagesOfEachNewClass() {
        assertArrayEquals(new long[] {0, 0, 300, 0, 300, 0, 300, 0, 0, 300}, read("train").classCounts());
        assertArrayEquals(new long[] {0, 0, 250, 0, 250, 0, 250, 0, 0, 250}, read("val").classCounts());
        MNIST task = read("val").keepClasses(2, 4, 6, 9);
        assertEquals(List.of("Pullover", "Coat", "Shirt", "Ankle boot"), task.classes());
        assertArrayEquals(new long[] {250, 250, 250, 250}, task.classCounts());
    }

    @Test
    void pixelsAndLabelsAreThoseTheScriptRecorded() {
        for (String part : new String[] {"train", "val"}) {
            FashionMNIST data = read(part).normalize(0.2860, 0.3530);
            assertEquals(FX.get(part).get("size").asLong(), data.size());
            for (JsonNode expected : FX.get(part).get("samples")) {
                long i = expected.get("index").asLong();
                assertEquals(expected.get("label").asLong(), data.label(i), part + " label " + i);
                assertEquals(expected.get("uint8_sum").asLong(), data.data().get(i).to(DType.INT64).sum().itemLong(), part + " sum " + i);
                Tensor image = data.get(i).input();
                for (JsonNode probe : expected.get("probes")) {
                    double pixel = image.get(0).get(probe.get("row").asLong()).get(probe.get("col").asLong()).item();
                    assertEquals(probe.get("normalized").asDouble(), pixel, 1e-6, part + " image " + i + " " + probe);
                }
            }
        }
    }

    @Test
    void samplesPerClassChoosesWhatPyTorchChooses() {
        MNIST pool = read("train").keepClasses(2, 4, 6, 9);
        for (String n : new String[] {"10", "50"}) {
            Tensor expected = pool.data().indexSelect(0, Torch.tensor(VisionFixtures.longs(FX.get("train").get("samples_per_class").get(n))));
            assertTrue(expected.equal(pool.samplesPerClass(Integer.parseInt(n), 0).data()), n + " per class");
        }
    }

    @Test
    void splitHoldsOutWhatTheScriptsMirrorHoldsOut() {
        MNIST val = read("val").keepClasses(2, 4, 6, 9);
        Tensor expected = val.data().indexSelect(0, Torch.tensor(VisionFixtures.longs(FX.get("val").get("held_out_0.2"))));
        Split<MNIST> split = val.split(0.2, 0);
        assertTrue(expected.equal(split.heldOut().data()));
        assertArrayEquals(new long[] {200, 200, 200, 200}, split.train().classCounts());
    }

    /** Needs the full Fashion-MNIST (Debian's location); the committed files are a seeded choice from it. */
    @Test
    void committedFilesAreTheSeededChoiceFromFashionMnist() {
        assumeTrue(Files.isDirectory(FULL), "Fashion-MNIST is not in " + FULL);
        MNIST pool = new FashionMNIST(FULL, true).keepClasses(2, 4, 6, 9).samplesPerClass(300, 0);
        assertTrue(pool.data().equal(read("train").data()));
        MNIST val = new FashionMNIST(FULL, false).keepClasses(2, 4, 6, 9).samplesPerClass(250, 0);
        assertTrue(val.data().equal(read("val").data()));
    }
}
