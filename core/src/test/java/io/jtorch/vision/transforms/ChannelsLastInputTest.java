package io.jtorch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decoded images a dataset hands its transform may be (C, H, W) views of (H, W, C) or
 * (H, W, 4) bytes, as torchvision's {@code PILToTensor} permutes a PIL image's array without
 * copying it (see {@code Images.toTensor}). Every transform gives the same values, dtype and shape
 * for such a view as for the contiguous image, with the same seed.
 */
class ChannelsLastInputTest {
    private static final double[] MEAN = {0.485, 0.456, 0.406};
    private static final double[] STD = {0.229, 0.224, 0.225};

    /** A uint8 (3, 37, 53) image of seeded noise, contiguous. */
    private static Tensor image() {
        Torch.manualSeed(7);
        return Torch.randint(0, 256, 3, 37, 53).to(DType.UINT8);
    }

    /** {@code img} as the (C, H, W) view of (H, W, C) bytes. */
    private static Tensor hwcView(Tensor img) {
        return img.permute(1, 2, 0).contiguous().permute(2, 0, 1);
    }

    /** {@code img} as the (C, H, W) view of the RGB bytes of (H, W, 4) RGBA pixels. */
    private static Tensor rgbaView(Tensor img) {
        Tensor alpha = Torch.fullLike(img.narrow(0, 0, 1), 255);
        return Torch.cat(java.util.List.of(img, alpha), 0).permute(1, 2, 0).contiguous().narrow(2, 0, 3).permute(2, 0, 1);
    }

    private static Map<String, Transform> transforms() {
        Map<String, Transform> t = new LinkedHashMap<>();
        t.put("ToTensor", new ToTensor());
        t.put("ConvertImageDtype", new ConvertImageDtype(DType.FLOAT32));
        t.put("Normalize", new Compose(new ToTensor(), new Normalize(MEAN, STD)));
        t.put("Resize bilinear", new Resize(24));
        t.put("Resize shorter edge to larger", new Resize(64));
        t.put("Resize bicubic", new Resize(new int[] {30, 20}, InterpolationMode.BICUBIC, null, true));
        t.put("Resize nearest", new Resize(new int[] {30, 20}, InterpolationMode.NEAREST, null, false));
        t.put("Resize of floats", new Compose(new ToTensor(), new Resize(29)));
        t.put("CenterCrop", new CenterCrop(20, 31));
        t.put("CenterCrop padding", new CenterCrop(45, 60));
        t.put("Pad reflect", new Pad(new int[] {3, 1, 4, 2}, 0, PaddingMode.REFLECT));
        t.put("Pad constant", new Pad(new int[] {2}, 17, PaddingMode.CONSTANT));
        t.put("Grayscale", new Grayscale(3));
        t.put("RandomCrop", new RandomCrop(32, 32, new int[] {4}, false, 0, PaddingMode.SYMMETRIC));
        t.put("RandomResizedCrop", new RandomResizedCrop(24));
        t.put("RandomHorizontalFlip", new RandomHorizontalFlip(1.0));
        t.put("RandomVerticalFlip", new RandomVerticalFlip(1.0));
        t.put("RandomRotation", new RandomRotation(-40, 40, InterpolationMode.BILINEAR, new double[] {9, 99, 199}));
        t.put("ColorJitter", new ColorJitter(0.4, 0.4, 0.4, 0.1));
        t.put("RandomErasing", new Compose(new ToTensor(), new RandomErasing(1.0, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, null)));
        t.put("ImageClassification", new ImageClassification(21));
        t.put("train pipeline", new Compose(new RandomResizedCrop(28), new RandomHorizontalFlip(), new ToTensor(), new Normalize(MEAN, STD)));
        t.put("eval pipeline", new Compose(new Resize(32), new CenterCrop(28), new ToTensor(), new Normalize(MEAN, STD)));
        return t;
    }

    @Test
    void everyTransformGivesTheSameResultForAChannelsLastView() {
        Tensor img = image();
        Tensor hwc = hwcView(img);
        Tensor rgba = rgbaView(img);
        assertFalse(hwc.isContiguous());
        assertFalse(rgba.isContiguous());
        assertTrue(hwc.equal(img) && rgba.equal(img), "the views hold the image's values");
        for (Map.Entry<String, Transform> e : transforms().entrySet()) {
            Tensor want = applySeeded(e.getValue(), img);
            for (Tensor view : new Tensor[] {hwc, rgba}) {
                Tensor got = applySeeded(e.getValue(), view);
                assertEquals(want.dtype(), got.dtype(), e.getKey());
                assertArrayEquals(want.shape(), got.shape(), e.getKey());
                assertTrue(want.equal(got), e.getKey() + ": the values differ for a channels-last view");
            }
        }
    }

    @Test
    void toTensorGivesContiguousFloatsAsTorchvisionsDoes() {
        Tensor out = new ToTensor().apply(hwcView(image()));
        assertTrue(out.isContiguous());
        assertTrue(out.equal(image().to(DType.FLOAT32).div(255.0)));
    }

    private static Tensor applySeeded(Transform t, Tensor x) {
        Torch.manualSeed(2024);
        return t.apply(x);
    }
}
