package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Makes the uint8 image tensor that the tensor transforms take, without rescaling. Mirrors
 * {@code torchvision.transforms.PILToTensor} (and its successor in {@code transforms.v2},
 * {@code ToImage}, whose name this takes: Java has no PIL image to convert).
 *
 * <p>jtorch decodes images straight to uint8 (C, H, W) tensors (what {@code PILToTensor()}
 * returns for {@code Image.open(f).convert("RGB")}), so {@link #apply} checks the image and
 * turns a (H, W) one into (1, H, W); {@link #fromHWC} converts an array in NumPy's (H, W, C)
 * layout.
 */
public final class ToImage implements Transform {
    @Override
    public Tensor apply(Tensor pic) {
        long[] shape = ImageShapes.checkImage(pic, "ToImage", 2);
        return shape.length == 2 ? pic.unsqueeze(0) : pic;
    }

    /**
     * {@return an (H, W, C) or (H, W) tensor as (C, H, W), values unchanged; {@code PILToTensor} of
     * an array}
     *
     * @param pic the image as (H, W, C) or (H, W)
     */
    public static Tensor fromHWC(Tensor pic) {
        long[] shape = ImageShapes.checkImage(pic, "ToImage", 2);
        if (shape.length > 3) {
            throw new IllegalArgumentException("ToImage: expected an (H, W, C) or (H, W) array, got shape " + java.util.Arrays.toString(shape));
        }
        Tensor img = shape.length == 2 ? pic.unsqueeze(2) : pic;
        return img.permute(2, 0, 1).contiguous();
    }

    @Override
    public String toString() {
        return "ToImage()";
    }
}
