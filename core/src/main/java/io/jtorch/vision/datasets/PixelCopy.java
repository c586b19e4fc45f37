package io.jtorch.vision.datasets;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DirectColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Copies a decoded image's pixels straight from its data buffer into channel-major bytes, for the
 * layouts {@code javax.imageio} decodes JPEG and PNG files into: interleaved 8-bit sRGB or gray
 * bytes ({@code TYPE_3BYTE_BGR}, {@code TYPE_4BYTE_ABGR}, {@code TYPE_BYTE_GRAY}, 8-bit RGB(A)
 * PNGs) and packed {@code int} RGB ({@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB}). The values are
 * those {@code getRGB} (or {@code getSamples} for gray) would give, without their per-pixel colour
 * model calls, which cost more than decoding the JPEG itself; other layouts (palettes, 16-bit,
 * premultiplied alpha, colour spaces other than sRGB) are left to {@link Pixels#read}.
 */
final class PixelCopy {
    private PixelCopy() {}

    /** Fills {@code out} (C, H, W) from {@code image} and returns true, or returns false for a layout it does not copy. */
    static boolean copy(BufferedImage image, int channels, byte[] out) {
        Raster raster = image.getRaster();
        if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        if (raster.getSampleModel() instanceof PixelInterleavedSampleModel sm && raster.getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1 && image.getColorModel() instanceof ComponentColorModel cm && !cm.isAlphaPremultiplied()) {
            for (int b = 0; b < sm.getNumBands(); b++) {
                if (sm.getSampleSize(b) != 8) {
                    return false;
                }
            }
            ColorSpace cs = cm.getColorSpace();
            int colours = cm.getNumColorComponents();
            if (colours == 3 && cs.isCS_sRGB()) {
                copyRgb(db.getData(), db.getOffset(), sm.getBandOffsets(), sm.getPixelStride(), sm.getScanlineStride(),
                        image.getHeight(), image.getWidth(), channels, out);
                return true;
            }
            if (colours == 1 && cs.getType() == ColorSpace.TYPE_GRAY) {
                copyGray(db.getData(), db.getOffset() + sm.getBandOffsets()[0], sm.getPixelStride(), sm.getScanlineStride(),
                        image.getHeight(), image.getWidth(), channels, out);
                return true;
            }
            return false;
        }
        if (raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm && raster.getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1 && image.getColorModel() instanceof DirectColorModel cm && !cm.isAlphaPremultiplied()
                && cm.getColorSpace().isCS_sRGB() && cm.getRedMask() == 0xff0000 && cm.getGreenMask() == 0xff00 && cm.getBlueMask() == 0xff) {
            copyPacked(db.getData(), db.getOffset(), sm.getScanlineStride(), image.getHeight(), image.getWidth(), channels, out);
            return true;
        }
        return false;
    }

    private static void copyRgb(byte[] data, int offset, int[] bands, int pixelStride, int rowStride, int h, int w, int channels,
            byte[] out) {
        int plane = h * w;
        int r0 = offset + bands[0];
        int g0 = offset + bands[1];
        int b0 = offset + bands[2];
        for (int y = 0; y < h; y++) {
            int row = y * rowStride;
            int i = y * w;
            if (channels == 3) {
                for (int x = 0, p = row; x < w; x++, p += pixelStride, i++) {
                    out[i] = data[r0 + p];
                    out[plane + i] = data[g0 + p];
                    out[2 * plane + i] = data[b0 + p];
                }
            } else {
                for (int x = 0, p = row; x < w; x++, p += pixelStride, i++) {
                    out[i] = gray(data[r0 + p] & 0xff, data[g0 + p] & 0xff, data[b0 + p] & 0xff);
                }
            }
        }
    }

    private static void copyGray(byte[] data, int offset, int pixelStride, int rowStride, int h, int w, int channels, byte[] out) {
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            int i = y * w;
            if (pixelStride == 1) {
                System.arraycopy(data, offset + y * rowStride, out, i, w);
            } else {
                for (int x = 0, p = offset + y * rowStride; x < w; x++, p += pixelStride) {
                    out[i + x] = data[p];
                }
            }
        }
        for (int c = 1; c < channels; c++) {
            System.arraycopy(out, 0, out, c * plane, plane);
        }
    }

    private static void copyPacked(int[] data, int offset, int rowStride, int h, int w, int channels, byte[] out) {
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0, p = offset + y * rowStride, i = y * w; x < w; x++, p++, i++) {
                int v = data[p];
                int r = (v >> 16) & 0xff;
                int g = (v >> 8) & 0xff;
                int b = v & 0xff;
                if (channels == 3) {
                    out[i] = (byte) r;
                    out[plane + i] = (byte) g;
                    out[2 * plane + i] = (byte) b;
                } else {
                    out[i] = gray(r, g, b);
                }
            }
        }
    }

    /** PIL's {@code convert("L")}: {@code (19595 R + 38470 G + 7471 B + 32768) >> 16}. */
    static byte gray(int r, int g, int b) {
        return (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
    }
}
