package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;

/**
 * The transforms as functions of an image tensor and explicit parameters. Mirrors
 * {@code torchvision.transforms.functional} ({@code F}) on tensors: {@code F.resize(img, [256])}
 * is {@code Functional.resize(img, 256)}.
 *
 * <p>Images are tensors of shape (..., C, H, W) (some functions also take (H, W)), uint8 or
 * floating point; results keep the input's dtype unless the function converts it. No function
 * modifies its input; a result may share memory with it (crops are views), as in torchvision.
 */
public final class Functional {
    private Functional() {}

    /**
     * Resizes the shorter side to {@code size}, keeping the aspect ratio (the longer side is
     * {@code (int) (size * long / short)}), bilinear with antialiasing; mirrors
     * {@code F.resize(img, [size], antialias=True)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param size the length the shorter side is resized to
     * @return the resized image
     */
    public static Tensor resize(Tensor img, int size) {
        return resize(img, new int[] {size}, InterpolationMode.BILINEAR, null, true);
    }

    /**
     * Resizes to {@code height x width}, bilinear with antialiasing; mirrors {@code F.resize(img,
     * [h, w], antialias=True)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param height the output's height in pixels
     * @param width the output's width in pixels
     * @return the resized image
     */
    public static Tensor resize(Tensor img, int height, int width) {
        return resize(img, new int[] {height, width}, InterpolationMode.BILINEAR, null, true);
    }

    /**
     * Mirrors {@code F.resize(img, size, interpolation, max_size, antialias)}. {@code size} is
     * {@code {shorter}} or {@code {h, w}}; {@code maxSize} (or null) caps the longer side when
     * {@code size} has one element. Antialiasing (bilinear and bicubic only) filters over the
     * whole footprint of an output pixel when shrinking, as PIL does; without it a shrink samples
     * only 2 (or 4) input pixels per output pixel. The image is returned as is when it already has
     * the size. Integer images are resized in float32 and rounded back.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param size {@code {shorter}} (the shorter side, keeping the aspect ratio) or {@code {h, w}}
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param maxSize the largest the longer side may become after resizing, or {@code null} for no
     *     limit
     * @param antialias whether downscaling is antialiased (torchvision's default true)
     * @return the resized image
     */
    public static Tensor resize(Tensor img, int[] size, InterpolationMode interpolation, Integer maxSize, boolean antialias) {
        return Geometry.resize(img, size, interpolation, maxSize, antialias);
    }

    /**
     * {@return the {@code height x width} region whose top-left corner is ({@code top}, {@code left});
     * parts outside the image are zero} Mirrors {@code F.crop(img, top, left, height, width)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param top the row of the crop's top edge
     * @param left the column of the crop's left edge
     * @param height the crop's height in pixels
     * @param width the crop's width in pixels
     */
    public static Tensor crop(Tensor img, int top, int left, int height, int width) {
        return Geometry.crop(img, top, left, height, width);
    }

    /**
     * {@return the central {@code size x size} region; mirrors {@code F.center_crop(img, size)}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param size the side of the square crop
     */
    public static Tensor centerCrop(Tensor img, int size) {
        return Geometry.centerCrop(img, size, size);
    }

    /**
     * {@return the central {@code height x width} region, zero-padded first where the image is smaller;
     * mirrors {@code F.center_crop(img, [height, width])}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param height the output's height in pixels
     * @param width the output's width in pixels
     */
    public static Tensor centerCrop(Tensor img, int height, int width) {
        return Geometry.centerCrop(img, height, width);
    }

    /**
     * {@return pads the borders: {@code padding} is {@code {all}}, {@code {leftRight, topBottom}} or
     * {@code {left, top, right, bottom}}; {@code fill} is the value for {@link PaddingMode#CONSTANT}}
     * Mirrors {@code F.pad(img, padding, fill, padding_mode)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param padding {@code {all}}, {@code {leftRight, topBottom}} or {@code {left, top, right,
     *     bottom}}
     * @param fill the value of {@code CONSTANT} padding
     * @param paddingMode how the border is filled: {@code CONSTANT}, {@code EDGE}, {@code REFLECT}
     *     or {@code SYMMETRIC}
     */
    public static Tensor pad(Tensor img, int[] padding, double fill, PaddingMode paddingMode) {
        long[] p = Geometry.parsePadding(padding, "pad");
        return Geometry.pad(img, p[0], p[1], p[2], p[3], fill, paddingMode);
    }

    /**
     * Converts to {@code dtype}, rescaling values: integers to floats divide by the integer
     * type's maximum (255 for uint8), floats to integers multiply by {@code max + 1 - 0.001} and
     * truncate. Mirrors {@code F.convert_image_dtype(image, dtype)}.
     *
     * @param image the image, (..., C, H, W)
     * @param dtype the target element type
     * @return the image in {@code dtype}, its values rescaled
     */
    public static Tensor convertImageDtype(Tensor image, DType dtype) {
        return Colors.convertImageDtype(image, dtype);
    }

    /**
     * {@code (x - mean[c]) / std[c]} for each channel {@code c} of a floating point (..., C, H, W)
     * image (one value applies to all channels). Mirrors {@code F.normalize(tensor, mean, std)}.
     *
     * @param mean the per-channel means (one value applies to all channels)
     * @param std the per-channel standard deviations (one value applies to all channels)
     * @param tensor the images, (..., C, H, W)
     * @return the input divided by its norm along the dimension
     */
    public static Tensor normalize(Tensor tensor, double[] mean, double[] std) {
        return Colors.normalize(tensor, mean, std);
    }

    /**
     * {@return the image mirrored left to right; mirrors {@code F.hflip(img)}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     */
    public static Tensor hflip(Tensor img) {
        long[] shape = ImageShapes.checkImage(img, "hflip", 2);
        return RawOps.flip(img, shape.length - 1);
    }

    /**
     * {@return the image mirrored top to bottom; mirrors {@code F.vflip(img)}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     */
    public static Tensor vflip(Tensor img) {
        long[] shape = ImageShapes.checkImage(img, "vflip", 2);
        return RawOps.flip(img, shape.length - 2);
    }

    /**
     * Crops, then resizes to {@code size}; mirrors {@code F.resized_crop(img, top, left, height,
     * width, size, interpolation, antialias)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param top the row of the crop's top edge
     * @param left the column of the crop's left edge
     * @param height the crop's height in pixels
     * @param width the crop's width in pixels
     * @param size the output size, {@code {h, w}} or {@code {side}}
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param antialias whether downscaling is antialiased (torchvision's default true)
     * @return the crop, resized
     */
    public static Tensor resizedCrop(Tensor img, int top, int left, int height, int width, int[] size, InterpolationMode interpolation,
            boolean antialias) {
        return resize(crop(img, top, left, height, width), size, interpolation, null, antialias);
    }

    /**
     * {@return {@code 0.2989 R + 0.587 G + 0.114 B} in 1 or 3 channels; mirrors {@code
     * F.rgb_to_grayscale(img, num_output_channels)}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param numOutputChannels 1 or 3
     */
    public static Tensor rgbToGrayscale(Tensor img, int numOutputChannels) {
        return ColorAdjust.rgbToGrayscale(img, numOutputChannels);
    }

    /**
     * Blends with black: 0 gives black, 1 the image; mirrors {@code F.adjust_brightness(img,
     * factor)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param brightnessFactor the blend factor: 0 gives black, 1 the image, 2 twice as bright
     * @return the image blended with black by {@code brightnessFactor}
     */
    public static Tensor adjustBrightness(Tensor img, double brightnessFactor) {
        return ColorAdjust.adjustBrightness(img, brightnessFactor);
    }

    /**
     * Blends with the mean gray: 0 gives a uniform gray; mirrors {@code F.adjust_contrast(img,
     * factor)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param contrastFactor the blend factor: 0 gives a uniform gray, 1 the image
     * @return the image blended with its mean gray by {@code contrastFactor}
     */
    public static Tensor adjustContrast(Tensor img, double contrastFactor) {
        return ColorAdjust.adjustContrast(img, contrastFactor);
    }

    /**
     * Blends with the grayscale image: 0 gives gray; mirrors {@code F.adjust_saturation(img,
     * factor)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param saturationFactor the blend factor: 0 gives the grayscale image, 1 the image
     * @return the image blended with its grayscale version by {@code saturationFactor}
     */
    public static Tensor adjustSaturation(Tensor img, double saturationFactor) {
        return ColorAdjust.adjustSaturation(img, saturationFactor);
    }

    /**
     * Shifts the hue by {@code hueFactor} turns, in [-0.5, 0.5], through HSV; mirrors {@code
     * F.adjust_hue(img, factor)}.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param hueFactor the hue shift in turns, in [-0.5, 0.5]
     * @return the image with its hue shifted
     */
    public static Tensor adjustHue(Tensor img, double hueFactor) {
        return ColorAdjust.adjustHue(img, hueFactor);
    }

    /**
     * Rotates {@code angle} degrees counter-clockwise about the center, keeping the size; pixels
     * from outside are {@code fill} (per channel or one value; null for zeros). Mirrors
     * {@code F.rotate(img, angle, interpolation, expand=False, center=None, fill)}; NEAREST or
     * BILINEAR.
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param angle the rotation in degrees, counter-clockwise
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param fill the value of pixels outside the rotated image, one value or one per channel, or
     *     {@code null} for 0
     * @return the rotated image, of the input's size
     */
    public static Tensor rotate(Tensor img, double angle, InterpolationMode interpolation, double[] fill) {
        return Rotation.rotate(img, angle, interpolation, fill);
    }

    /**
     * {@return the image with the {@code h x w} region at ({@code i}, {@code j}) set to {@code v}
     * (broadcast to (C, h, w)); mirrors {@code F.erase(img, i, j, h, w, v)}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     * @param i the row of the region's top edge
     * @param j the column of the region's left edge
     * @param h the region's height
     * @param w the region's width
     * @param v the values written, broadcast to (C, h, w)
     */
    public static Tensor erase(Tensor img, int i, int j, int h, int w, Tensor v) {
        long[] shape = ImageShapes.checkImage(img, "erase", 3);
        int d = shape.length;
        if (i < 0 || j < 0 || h < 0 || w < 0 || i + h > shape[d - 2] || j + w > shape[d - 1]) {
            throw new IllegalArgumentException("erase: region " + h + "x" + w + " at (" + i + ", " + j + ") is outside the "
                    + shape[d - 2] + "x" + shape[d - 1] + " image");
        }
        Tensor out = img.clone();
        Tensor region = out.narrow(d - 2, i, h).narrow(d - 1, j, w);
        region.copy_(RawOps.expand(v.to(img.dtype()), region.shape()));
        return out;
    }
}
