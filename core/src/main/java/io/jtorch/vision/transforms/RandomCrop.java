package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import java.util.Arrays;

/**
 * Crops a random {@code height x width} region. Mirrors
 * {@code torchvision.transforms.RandomCrop(size, padding, pad_if_needed, fill, padding_mode)}:
 * pads first by {@code padding} (if given), then, with {@code padIfNeeded}, pads the width and
 * height up to the crop, then draws the corner as {@code get_params} does:
 * {@code torch.randint(0, h - th + 1, (1,))} then {@code torch.randint(0, w - tw + 1, (1,))}
 * (nothing when the image is already the crop's size).
 */
public final class RandomCrop implements Transform {
    private final int height;
    private final int width;
    private final int[] padding;
    private final boolean padIfNeeded;
    private final double fill;
    private final PaddingMode paddingMode;

    /**
     * A {@code size x size} crop without padding.
     *
     * @param size the side of the square crop
     */
    public RandomCrop(int size) {
        this(size, size, null, false, 0, PaddingMode.CONSTANT);
    }

    /**
     * A {@code size x size} crop of the image padded by {@code padding} zeros; mirrors {@code
     * RandomCrop(size, padding=padding)}.
     *
     * @param size the side of the square crop
     * @param padding the number of zeros added on every side first
     */
    public RandomCrop(int size, int padding) {
        this(size, size, new int[] {padding}, false, 0, PaddingMode.CONSTANT);
    }

    /**
     * Mirrors {@code RandomCrop((height, width), padding, pad_if_needed, fill, padding_mode)};
     * {@code padding} may be null.
     *
     * @param height the crop's height
     * @param width the crop's width
     * @param padding the padding added first, as {@link Functional#pad} takes it, or {@code null}
     *     for none
     * @param padIfNeeded whether an image smaller than the crop is padded to fit
     * @param fill the value of {@code CONSTANT} padding
     * @param paddingMode how the border is filled: {@code CONSTANT}, {@code EDGE}, {@code REFLECT}
     *     or {@code SYMMETRIC}
     */
    public RandomCrop(int height, int width, int[] padding, boolean padIfNeeded, double fill, PaddingMode paddingMode) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("RandomCrop: size must be positive, got " + height + "x" + width);
        }
        if (padding != null) {
            Geometry.parsePadding(padding, "RandomCrop");
        }
        this.height = height;
        this.width = width;
        this.padding = padding == null ? null : padding.clone();
        this.padIfNeeded = padIfNeeded;
        this.fill = fill;
        this.paddingMode = paddingMode == null ? PaddingMode.CONSTANT : paddingMode;
    }

    /**
     * {@return the crop {@code {top, left, height, width}} for {@code img}, drawn as {@code RandomCrop.get_params}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param height the crop's height
     * @param width the crop's width
     * @throws IllegalArgumentException if the crop is larger than the image
     */
    public static int[] getParams(Tensor img, int height, int width) {
        long[] shape = ImageShapes.checkImage(img, "RandomCrop", 2);
        long h = ImageShapes.height(shape);
        long w = ImageShapes.width(shape);
        if (h < height || w < width) {
            throw new IllegalArgumentException("RandomCrop: required crop size (" + height + ", " + width + ") is larger than input image size ("
                    + h + ", " + w + ")");
        }
        if (w == width && h == height) {
            return new int[] {0, 0, (int) h, (int) w};
        }
        int i = (int) Draws.randint(0, h - height + 1);
        int j = (int) Draws.randint(0, w - width + 1);
        return new int[] {i, j, height, width};
    }

    @Override
    public Tensor apply(Tensor img) {
        if (padding != null) {
            img = Functional.pad(img, padding, fill, paddingMode);
        }
        long[] shape = ImageShapes.checkImage(img, "RandomCrop", 2);
        long h = ImageShapes.height(shape);
        long w = ImageShapes.width(shape);
        if (padIfNeeded && w < width) {
            img = Functional.pad(img, new int[] {(int) (width - w), 0}, fill, paddingMode);
        }
        if (padIfNeeded && h < height) {
            img = Functional.pad(img, new int[] {0, (int) (height - h)}, fill, paddingMode);
        }
        int[] p = getParams(img, height, width);
        return Functional.crop(img, p[0], p[1], p[2], p[3]);
    }

    @Override
    public String toString() {
        return "RandomCrop(size=(" + height + ", " + width + "), padding=" + (padding == null ? "None" : Arrays.toString(padding)) + ")";
    }
}
