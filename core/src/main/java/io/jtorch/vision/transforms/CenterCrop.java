package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Crops the center of images, zero-padding those smaller than the crop. Mirrors
 * {@code torchvision.transforms.CenterCrop(size)}. Output: (..., height, width).
 */
public final class CenterCrop implements Transform {
    private final int height;
    private final int width;

    /**
     * A {@code size x size} crop.
     *
     * @param size the side of the square crop
     */
    public CenterCrop(int size) {
        this(size, size);
    }

    /**
     * A {@code height x width} crop; mirrors {@code CenterCrop((height, width))}.
     *
     * @param height the output's height in pixels
     * @param width the output's width in pixels
     */
    public CenterCrop(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("CenterCrop: size must be positive, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
    }

    @Override
    public Tensor apply(Tensor img) {
        return Functional.centerCrop(img, height, width);
    }

    @Override
    public String toString() {
        return "CenterCrop(size=(" + height + ", " + width + "))";
    }
}
