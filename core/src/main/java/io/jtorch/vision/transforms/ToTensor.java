package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;

/**
 * Turns a decoded image into a float tensor in [0, 1]. Mirrors {@code torchvision.transforms.ToTensor}:
 * uint8 values are divided by 255 into float32; other dtypes pass unchanged.
 *
 * <p>Input: the image as jtorch decodes it ({@link io.jtorch.vision.datasets.Images#readImage},
 * what {@link io.jtorch.vision.datasets.ImageFolder} hands its transform): uint8 (C, H, W), the
 * layout torchvision's {@code ToTensor} produces from a PIL image, or a (C, H, W) view of (H, W, C)
 * bytes ({@code PILToTensor}'s permuted array); a (H, W) image becomes (1, H, W). The result of
 * uint8 input is contiguous, as torchvision's is. For an array in NumPy's (H, W, C) layout, use
 * {@link #fromHWC(Tensor)}.
 */
public final class ToTensor implements Transform {
    @Override
    public Tensor apply(Tensor pic) {
        long[] shape = ImageShapes.checkImage(pic, "ToTensor", 2);
        if (shape.length > 3) {
            throw new IllegalArgumentException("ToTensor: pic should be a (C, H, W) or (H, W) image, got shape " + java.util.Arrays.toString(shape));
        }
        Tensor img = shape.length == 2 ? pic.unsqueeze(0) : pic;
        // contiguous first, as to_tensor makes a PIL image's permuted array contiguous before dividing
        return img.dtype() == DType.UINT8 ? img.contiguous().to(DType.FLOAT32).div(255.0) : img;
    }

    /**
     * {@return {@code to_tensor(ndarray)}: an (H, W, C) or (H, W) array to (C, H, W), uint8 divided by 255}
     *
     * @param pic the image as (H, W, C) or (H, W)
     */
    public static Tensor fromHWC(Tensor pic) {
        long[] shape = ImageShapes.checkImage(pic, "ToTensor", 2);
        if (shape.length > 3) {
            throw new IllegalArgumentException("ToTensor: pic should be 2 or 3 dimensional, got shape " + java.util.Arrays.toString(shape));
        }
        Tensor img = shape.length == 2 ? pic.unsqueeze(2) : pic;
        return new ToTensor().apply(img.permute(2, 0, 1).contiguous());
    }

    @Override
    public String toString() {
        return "ToTensor()";
    }
}
