package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import io.jtorch.Torch;

/**
 * Erases a random rectangle of a tensor image with probability {@code p}. Mirrors
 * {@code torchvision.transforms.RandomErasing(p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3),
 * value=0)}: draws {@code torch.rand(1) < p}, then up to 10 attempts of area
 * ({@code uniform_(*scale)}) and aspect ({@code uniform_(*log(ratio))}); a fitting rectangle
 * draws, for {@code value='random'}, its normal values, then its top and left with
 * {@code torch.randint}. Input: (..., C, H, W), usually after {@link Normalize}.
 */
public final class RandomErasing implements Transform {
    private final double p;
    private final double[] scale;
    private final double[] ratio;
    private final double[] value;

    /** torchvision's defaults: p 0.5, scale (0.02, 0.33), ratio (0.3, 3.3), value 0. */
    public RandomErasing() {
        this(0.5, new double[] {0.02, 0.33}, new double[] {0.3, 3.3}, new double[] {0});
    }

    /**
     * Mirrors {@code RandomErasing(p, scale, ratio, value)}: {@code value} is one value, one per
     * channel, or null for {@code value='random'} (standard normal noise).
     *
     * @param p the probability of erasing (torchvision's default 0.5)
     * @param scale the (min, max) range of the erased area's share of the image (default (0.02,
     *     0.33))
     * @param ratio the (min, max) range of the erased region's aspect ratio (default (0.3, 3.3))
     * @param value the values written: one, or one per channel
     */
    public RandomErasing(double p, double[] scale, double[] ratio, double[] value) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomErasing: random erasing probability should be between 0 and 1, got " + p);
        }
        this.scale = Draws.pair(scale, "RandomErasing: scale");
        this.ratio = Draws.pair(ratio, "RandomErasing: ratio");
        if (this.scale[0] > this.scale[1] || this.ratio[0] > this.ratio[1]) {
            throw new IllegalArgumentException("RandomErasing: scale and ratio should be of kind (min, max)");
        }
        if (this.scale[0] < 0 || this.scale[1] > 1) {
            throw new IllegalArgumentException("RandomErasing: scale should be between 0 and 1");
        }
        this.p = p;
        this.value = value == null ? null : value.clone();
    }

    @Override
    public Tensor apply(Tensor img) {
        long[] shape = ImageShapes.checkImage(img, "RandomErasing", 3);
        if (!Draws.chance(p)) {
            return img;
        }
        int d = shape.length;
        long c = shape[d - 3];
        long imgH = shape[d - 2];
        long imgW = shape[d - 1];
        if (value != null && value.length != 1 && value.length != c) {
            throw new IllegalArgumentException("RandomErasing: if value is a sequence, it should have either a single value or " + c
                    + " (number of input channels)");
        }
        double area = imgH * imgW;
        double[] logRatio = Draws.logRatio(ratio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double[] ea = Draws.areaAndAspect(area, scale, logRatio);
            long h = (long) Math.rint(Math.sqrt(ea[0] * ea[1]));
            long w = (long) Math.rint(Math.sqrt(ea[0] / ea[1]));
            if (!(h < imgH && w < imgW)) {
                continue;
            }
            Tensor v = value == null ? RawOps.normal(Draws.generator(), c, h, w)
                    : Torch.tensor(toFloats(value)).view(value.length, 1, 1);
            int i = (int) Draws.randint(0, imgH - h + 1);
            int j = (int) Draws.randint(0, imgW - w + 1);
            return Functional.erase(img, i, j, (int) h, (int) w, v);
        }
        return img;
    }

    /** {@code torch.tensor(value)}: Python floats become float32. */
    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "RandomErasing(p=" + p + ", scale=(" + scale[0] + ", " + scale[1] + "), ratio=(" + ratio[0] + ", " + ratio[1] + "), value="
                + (value == null ? "random" : java.util.Arrays.toString(value)) + ", inplace=False)";
    }
}
