package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import java.util.Arrays;

/** Checks and shape arithmetic shared by the transforms, as torchvision's {@code _assert_image_tensor} and {@code get_dimensions}. */
final class ImageShapes {
    private ImageShapes() {}

    /** Throws naming {@code op} unless {@code img} has at least {@code minDims} dimensions, the last two (H, W). */
    static long[] checkImage(Tensor img, String op, int minDims) {
        if (img == null) {
            throw new NullPointerException(op + ": image is null");
        }
        long[] shape = img.shape();
        if (shape.length < minDims) {
            throw new IllegalArgumentException(op + ": expected an image tensor of shape " + (minDims >= 3 ? "(..., C, H, W)" : "(..., H, W)")
                    + ", got shape " + Arrays.toString(shape));
        }
        return shape;
    }

    /** The number of channels: dimension -3, or 1 for a (H, W) tensor; mirrors {@code get_dimensions(img)[0]}. */
    static long channels(long[] shape) {
        return shape.length == 2 ? 1 : shape[shape.length - 3];
    }

    static long height(long[] shape) {
        return shape[shape.length - 2];
    }

    static long width(long[] shape) {
        return shape[shape.length - 1];
    }
}
