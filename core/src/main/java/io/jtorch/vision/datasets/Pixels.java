package io.jtorch.vision.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An 8-bit image, decoded the way torchvision's default loader decodes: PIL's
 * {@code Image.open(f).convert("RGB")}, then {@code convert("L")} for one channel. Its bytes are
 * either channel-major (C, H, W), or, as a native decoder writes them, pixel by pixel with
 * {@code pixelStride} bytes a pixel (RGB or RGBA; the alpha byte is not part of the image), as a
 * PIL image holds them. A tensor is made of either without reordering ({@link Images#toTensor});
 * the Java code that reads values needs the channel-major bytes of {@link #planar()}.
 *
 * @param channels 1 (grayscale) or 3 (RGB)
 * @param height the number of rows
 * @param width the number of columns
 * @param values the unsigned bytes: {@code channels * height * width} of them, channel by channel,
 *     row by row, when {@code pixelStride} is 0; otherwise {@code pixelStride * height * width},
 *     row by row, pixel by pixel
 * @param pixelStride 0 for channel-major bytes; else the bytes a pixel (3 or 4) of an RGB image
 */
record Pixels(int channels, int height, int width, byte[] values, int pixelStride) {

    /** Channel-major pixels. */
    Pixels(int channels, int height, int width, byte[] values) {
        this(channels, height, width, values, 0);
    }

    /** {@return whether the bytes are channel-major (C, H, W)} */
    boolean isPlanar() {
        return pixelStride == 0;
    }

    /** {@return these pixels with channel-major bytes: itself when they are, else a reordered copy} */
    Pixels planar() {
        if (pixelStride == 0) {
            return this;
        }
        int plane = height * width;
        byte[] out = new byte[3 * plane];
        for (int i = 0, j = 0; i < plane; i++, j += pixelStride) {
            out[i] = values[j];
            out[plane + i] = values[j + 1];
            out[2 * plane + i] = values[j + 2];
        }
        return new Pixels(3, height, width, out);
    }

    /**
     * Decodes {@code file} into {@code channels} channels: JPEG and PNG through the system's
     * libjpeg-turbo and libpng where installed and the file is of a kind they decode as PIL does
     * ({@link NativeDecoders}), everything else with {@code javax.imageio}. Alpha is dropped,
     * grayscale files are read as stored (not through a colour-space conversion), and RGB
     * becomes gray with PIL's weights: {@code L = (19595 R + 38470 G + 7471 B + 32768) >> 16}.
     */
    static Pixels read(Path file, int channels) {
        BufferedImage image;
        try {
            Pixels fast = readNative(file, channels);
            if (fast != null) {
                return fast;
            }
            image = decode(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + file + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) { // the budget below did not foresee it; the decoder's buffers are garbage now
            throw new IllegalArgumentException("cannot decode " + file + ": it needs more memory than this JVM has (" + e.getMessage()
                    + "); lower the pixel limit (Images.setMaxImagePixels) or raise -Xmx", e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException("cannot decode " + file + ": " + e.getMessage(), e);
        }
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        byte[] out = new byte[Math.multiplyExact(channels, plane)];
        if (PixelCopy.copy(image, channels, out)) {
            return new Pixels(channels, h, w, out);
        }
        Raster raster = image.getRaster();
        boolean gray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int bits = raster.getSampleModel().getSampleSize(0);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            if (gray) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    byte v = (byte) (bits >= 8 ? row[x] >> (bits - 8) : row[x] * 255 / ((1 << bits) - 1));
                    for (int c = 0; c < channels; c++) {
                        out[c * plane + i] = v;
                    }
                }
                continue;
            }
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int r = (row[x] >> 16) & 0xff;
                int g = (row[x] >> 8) & 0xff;
                int b = row[x] & 0xff;
                if (channels == 1) {
                    out[i] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
                } else {
                    out[i] = (byte) r;
                    out[plane + i] = (byte) g;
                    out[2 * plane + i] = (byte) b;
                }
            }
        }
        return new Pixels(channels, h, w, out);
    }

    /**
     * The pixels of {@code file} through {@link NativeDecoders}, or {@code null} when they do not
     * take it; a file that cannot be read is left to {@link #decode}, which says why.
     */
    private static Pixels readNative(Path file, int channels) {
        if (!NativeDecoders.enabled() || NativeDecoders.otherFormat(file)) {
            return null;
        }
        byte[] data;
        try {
            if (io.jtorch.serialization.InputFiles.problem(file) != null || !NativeDecoders.small(Files.size(file))) {
                return null;
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        return NativeDecoders.decode(file, data, channels);
    }

    /**
     * Decodes {@code file} after checking, from its header alone, that its size is within
     * {@link Images#maxImagePixels()} and that decoding it fits in half the free heap. A file
     * that is not regular (a named pipe, a device) is refused before it is opened.
     */
    private static BufferedImage decode(Path file) throws IOException {
        String problem = io.jtorch.serialization.InputFiles.problem(file);
        if (problem != null) {
            throw new IllegalArgumentException("cannot decode " + file + ": it " + problem);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("cannot decode " + file + ": not an image format javax.imageio reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                checkSize(file, w, h);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Refuses a {@code w x h} image over the pixel limit, or one whose decoding would not fit in the heap. */
    static void checkSize(Path file, long w, long h) {
        long pixels = w * h; // both below 2^31: no overflow
        long limit = Images.maxImagePixels();
        if (pixels > limit) {
            throw new IllegalArgumentException(file + " declares " + w + "x" + h + " pixels (WxH, " + pixels + "), more than the limit of "
                    + limit + " pixels; raise it with Images.setMaxImagePixels or -Djtorch.image.maxPixels if the image is real");
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long needed = pixels * BYTES_PER_PIXEL;
        if (needed > free / 2) {
            throw new IllegalArgumentException(file + " declares " + w + "x" + h + " pixels (WxH), whose decoding needs about " + needed
                    + " bytes, more than half the free Java heap (" + free + " bytes); raise -Xmx or read smaller images");
        }
    }

    /** What decoding costs per pixel on the heap: the decoder's 4-byte pixels and the 3 channels copied out. */
    private static final long BYTES_PER_PIXEL = 7;

    /** Value {@code i} (0..255) of {@link #values()}, of channel-major pixels. */
    int value(int i) {
        return values[i] & 0xff;
    }

    /** "HxW", as the error messages write sizes. */
    String size() {
        return height + "x" + width;
    }

    /**
     * Writes {@code ToTensor()} then {@code Normalize(mean, std)} of these pixels into {@code out}
     * from {@code offset}, in float32 as torchvision computes them. One mean and std apply to
     * every channel; otherwise one per channel.
     */
    void toInputs(double[] mean, double[] std, float[] out, int offset) {
        if (!isPlanar()) {
            planar().toInputs(mean, std, out, offset);
            return;
        }
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            float m = (float) mean[mean.length == 1 ? 0 : c];
            float s = (float) std[std.length == 1 ? 0 : c];
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                out[offset + i] = ((float) value(i) / 255f - m) / s;
            }
        }
    }
}
