package io.jtorch.vision.datasets;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.nio.file.Path;

/**
 * Reads one image file into the tensor a model takes, as torchvision's default loader and
 * {@code transforms.Compose([Grayscale(), Resize((h, w)), ToTensor(), Normalize(mean, std)])} do.
 */
public final class Images {
    /** PIL's {@code Image.MAX_IMAGE_PIXELS}: 1024 * 1024 * 1024 // 4 // 3. */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 89_478_485;
    private static volatile long maxImagePixels = Long.getLong("jtorch.image.maxPixels", DEFAULT_MAX_IMAGE_PIXELS);

    private Images() {}

    /**
     * {@return the most pixels (width times height) an image file may declare; mirrors PIL's
     * {@code Image.MAX_IMAGE_PIXELS}} Every image jtorch reads ({@link #readImage},
     * {@link #read}, {@link ImageFolder}) is checked against it from its header, before it is
     * decoded, so a small file declaring a gigantic image (a decompression bomb) is refused
     * instead of filling the heap. Default {@value #DEFAULT_MAX_IMAGE_PIXELS}, or the system
     * property {@code jtorch.image.maxPixels}.
     */
    public static long maxImagePixels() {
        return maxImagePixels;
    }

    /**
     * Sets {@link #maxImagePixels()} for the whole JVM.
     *
     * @param pixels the most pixels (width times height) an image may declare, at least 1
     * @throws IllegalArgumentException when {@code pixels} is below 1
     */
    public static void setMaxImagePixels(long pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("the pixel limit must be at least 1, got " + pixels);
        }
        maxImagePixels = pixels;
    }

    /**
     * The image at {@code file} as uint8 (3, H, W), RGB; mirrors
     * {@code torchvision.io.read_image(file, ImageReadMode.RGB)}, and {@code PILToTensor()} of
     * torchvision's default loader's {@code Image.open(file).convert("RGB")}. This is the image
     * that {@link ImageFolder} hands to its transform.
     *
     * @param file the image file: PNG, JPEG, BMP or TIFF
     * @return the image as uint8 of shape (3, H, W)
     * @throws IllegalArgumentException naming the file when it is not a regular file, not an
     *     image javax.imageio decodes, or declares more than {@link #maxImagePixels()} pixels
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static Tensor readImage(Path file) {
        return readImage(file, 3);
    }

    /**
     * The image at {@code file} as uint8 ({@code channels}, H, W): 3 for RGB, 1 for grayscale
     * with PIL's weights ({@code convert("L")}); mirrors {@code read_image(file, ImageReadMode.GRAY)}
     * for 1.
     *
     * @param file the image file: PNG, JPEG, BMP or TIFF
     * @param channels 1 (grayscale) or 3 (RGB)
     * @return the image as uint8 of shape ({@code channels}, H, W)
     * @throws IllegalArgumentException when {@code channels} is neither 1 nor 3, or naming the
     *     file when it is not a regular file, not an image javax.imageio decodes, or declares
     *     more than {@link #maxImagePixels()} pixels
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static Tensor readImage(Path file, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        Pixels p = Pixels.read(file, channels);
        return p.isPlanar() ? toTensor(p) : toTensor(p).contiguous(); // read_image's tensor is contiguous
    }

    /**
     * Pixels as a uint8 (C, H, W) tensor: contiguous for channel-major pixels; for interleaved
     * ones, the (C, H, W) view of their (H, W, C) bytes, as torchvision's {@code PILToTensor}
     * permutes a PIL image's (H, W, C) array without copying it.
     */
    static Tensor toTensor(Pixels p) {
        if (p.isPlanar()) {
            return Torch.tensor(p.values(), DType.UINT8, p.channels(), p.height(), p.width());
        }
        Tensor hwc = Torch.tensor(p.values(), DType.UINT8, p.height(), p.width(), p.pixelStride());
        return (p.pixelStride() == p.channels() ? hwc : hwc.narrow(2, 0, p.channels())).permute(2, 0, 1);
    }

    /**
     * {@return the image at {@code file} as float32 (C, H, W), values in [0, 1] then normalised
     * when {@code mean} and {@code std} are given}
     *
     * @param file the image file: PNG, JPEG, BMP or TIFF
     * @param channels 1 (grayscale) or 3 (RGB)
     * @param height the expected height, or 0 for any
     * @param width the expected width, or 0 for any
     * @param resize whether an image of another size is resized (otherwise it is an error naming both sizes)
     * @param mean per-channel means (one value for all channels), or null for none
     * @param std per-channel standard deviations, or null for none
     * @throws IllegalArgumentException when {@code channels} is neither 1 nor 3, when the image
     *     is not {@code height x width} and {@code resize} is false, or naming the file when it
     *     cannot be decoded or is over the pixel limit
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     */
    public static Tensor read(Path file, int channels, int height, int width, boolean resize, double[] mean, double[] std) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        Pixels p = Pixels.read(file, channels).planar();
        if (height > 0 && (p.height() != height || p.width() != width)) {
            if (!resize) {
                throw new IllegalArgumentException(file + " is " + p.height() + "x" + p.width() + " (HxW) but the model expects "
                        + height + "x" + width + "; pass --resize " + height + "x" + width + " to resize it");
            }
            p = Resampling.resize(p, height, width);
        }
        float[] values = new float[p.values().length];
        p.toInputs(mean == null ? new double[] {0} : mean, std == null ? new double[] {1} : std, values, 0);
        return Torch.tensor(values, p.channels(), p.height(), p.width());
    }
}
