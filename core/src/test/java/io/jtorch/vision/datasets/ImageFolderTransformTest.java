package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.WorkerInfo;
import io.jtorch.vision.transforms.Compose;
import io.jtorch.vision.transforms.ConvertImageDtype;
import io.jtorch.vision.transforms.FloatResize;
import io.jtorch.vision.transforms.RandomHorizontalFlip;
import io.jtorch.vision.transforms.RandomResizedCrop;
import io.jtorch.vision.transforms.Transform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ImageFolder with a transform through DataLoader, against torchvision's ImageFolder and PyTorch's DataLoader. */
class ImageFolderTransformTest {
    // The fixtures are torchvision 0.14's tensor path, which resizes uint8 images in float; libtorch's
    // uint8 kernel, the default on AVX2 CPUs, is checked against PIL in transforms.FunctionalTest.
    @BeforeAll
    static void floatResize() {
        System.setProperty(FloatResize.PROPERTY, "true");
    }

    @AfterAll
    static void defaultResize() {
        System.clearProperty(FloatResize.PROPERTY);
    }

    private static JsonNode loaderFixture() throws Exception {
        return new ObjectMapper().readTree(Path.of(ImageFolderTransformTest.class.getResource("/fixtures/transforms.json").toURI()).toFile())
                .get("loader");
    }

    private static Path folder() throws Exception {
        return Path.of(ImageFolderTransformTest.class.getResource("/fixtures/transforms/folder").toURI());
    }

    private static Transform train() {
        return new Compose(new RandomResizedCrop(6), new RandomHorizontalFlip(), new ConvertImageDtype(DType.FLOAT32));
    }

    private static float[][] pass(DataLoader loader) {
        List<Tensor> xs = new ArrayList<>();
        List<Tensor> ys = new ArrayList<>();
        for (Batch b : loader) {
            xs.add(b.inputs().retain());
            ys.add(b.labels().retain());
        }
        return new float[][] {Torch.cat(xs, 0).toFloatArray(), Torch.cat(ys, 0).to(DType.FLOAT32).toFloatArray()};
    }

    private static void assertMatches(JsonNode expected, float[][] got) {
        JsonNode data = expected.get("inputs").get("data");
        assertEquals(data.size(), got[0].length);
        for (int i = 0; i < got[0].length; i++) {
            assertEquals(data.get(i).asDouble(), got[0][i], 1e-6, "input value " + i);
        }
        JsonNode labels = expected.get("labels").get("data");
        for (int i = 0; i < got[1].length; i++) {
            assertEquals(labels.get(i).asDouble(), got[1][i], "label " + i);
        }
    }

    @Test
    void withoutWorkersTheAugmentationsAreTorchvisions() throws Exception {
        ImageFolder ds = new ImageFolder(folder(), train());
        Torch.manualSeed(7);
        assertMatches(loaderFixture().get("workers_0"), pass(new DataLoader(ds, 2, true).seed(5)));
    }

    @Test
    void withTwoWorkersEachWorkerDrawsFromItsSeededGeneratorAsPyTorchsProcessesDo() throws Exception {
        ImageFolder ds = new ImageFolder(folder(), train());
        Torch.manualSeed(7);
        float[][] first = pass(new DataLoader(ds, 2, true).seed(5).numWorkers(2));
        assertMatches(loaderFixture().get("workers_2"), first);
    }

    @Test
    void getTransformsOneImageAndTargetTransformMapsLabels() throws Exception {
        ImageFolder ds = new ImageFolder(folder()).transform(img -> img.to(DType.FLOAT32)).targetTransform(l -> 10 + l);
        Tensor x = ds.get(4).input();
        assertEquals(DType.FLOAT32, x.dtype());
        assertArrayEquals(new long[] {3, 10, 12}, x.shape());
        assertEquals(Images.readImage(ds.path(4)).to(DType.FLOAT32).sum().item(), x.sum().item(), 1e-3);
        assertEquals(11, ds.get(4).label().itemLong());
        // cutting keeps the transforms: bees become label 0, mapped to 10
        assertEquals(10, ds.keepClasses(1).get(0).label().itemLong());
        assertEquals(DType.FLOAT32, ds.keepClasses(1).get(0).input().dtype());
        assertTrue(ds.isRandom());
    }

    @Test
    void workerInfoNamesTheWorkerOnlyOnWorkers() throws Exception {
        assertEquals(null, WorkerInfo.get());
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ImageFolder ds = new ImageFolder(folder(), img -> {
            WorkerInfo w = WorkerInfo.get();
            seen.add(w.id() + "/" + w.numWorkers());
            return img.to(DType.FLOAT32);
        });
        pass(new DataLoader(ds, 2).numWorkers(2));
        // six images in three batches of two: batches 0 and 2 on worker 0, batch 1 on worker 1
        assertEquals(4, seen.stream().filter("0/2"::equals).count());
        assertEquals(2, seen.stream().filter("1/2"::equals).count());
    }

    @Test
    void transformAndNormalizeCannotBeCombined() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new ImageFolder(folder()).normalize(0.5, 0.5).transform(img -> img));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageFolder(folder(), img -> img.narrow(2, 0, (int) (img.sum().item() % 5) + 1)).getBatch(new long[] {0, 1, 2, 3}));
        assertTrue(e.getMessage().contains("cannot batch"), e.getMessage());
    }
    @Test
    void offWorkersTransformsRunOnOneIntraOpThreadWithTheSameDrawsAndErrors() throws Exception {
        int before = Torch.getNumThreads();
        try {
            for (int threads : new int[] {2, 1}) {
                Torch.setNumThreads(threads);
                java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
                Transform counting = img -> {
                    seen.add(Torch.getNumThreads());
                    return img;
                };
                ImageFolder ds = new ImageFolder(folder(), counting.andThen(train()));
                Torch.manualSeed(7);
                assertMatches(loaderFixture().get("workers_0"), pass(new DataLoader(ds, 2, true).seed(5)));
                assertEquals(java.util.Set.of(1), seen, "with " + threads + " intra-op threads on the loop's thread");
                assertEquals(threads, Torch.getNumThreads(), "the caller keeps its count");
                ImageFolder failing = new ImageFolder(folder(), img -> {
                    throw new IllegalStateException("no luck");
                });
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> failing.getBatch(new long[] {1, 0}));
                assertEquals("ImageFolder: the transform failed on " + failing.path(1) + ": no luck", e.getMessage());
            }
        } finally {
            Torch.setNumThreads(before);
        }
    }
}
