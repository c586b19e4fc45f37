package io.jtorch.vision.datasets;

/**
 * Bilinear resizing of 8-bit images exactly as PIL does it ({@code Image.resize(size, BILINEAR)},
 * what {@code transforms.Resize((h, w))} calls on PIL images): a triangle filter widened by the
 * scale factor when shrinking (so it averages rather than skips pixels), fixed-point weights with
 * 22 fractional bits, the horizontal pass first, rounding to 8 bits after each pass.
 */
final class Resampling {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private Resampling() {}

    /** {@code pixels} resized to {@code height x width}; itself when the size is already that. */
    static Pixels resize(Pixels pixels, int height, int width) {
        Pixels out = pixels.planar();
        if (width != out.width()) {
            out = pass(out, width, true);
        }
        if (height != out.height()) {
            out = pass(out, height, false);
        }
        return out;
    }

    /** One pass along rows ({@code horizontal}) or columns, to {@code outSize} samples. */
    private static Pixels pass(Pixels in, int outSize, boolean horizontal) {
        int inSize = horizontal ? in.width() : in.height();
        int h = horizontal ? in.height() : outSize;
        int w = horizontal ? outSize : in.width();
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale;  // the triangle filter's support is 1
        double ss = 1.0 / filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[] weights = new int[outSize * ksize];
        double[] k = new double[ksize];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double total = 0;
            for (int x = 0; x < max; x++) {
                double d = Math.abs((x + min - center + 0.5) * ss);
                k[x] = d < 1 ? 1 - d : 0;
                total += k[x];
            }
            for (int x = 0; x < max; x++) {
                double v = total != 0 ? k[x] / total : k[x];
                weights[o * ksize + x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
            }
            first[o] = min;
            count[o] = max;
        }
        int c = in.channels();
        byte[] dst = new byte[c * h * w];
        int inPlane = in.height() * in.width();
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int o = horizontal ? x : y;
                    int acc = 1 << (PRECISION_BITS - 1);
                    for (int j = 0; j < count[o]; j++) {
                        int s = horizontal ? y * in.width() + first[o] + j : (first[o] + j) * in.width() + x;
                        acc += in.value(ch * inPlane + s) * weights[o * ksize + j];
                    }
                    dst[(ch * h + y) * w + x] = (byte) clip8(acc);
                }
            }
        }
        return new Pixels(c, h, w, dst);
    }

    private static int clip8(int v) {
        if (v >= (1 << PRECISION_BITS << 8)) {
            return 255;
        }
        return v <= 0 ? 0 : v >> PRECISION_BITS;
    }
}
