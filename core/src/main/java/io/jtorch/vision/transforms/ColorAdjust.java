package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.List;

/** Grayscale and the colour adjustments of {@link ColorJitter}, in the operations torchvision's {@code functional_tensor} uses. */
final class ColorAdjust {
    private ColorAdjust() {}

    static Tensor rgbToGrayscale(Tensor img, int numOutputChannels) {
        long[] shape = ImageShapes.checkImage(img, "rgb_to_grayscale", 3);
        if (numOutputChannels != 1 && numOutputChannels != 3) {
            throw new IllegalArgumentException("rgb_to_grayscale: num_output_channels should be either 1 or 3, got " + numOutputChannels);
        }
        long c = ImageShapes.channels(shape);
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("rgb_to_grayscale: input image tensor should have 1 or 3 channels, got shape "
                    + java.util.Arrays.toString(shape));
        }
        int d = shape.length;
        Tensor l;
        if (c == 3) {
            Tensor r = img.select(d - 3, 0);
            Tensor g = img.select(d - 3, 1);
            Tensor b = img.select(d - 3, 2);
            // Python's float * uint8 tensor gives float32
            Tensor f = img.dtype().isFloatingPoint() ? null : img.to(DType.FLOAT32);
            if (f != null) {
                r = f.select(d - 3, 0);
                g = f.select(d - 3, 1);
                b = f.select(d - 3, 2);
            }
            l = r.mul(0.2989).add(g.mul(0.587)).add(b.mul(0.114)).to(img.dtype()).unsqueeze(d - 3);
        } else {
            l = img.clone();
        }
        if (numOutputChannels == 3) {
            return RawOps.expand(l, shape);
        }
        return l;
    }

    /** {@code _blend}: {@code (ratio * img1 + (1 - ratio) * img2).clamp(0, bound).to(img1.dtype)}. */
    static Tensor blend(Tensor img1, Tensor img2, double ratio) {
        double bound = img1.dtype().isFloatingPoint() ? 1.0 : 255.0;
        Tensor a = img1.dtype().isFloatingPoint() ? img1 : img1.to(DType.FLOAT32);
        Tensor b = img2.dtype().isFloatingPoint() ? img2 : img2.to(DType.FLOAT32);
        return a.mul(ratio).add(b.mul(1.0 - ratio)).clamp(0, bound).to(img1.dtype());
    }

    static Tensor adjustBrightness(Tensor img, double factor) {
        checkFactor(factor, "brightness");
        ImageShapes.checkImage(img, "adjust_brightness", 3);
        return blend(img, Torch.zerosLike(img), factor);
    }

    static Tensor adjustContrast(Tensor img, double factor) {
        checkFactor(factor, "contrast");
        long[] shape = ImageShapes.checkImage(img, "adjust_contrast", 3);
        DType dtype = img.dtype().isFloatingPoint() ? img.dtype() : DType.FLOAT32;
        Tensor gray = ImageShapes.channels(shape) == 3 ? rgbToGrayscale(img, 1) : img;
        int d = shape.length;
        Tensor mean = RawOps.meanLast3(gray.to(dtype));
        return blend(img, mean, factor);
    }

    static Tensor adjustSaturation(Tensor img, double factor) {
        checkFactor(factor, "saturation");
        long[] shape = ImageShapes.checkImage(img, "adjust_saturation", 3);
        if (ImageShapes.channels(shape) == 1) {
            return img;
        }
        return blend(img, rgbToGrayscale(img, 1), factor);
    }

    static Tensor adjustHue(Tensor img, double hueFactor) {
        if (!(hueFactor >= -0.5 && hueFactor <= 0.5)) {
            throw new IllegalArgumentException("adjust_hue: hue_factor (" + hueFactor + ") is not in [-0.5, 0.5]");
        }
        long[] shape = ImageShapes.checkImage(img, "adjust_hue", 3);
        if (ImageShapes.channels(shape) == 1) {
            return img;
        }
        DType orig = img.dtype();
        Tensor x = orig == DType.UINT8 ? img.to(DType.FLOAT32).div(255.0) : img;
        int d = shape.length;
        Tensor hsv = rgb2hsv(x, d);
        Tensor h = RawOps.remainder(hsv.select(d - 3, 0).add(hueFactor), 1.0);
        Tensor out = hsv2rgb(Torch.stack(List.of(h, hsv.select(d - 3, 1), hsv.select(d - 3, 2)), d - 3), d);
        if (orig == DType.UINT8) {
            return out.mul(255.0).to(orig);
        }
        return out;
    }

    private static Tensor rgb2hsv(Tensor img, int d) {
        Tensor r = img.select(d - 3, 0);
        Tensor g = img.select(d - 3, 1);
        Tensor b = img.select(d - 3, 2);
        Tensor maxc = RawOps.extreme(img, d - 3, true);
        Tensor minc = RawOps.extreme(img, d - 3, false);
        Tensor eqc = maxc.eq(minc);
        Tensor cr = maxc.sub(minc);
        Tensor ones = Torch.onesLike(maxc);
        Tensor s = cr.div(RawOps.where(eqc, ones, maxc));
        Tensor crDivisor = RawOps.where(eqc, ones, cr);
        Tensor rc = maxc.sub(r).div(crDivisor);
        Tensor gc = maxc.sub(g).div(crDivisor);
        Tensor bc = maxc.sub(b).div(crDivisor);
        Tensor isR = maxc.eq(r);
        Tensor isG = maxc.eq(g);
        Tensor hr = bc.sub(gc).mul(isR.to(img.dtype()));
        Tensor hg = rc.sub(bc).add(2.0).mul(RawOps.and(isG, isR.eq(0L)).to(img.dtype()));
        Tensor hb = gc.sub(rc).add(4.0).mul(RawOps.and(isG.eq(0L), isR.eq(0L)).to(img.dtype()));
        Tensor h = RawOps.fmod(hr.add(hg).add(hb).div(6.0).add(1.0), 1.0);
        return Torch.stack(List.of(h, s, maxc), d - 3);
    }

    private static Tensor hsv2rgb(Tensor img, int d) {
        Tensor h = img.select(d - 3, 0);
        Tensor s = img.select(d - 3, 1);
        Tensor v = img.select(d - 3, 2);
        Tensor i = RawOps.floor(h.mul(6.0));
        Tensor f = h.mul(6.0).sub(i);
        Tensor idx = RawOps.remainder(i.to(DType.INT32), 6).to(DType.INT64);
        Tensor p = v.mul(s.neg().add(1.0)).clamp(0, 1);
        Tensor q = v.mul(s.mul(f).neg().add(1.0)).clamp(0, 1);
        Tensor t = v.mul(s.mul(f.neg().add(1.0)).neg().add(1.0)).clamp(0, 1);
        // einsum with a one-hot mask over the 6 sectors picks one entry: a gather along that axis
        Tensor a1 = Torch.stack(List.of(v, q, p, p, t, v), d - 3);
        Tensor a2 = Torch.stack(List.of(t, v, v, q, p, p), d - 3);
        Tensor a3 = Torch.stack(List.of(p, p, t, v, v, q), d - 3);
        Tensor sel = idx.unsqueeze(d - 3);
        return Torch.stack(List.of(RawOps.gather(a1, d - 3, sel).squeeze(d - 3), RawOps.gather(a2, d - 3, sel).squeeze(d - 3),
                RawOps.gather(a3, d - 3, sel).squeeze(d - 3)), d - 3);
    }

    private static void checkFactor(double factor, String what) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException(what + "_factor (" + factor + ") is not non-negative");
        }
    }
}
