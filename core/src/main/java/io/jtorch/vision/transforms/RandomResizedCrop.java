package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Crops a random region of random area and aspect ratio and resizes it. Mirrors
 * {@code torchvision.transforms.RandomResizedCrop(size, scale=(0.08, 1.0), ratio=(3/4, 4/3),
 * interpolation, antialias=True)}. Up to 10 attempts, each drawing
 * {@code torch.empty(1).uniform_(*scale)}, then {@code uniform_(*log(ratio))} for the aspect, and,
 * when the region fits, {@code torch.randint} for its top then its left; else a central crop.
 * Output: (..., height, width).
 */
public final class RandomResizedCrop implements Transform {
    private final int[] size;
    private final double[] scale;
    private final double[] ratio;
    private final InterpolationMode interpolation;
    private final boolean antialias;

    /**
     * A {@code size x size} output with the default scale and ratio.
     *
     * @param size the side of the square output
     */
    public RandomResizedCrop(int size) {
        this(size, size, new double[] {0.08, 1.0}, new double[] {3.0 / 4.0, 4.0 / 3.0}, InterpolationMode.BILINEAR, true);
    }

    /**
     * A {@code size x size} output; mirrors {@code RandomResizedCrop(size, scale, ratio)}.
     *
     * @param size the side of the square output
     * @param scale the (min, max) range of the crop's share of the image's area (default (0.08, 1))
     * @param ratio the (min, max) range of the crop's aspect ratio (default (3/4, 4/3))
     */
    public RandomResizedCrop(int size, double[] scale, double[] ratio) {
        this(size, size, scale, ratio, InterpolationMode.BILINEAR, true);
    }

    /**
     * Mirrors {@code RandomResizedCrop((height, width), scale, ratio, interpolation, antialias)}.
     *
     * @param height the output's height
     * @param width the output's width
     * @param scale the (min, max) range of the crop's share of the image's area (default (0.08, 1))
     * @param ratio the (min, max) range of the crop's aspect ratio (default (3/4, 4/3))
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param antialias whether downscaling is antialiased (torchvision's default true)
     */
    public RandomResizedCrop(int height, int width, double[] scale, double[] ratio, InterpolationMode interpolation, boolean antialias) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("RandomResizedCrop: size must be positive, got " + height + "x" + width);
        }
        this.scale = Draws.pair(scale, "RandomResizedCrop: scale");
        this.ratio = Draws.pair(ratio, "RandomResizedCrop: ratio");
        if (this.scale[0] > this.scale[1] || this.ratio[0] > this.ratio[1] || !(this.ratio[0] > 0)) {
            throw new IllegalArgumentException("RandomResizedCrop: scale and ratio should be of kind (min, max) with a positive ratio");
        }
        this.size = new int[] {height, width};
        this.interpolation = interpolation;
        this.antialias = antialias && interpolation != InterpolationMode.NEAREST;
    }

    /**
     * {@return the crop {@code {top, left, height, width}} for {@code img}, drawn as {@code
     * RandomResizedCrop.get_params}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param scale the (min, max) range of the crop's share of the image's area (default (0.08, 1))
     * @param ratio the (min, max) range of the crop's aspect ratio (default (3/4, 4/3))
     */
    public static int[] getParams(Tensor img, double[] scale, double[] ratio) {
        long[] shape = ImageShapes.checkImage(img, "RandomResizedCrop", 2);
        long height = ImageShapes.height(shape);
        long width = ImageShapes.width(shape);
        double area = height * width;
        double[] logRatio = Draws.logRatio(ratio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double[] ta = Draws.areaAndAspect(area, scale, logRatio);
            long w = (long) Math.rint(Math.sqrt(ta[0] * ta[1]));
            long h = (long) Math.rint(Math.sqrt(ta[0] / ta[1]));
            if (0 < w && w <= width && 0 < h && h <= height) {
                int i = (int) Draws.randint(0, height - h + 1);
                int j = (int) Draws.randint(0, width - w + 1);
                return new int[] {i, j, (int) h, (int) w};
            }
        }
        double inRatio = (double) width / height;
        long w;
        long h;
        if (inRatio < Math.min(ratio[0], ratio[1])) {
            w = width;
            h = (long) Math.rint(w / Math.min(ratio[0], ratio[1]));
        } else if (inRatio > Math.max(ratio[0], ratio[1])) {
            h = height;
            w = (long) Math.rint(h * Math.max(ratio[0], ratio[1]));
        } else {
            w = width;
            h = height;
        }
        return new int[] {(int) ((height - h) / 2), (int) ((width - w) / 2), (int) h, (int) w};
    }

    @Override
    public Tensor apply(Tensor img) {
        int[] p = getParams(img, scale, ratio);
        return Functional.resizedCrop(img, p[0], p[1], p[2], p[3], size, interpolation, antialias);
    }

    @Override
    public String toString() {
        return "RandomResizedCrop(size=(" + size[0] + ", " + size[1] + "), scale=(" + scale[0] + ", " + scale[1] + "), ratio=(" + ratio[0]
                + ", " + ratio[1] + "), interpolation=" + interpolation.value() + ", antialias=" + (antialias ? "True" : "False") + ")";
    }
}
