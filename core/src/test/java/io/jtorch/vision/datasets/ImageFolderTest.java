package io.jtorch.vision.datasets;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.DType;
import io.jtorch.Fixtures;
import io.jtorch.Tensor;
import io.jtorch.data.Batch;
import io.jtorch.data.Example;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageFolder} on a committed folder of PNGs, against torchvision's {@code ImageFolder}
 * with the same transforms, and on folders of PNGs generated here.
 */
class ImageFolderTest {
    private static final JsonNode FX = VisionFixtures.json("folder.json");
    private static final Path FIXTURE = VisionFixtures.path("folder");

    @TempDir
    Path dir;

    /** Writes a {@code width x height} PNG whose pixels are {@code rgb(x, y)} (0xRRGGBB). */
    private Path png(String relative, int width, int height, java.util.function.IntBinaryOperator rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private Path file(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    // ------------------------------------------------------------ against torchvision

    @Test
    void listsClassesFilesAndTargetsAsTorchvision() {
        ImageFolder folder = new ImageFolder(FIXTURE);
        List<String> classes = new ArrayList<>();
        FX.get("classes").forEach(c -> classes.add(c.asText()));
        assertEquals(classes, folder.classes());
        assertArrayEquals(VisionFixtures.longs(FX.get("targets")), folder.targets().toLongArray());
        for (int i = 0; i < folder.size(); i++) {
            assertEquals(FIXTURE.resolve(FX.get("files").get(i).asText()), folder.path(i));
        }
        assertEquals(List.of(FIXTURE.resolve("dots/notes.txt")), folder.skipped());
    }

    @Test
    void rgbValuesEqualTorchvisionsToTensor() {
        assertSameAsTorchvision("rgb", f -> f);
    }

    @Test
    void grayscaleValuesEqualTorchvisionsGrayscale() {
        assertSameAsTorchvision("gray", f -> f.channels(1));
    }

    @Test
    void resizeEqualsTorchvisionsResizeWhenShrinking() {
        assertSameAsTorchvision("rgb_resize_4x3", f -> f.resize(4, 3));
        assertSameAsTorchvision("gray_resize_4x3", f -> f.channels(1).resize(4, 3));
    }

    @Test
    void resizeEqualsTorchvisionsResizeWhenEnlarging() {
        assertSameAsTorchvision("gray_resize_10x12", f -> f.channels(1).resize(10, 12));
    }

    @Test
    void normalizeEqualsTorchvisionsNormalize() {
        double mean = FX.get("mean").asDouble();
        double std = FX.get("std").asDouble();
        assertSameAsTorchvision("gray_resize_4x3_normalized", f -> f.channels(1).resize(4, 3).normalize(mean, std));
    }

    private void assertSameAsTorchvision(String config, UnaryOperator<ImageFolder> settings) {
        ImageFolder folder = settings.apply(new ImageFolder(FIXTURE));
        for (int i = 0; i < folder.size(); i++) {
            Example e = folder.get(i);
            assertBitEqual(Fixtures.tensor(FX.get(config).get(i)), e.input(), config + ", " + folder.path(i));
            assertEquals(DType.INT64, e.label().dtype());
            assertEquals(0, e.label().dim());
        }
    }

    // ------------------------------------------------------------ generated folders

    @Test
    void classesAreSortedFolderNamesAndNestedFoldersBelongToTheirClass() throws IOException {
        png("zebra/b.png", 2, 2, (x, y) -> 0);
        png("zebra/a.png", 2, 2, (x, y) -> 0);
        png("apple/sub/z.png", 2, 2, (x, y) -> 0);
        png("apple/y.png", 2, 2, (x, y) -> 0);
        png("mango/m.PNG", 2, 2, (x, y) -> 0);
        file(".hidden/ignored.png", "");
        ImageFolder folder = new ImageFolder(dir);
        assertEquals(List.of("apple", "mango", "zebra"), folder.classes());
        assertEquals(List.of("apple/y.png", "apple/sub/z.png", "mango/m.PNG", "zebra/a.png", "zebra/b.png"), relativePaths(folder));
        assertArrayEquals(new long[] {0, 0, 1, 2, 2}, folder.targets().toLongArray());
    }

    @Test
    void nonImageFilesAreSkippedAndCountedHiddenOnesIgnored() throws IOException {
        png("cats/1.png", 2, 2, (x, y) -> 0);
        png("dogs/1.png", 2, 2, (x, y) -> 0);
        file("cats/notes.txt", "hi");
        file("dogs/data.csv", "1,2");
        file("README.md", "a stray file in the root");
        file("dogs/.DS_Store", "");
        ImageFolder folder = new ImageFolder(dir);
        assertEquals(2, folder.size());
        assertEquals(3, folder.skipped().size());
        assertTrue(folder.skipped().contains(dir.resolve("dogs/data.csv")));
    }

    @Test
    void pixelValuesOfAGeneratedPng() throws IOException {
        png("a/img.png", 3, 2, (x, y) -> x == 0 && y == 0 ? 0xff8000 : 0x0a141e);
        png("b/img.png", 3, 2, (x, y) -> 0);
        Tensor rgb = new ImageFolder(dir).get(0).input();
        assertArrayEquals(new long[] {3, 2, 3}, rgb.shape());
        assertEquals(1.0f, (float) rgb.get(0).get(0).get(0).item());
        assertEquals(128 / 255f, (float) rgb.get(1).get(0).get(0).item());
        assertEquals(0f, (float) rgb.get(2).get(0).get(0).item());
        assertEquals(30 / 255f, (float) rgb.get(2).get(1).get(2).item());
        Tensor gray = new ImageFolder(dir).channels(1).get(0).input();
        assertArrayEquals(new long[] {1, 2, 3}, gray.shape());
        // PIL's L = (19595 R + 38470 G + 7471 B + 32768) >> 16
        assertEquals(((255 * 19595 + 128 * 38470 + 32768) >> 16) / 255f, (float) gray.get(0).get(0).get(0).item());
        assertEquals(((10 * 19595 + 20 * 38470 + 30 * 7471 + 32768) >> 16) / 255f, (float) gray.get(0).get(1).get(1).item());
    }

    @Test
    void imageOfTheWrongSizeNamesTheFileAndBothSizes() throws IOException {
        png("a/small.png", 32, 20, (x, y) -> 0);
        png("b/ok.png", 28, 28, (x, y) -> 0);
        ImageFolder folder = new ImageFolder(dir).channels(1).imageSize(28, 28);
        assertArrayEquals(new long[] {1, 28, 28}, folder.get(1).input().shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folder.get(0));
        assertEquals("ImageFolder: " + dir.resolve("a/small.png") + " is 20x32 (HxW), expected 28x28; resize the images or call"
                + " resize(28, 28)", e.getMessage());
    }

    @Test
    void batchFailsWithTheSameMessageAsSample() throws IOException {
        png("a/ok.png", 28, 28, (x, y) -> 0);
        png("b/small.png", 32, 20, (x, y) -> 0);
        ImageFolder folder = new ImageFolder(dir).imageSize(28, 28);
        String single = assertThrows(IllegalArgumentException.class, () -> folder.get(1)).getMessage();
        assertEquals(single, assertThrows(IllegalArgumentException.class, () -> folder.getBatch(new long[] {0, 1})).getMessage());
    }

    @Test
    void sixteenBitGrayscaleKeepsItsHighByte() throws IOException {
        BufferedImage deep = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(0, 0, 0, 0x8040);
        deep.getRaster().setSample(1, 0, 0, 0xffff);
        Files.createDirectories(dir.resolve("a"));
        ImageIO.write(deep, "png", dir.resolve("a/deep.png").toFile());
        png("b/1.png", 2, 1, (x, y) -> 0);
        Tensor image = new ImageFolder(dir).channels(1).get(0).input();
        assertArrayEquals(new float[] {0x80 / 255f, 1f}, image.toFloatArray());
    }

    @Test
    void resizeGivesEveryImageTheRequestedSize() throws IOException {
        png("a/wide.png", 64, 20, (x, y) -> 0x336699);
        png("b/tall.png", 5, 40, (x, y) -> 0x336699);
        Batch batch = new ImageFolder(dir).resize(28, 28).getBatch(new long[] {0, 1});
        assertArrayEquals(new long[] {2, 3, 28, 28}, batch.inputs().shape());
        // a uniform image stays uniform
        assertEquals(0x33 / 255f, (float) batch.inputs().get(1).get(0).min().item());
        assertEquals(0x33 / 255f, (float) batch.inputs().get(1).get(0).max().item());
        assertEquals(0x99 / 255f, (float) batch.inputs().get(0).get(2).mean().item(), 1e-6);
    }

    @Test
    void batchOfImagesOfDifferentSizesNamesBothFiles() throws IOException {
        png("a/one.png", 4, 4, (x, y) -> 0);
        png("b/two.png", 5, 4, (x, y) -> 0);
        ImageFolder folder = new ImageFolder(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folder.getBatch(new long[] {0, 1}));
        assertTrue(e.getMessage().startsWith("ImageFolder: cannot batch " + dir.resolve("a/one.png") + " (4x4) with "
                + dir.resolve("b/two.png") + " (4x5)"), e.getMessage());
    }

    @Test
    void getBatchEqualsStackedSamples() throws IOException {
        png("a/1.png", 3, 3, (x, y) -> x * 0x100000 + y * 0x20);
        png("b/1.png", 3, 3, (x, y) -> y * 0x300000 + x);
        png("b/2.png", 3, 3, (x, y) -> 0x808080);
        ImageFolder folder = new ImageFolder(dir).normalize(new double[] {0.5, 0.4, 0.3}, new double[] {0.2, 0.25, 0.3});
        Batch batch = folder.getBatch(new long[] {2, 0});
        assertTrue(batch.inputs().get(0).equal(folder.get(2).input()));
        assertTrue(batch.inputs().get(1).equal(folder.get(0).input()));
        assertArrayEquals(new long[] {1, 0}, batch.labels().toLongArray());
    }

    @Test
    void listingDecodesNothing() throws IOException {
        png("a/fine.png", 2, 2, (x, y) -> 0);
        file("b/broken.png", "not a PNG at all");
        ImageFolder folder = new ImageFolder(dir);
        assertEquals(2, folder.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folder.get(1));
        assertEquals("cannot decode " + dir.resolve("b/broken.png") + ": not an image format javax.imageio reads", e.getMessage());
    }

    @Test
    void fewerThanTwoClassesIsAnError() throws IOException {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new ImageFolder(dir));
        assertEquals("ImageFolder: " + dir + " has no class folders; a classifier needs at least two, one subfolder per class",
                none.getMessage());
        png("cats/1.png", 2, 2, (x, y) -> 0);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> new ImageFolder(dir));
        assertEquals("ImageFolder: " + dir + " has only one class folder (cats); a classifier needs at least two, one subfolder"
                + " per class", one.getMessage());
    }

    @Test
    void classFolderWithoutImagesIsAnError() throws IOException {
        png("cats/1.png", 2, 2, (x, y) -> 0);
        file("dogs/notes.txt", "no images yet");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ImageFolder(dir));
        assertEquals("ImageFolder: found no image files for the classes dogs in " + dir
                + "; supported extensions are .png, .jpg, .jpeg, .bmp, .tif, .tiff", e.getMessage());
    }

    @Test
    void cuttingKeepsFilesAndSettings() throws IOException {
        for (String c : new String[] {"a", "b", "c"}) {
            for (int i = 0; i < 4; i++) {
                png(c + "/" + i + ".png", 8, 8, (x, y) -> 0);
            }
        }
        ImageFolder folder = new ImageFolder(dir).channels(1).resize(4, 4);
        ImageFolder kept = folder.keepClasses("c", "a").samplesPerClass(2, 0);
        assertEquals(List.of("c", "a"), kept.classes());
        assertArrayEquals(new long[] {2, 2}, kept.classCounts());
        assertEquals("a", dir.relativize(kept.path(0)).getName(0).toString(), "dataset order: class a's files come first");
        assertEquals(1, kept.label(0));
        assertArrayEquals(new long[] {4, 1, 4, 4}, kept.getBatch(new long[] {0, 1, 2, 3}).inputs().shape());
        Split<ImageFolder> split = folder.split(0.25, 0);
        assertArrayEquals(new long[] {3, 3, 3}, split.train().classCounts());
        assertArrayEquals(new long[] {1, 1, 1}, split.heldOut().classCounts());
    }

    @Test
    void settingsAreChecked() throws IOException {
        png("a/1.png", 2, 2, (x, y) -> 0);
        png("b/1.png", 2, 2, (x, y) -> 0);
        ImageFolder folder = new ImageFolder(dir);
        assertEquals("ImageFolder reads images as 1 (grayscale) or 3 (RGB) channels, not 2",
                assertThrows(IllegalArgumentException.class, () -> folder.channels(2)).getMessage());
        assertEquals("normalize has 2 means but images have 3 channels",
                assertThrows(IllegalArgumentException.class, () -> folder.normalize(new double[] {0, 0}, new double[] {1, 1})).getMessage());
    }

    private List<String> relativePaths(ImageFolder folder) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < folder.size(); i++) {
            out.add(dir.relativize(folder.path(i)).toString());
        }
        return out;
    }
}
