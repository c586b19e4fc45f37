package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.Arrays;

/** The geometric operations behind {@link Functional}, written as torchvision's {@code functional_tensor} computes them. */
final class Geometry {
    private Geometry() {}

    /** {@code _compute_resized_output_size}: (h, w) after resizing a {@code h x w} image to {@code size}. */
    static long[] resizedSize(long h, long w, int[] size, Integer maxSize) {
        if (size.length == 1) {
            long shortSide = Math.min(h, w);
            long longSide = Math.max(h, w);
            long newShort = size[0];
            long newLong = (long) (newShort * (double) longSide / shortSide);
            if (maxSize != null) {
                if (maxSize <= size[0]) {
                    throw new IllegalArgumentException("max_size = " + maxSize + " must be strictly greater than the requested size for "
                            + "the smaller edge size = [" + size[0] + "]");
                }
                if (newLong > maxSize) {
                    newShort = (long) (maxSize * (double) newShort / newLong);
                    newLong = maxSize;
                }
            }
            return w <= h ? new long[] {newLong, newShort} : new long[] {newShort, newLong};
        }
        return new long[] {size[0], size[1]};
    }

    static Tensor resize(Tensor img, int[] size, InterpolationMode interpolation, Integer maxSize, boolean antialias) {
        long[] shape = ImageShapes.checkImage(img, "resize", 2);
        if (size == null || (size.length != 1 && size.length != 2)) {
            throw new IllegalArgumentException("resize: size must be an int or a 1 or 2 element array, not "
                    + (size == null ? "null" : "a " + size.length + " element array"));
        }
        for (int s : size) {
            if (s < 1) {
                throw new IllegalArgumentException("resize: size must be positive, got " + Arrays.toString(size));
            }
        }
        if (maxSize != null && size.length != 1) {
            throw new IllegalArgumentException("resize: max_size should only be passed if size specifies the length of the smaller edge");
        }
        if (antialias && interpolation == InterpolationMode.NEAREST) {
            throw new IllegalArgumentException("resize: antialias option is supported for bilinear and bicubic interpolation modes only");
        }
        long h = ImageShapes.height(shape);
        long w = ImageShapes.width(shape);
        long[] out = resizedSize(h, w, size, maxSize);
        if (out[0] == h && out[1] == w) {
            return img;
        }
        if (out[0] < 1 || out[1] < 1) {
            throw new IllegalArgumentException("resize: a " + h + "x" + w + " image resized to " + Arrays.toString(size) + " would be "
                    + out[0] + "x" + out[1]);
        }
        DType dtype = img.dtype();
        long[] outShape = shape.clone();
        outShape[shape.length - 2] = out[0];
        outShape[shape.length - 1] = out[1];
        long channels = shape.length == 2 ? 1 : shape[shape.length - 3];
        // libtorch's AVX2 kernel serves 1 to 4 channels; it computes wrong values for outputs one
        // pixel wide and fails on 1x1 RGB outputs, which therefore take the float path
        if (dtype == DType.UINT8 && interpolation != InterpolationMode.NEAREST && antialias && img.device().isCpu()
                && channels >= 1 && channels <= 4 && out[0] > 1 && out[1] > 1 && RawOps.nativeUint8Resize()) {
            return RawOps.interpolate(uint8Batch(img, channels, h, w), out[0], out[1], interpolation, true).reshape(outShape);
        }
        boolean cast = dtype != DType.FLOAT32 && dtype != DType.FLOAT64;
        Tensor x = img.reshape(1, -1, h, w);
        if (cast) {
            x = x.to(DType.FLOAT32);
        }
        Tensor y = RawOps.interpolate(x, out[0], out[1], interpolation, antialias);
        if (interpolation == InterpolationMode.BICUBIC && dtype == DType.UINT8) {
            y = y.clamp(0, 255);
        }
        if (cast) {
            y = (dtype.isFloatingPoint() ? y : RawOps.round(y)).to(dtype);
        }
        return y.reshape(outShape);
    }

    /**
     * {@code img} as the (N, C, H, W) batch libtorch's uint8 kernel reads, a view where one can
     * be. A single image whose pixels are interleaved (a (C, H, W) view of a decoder's (H, W, C)
     * bytes) is given the batch stride of its whole size, as torchvision does, so that libtorch
     * sees it as channels-last and writes the output channels-last too instead of repacking it.
     */
    private static Tensor uint8Batch(Tensor img, long c, long h, long w) {
        Tensor x = img.reshape(-1, c, h, w);
        long[] strides = x.strides();
        long numel = x.numel();
        if (x.size(0) == 1 && numel != strides[0] && c > 1 && strides[1] == 1 && strides[3] == c && strides[2] == c * w) {
            x = x.asStrided(x.shape(), new long[] {numel, 1, strides[2], strides[3]}, x.storageOffset());
        }
        return x;
    }

    static Tensor crop(Tensor img, long top, long left, long height, long width) {
        long[] shape = ImageShapes.checkImage(img, "crop", 2);
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("crop: height and width must not be negative, got " + height + "x" + width);
        }
        long h = ImageShapes.height(shape);
        long w = ImageShapes.width(shape);
        long right = left + width;
        long bottom = top + height;
        int d = shape.length;
        if (left < 0 || top < 0 || right > w || bottom > h) {
            long[] ltrb = {Math.max(-left + Math.min(0, right), 0), Math.max(-top + Math.min(0, bottom), 0),
                Math.max(right - Math.max(w, left), 0), Math.max(bottom - Math.max(h, top), 0)};
            long t0 = Math.max(top, 0);
            long l0 = Math.max(left, 0);
            Tensor inside = img.narrow(d - 2, Math.min(t0, h), Math.max(0, Math.min(bottom, h) - Math.min(t0, h)))
                    .narrow(d - 1, Math.min(l0, w), Math.max(0, Math.min(right, w) - Math.min(l0, w)));
            return pad(inside, ltrb[0], ltrb[2], ltrb[1], ltrb[3], 0, PaddingMode.CONSTANT);
        }
        return img.narrow(d - 2, top, height).narrow(d - 1, left, width);
    }

    static Tensor centerCrop(Tensor img, long cropHeight, long cropWidth) {
        long[] shape = ImageShapes.checkImage(img, "center_crop", 2);
        if (cropHeight < 1 || cropWidth < 1) {
            throw new IllegalArgumentException("center_crop: size must be positive, got " + cropHeight + "x" + cropWidth);
        }
        long h = ImageShapes.height(shape);
        long w = ImageShapes.width(shape);
        if (cropWidth > w || cropHeight > h) {
            long l = cropWidth > w ? (cropWidth - w) / 2 : 0;
            long t = cropHeight > h ? (cropHeight - h) / 2 : 0;
            long r = cropWidth > w ? (cropWidth - w + 1) / 2 : 0;
            long b = cropHeight > h ? (cropHeight - h + 1) / 2 : 0;
            img = pad(img, l, r, t, b, 0, PaddingMode.CONSTANT);
            shape = img.shape();
            h = ImageShapes.height(shape);
            w = ImageShapes.width(shape);
            if (cropWidth == w && cropHeight == h) {
                return img;
            }
        }
        // Python's round() rounds halves to even
        long top = (long) Math.rint((h - cropHeight) / 2.0);
        long left = (long) Math.rint((w - cropWidth) / 2.0);
        return crop(img, top, left, cropHeight, cropWidth);
    }

    /** {@code _parse_pad_padding}: 1, 2 or 4 values to (left, right, top, bottom). */
    static long[] parsePadding(int[] padding, String op) {
        if (padding == null || (padding.length != 1 && padding.length != 2 && padding.length != 4)) {
            throw new IllegalArgumentException(op + ": padding must be an int or a 1, 2, or 4 element array, not "
                    + (padding == null ? "null" : "a " + padding.length + " element array"));
        }
        return switch (padding.length) {
            case 1 -> new long[] {padding[0], padding[0], padding[0], padding[0]};
            case 2 -> new long[] {padding[0], padding[0], padding[1], padding[1]};
            default -> new long[] {padding[0], padding[2], padding[1], padding[3]};
        };
    }

    static Tensor pad(Tensor img, long left, long right, long top, long bottom, double fill, PaddingMode mode) {
        long[] shape = ImageShapes.checkImage(img, "pad", 2);
        if (mode == PaddingMode.SYMMETRIC) {
            return padSymmetric(img, shape, left, right, top, bottom);
        }
        Tensor x = shape.length < 4 ? img.unsqueeze(0) : img;
        DType dtype = img.dtype();
        boolean cast = mode != PaddingMode.CONSTANT && dtype != DType.FLOAT32 && dtype != DType.FLOAT64;
        if (cast) {
            x = x.to(DType.FLOAT32);
        }
        String torchMode = switch (mode) {
            case EDGE -> "replicate";
            case REFLECT -> "reflect";
            default -> "constant";
        };
        Tensor y = RawOps.pad(x, left, right, top, bottom, torchMode, fill);
        if (shape.length < 4) {
            y = y.squeeze(0);
        }
        return cast ? y.to(dtype) : y;
    }

    private static Tensor padSymmetric(Tensor img, long[] shape, long left, long right, long top, long bottom) {
        if (shape.length != 3 && shape.length != 4) {
            throw new IllegalArgumentException("pad: symmetric padding needs a (C, H, W) or (N, C, H, W) tensor, got shape "
                    + Arrays.toString(shape));
        }
        int d = shape.length;
        if (left < 0 || right < 0 || top < 0 || bottom < 0) {
            long cl = -Math.min(left, 0);
            long cr = -Math.min(right, 0);
            long ct = -Math.min(top, 0);
            long cb = -Math.min(bottom, 0);
            img = img.narrow(d - 2, ct, shape[d - 2] - ct - cb).narrow(d - 1, cl, shape[d - 1] - cl - cr);
            left = Math.max(left, 0);
            right = Math.max(right, 0);
            top = Math.max(top, 0);
            bottom = Math.max(bottom, 0);
        }
        Tensor x = img.indexSelect(d - 1, symmetricIndices(img.size(d - 1), left, right));
        return x.indexSelect(d - 2, symmetricIndices(img.size(d - 2), top, bottom));
    }

    /** [before-1 .. 0] ++ [0 .. n-1] ++ [n-1, n-2, ...]: the indices {@code _pad_symmetric} builds, negative ones resolved. */
    private static Tensor symmetricIndices(long n, long before, long after) {
        long[] idx = new long[(int) (before + n + after)];
        int k = 0;
        for (long i = before - 1; i >= 0; i--) {
            idx[k++] = i;
        }
        for (long i = 0; i < n; i++) {
            idx[k++] = i;
        }
        for (long i = 0; i < after; i++) {
            idx[k++] = n - 1 - i;
        }
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= n) {
                throw new IllegalArgumentException("pad: symmetric padding of " + Math.max(before, after) + " is larger than the image side "
                        + n);
            }
        }
        return Torch.tensor(idx);
    }
}
