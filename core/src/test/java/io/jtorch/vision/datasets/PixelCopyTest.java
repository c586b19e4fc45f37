package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PixelCopy}, the direct copy out of decoded images, gives the bytes of the per-pixel
 * {@code getRGB} / {@code getSamples} path it replaces, for every layout it takes.
 */
class PixelCopyTest {
    @TempDir
    Path dir;

    private static BufferedImage random(int type, int w, int h, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt());
            }
        }
        return image;
    }

    /** What the per-pixel path computes: getRGB, or the gray samples, to (C, H, W). */
    private static byte[] reference(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        byte[] out = new byte[channels * plane];
        boolean gray = image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (gray) {
                    for (int c = 0; c < channels; c++) {
                        out[c * plane + i] = (byte) image.getRaster().getSample(x, y, 0);
                    }
                    continue;
                }
                int v = image.getRGB(x, y);
                int r = (v >> 16) & 0xff;
                int g = (v >> 8) & 0xff;
                int b = v & 0xff;
                if (channels == 1) {
                    out[i] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
                } else {
                    out[i] = (byte) r;
                    out[plane + i] = (byte) g;
                    out[2 * plane + i] = (byte) b;
                }
            }
        }
        return out;
    }

    @Test
    void copiesTheLayoutsImageIoDecodesIntoAsGetRgbDoes() {
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY};
        for (int type : types) {
            BufferedImage image = random(type, 37, 23, type);
            for (int channels : new int[] {1, 3}) {
                byte[] out = new byte[channels * 37 * 23];
                assertTrue(PixelCopy.copy(image, channels, out), "type " + type);
                assertArrayEquals(reference(image, channels), out, "type " + type + ", " + channels + " channels");
            }
        }
    }

    @Test
    void leavesPalettesAndPremultipliedAlphaToThePerPixelPath() {
        byte[] out = new byte[3 * 9 * 7];
        assertFalse(PixelCopy.copy(random(BufferedImage.TYPE_BYTE_INDEXED, 9, 7, 1), 3, out));
        assertFalse(PixelCopy.copy(random(BufferedImage.TYPE_INT_ARGB_PRE, 9, 7, 2), 3, out));
        assertFalse(PixelCopy.copy(random(BufferedImage.TYPE_USHORT_GRAY, 9, 7, 3), 3, out));
        assertFalse(PixelCopy.copy(random(BufferedImage.TYPE_3BYTE_BGR, 20, 20, 4).getSubimage(3, 4, 9, 7), 3, out));
    }

    @Test
    void decodedPngAndJpegFilesReadAsTheirGetRgbValues() throws IOException {
        String[][] cases = {{"png", "rgb"}, {"png", "argb"}, {"png", "gray"}, {"jpg", "rgb"}, {"jpg", "gray"}};
        for (String[] c : cases) {
            int type = switch (c[1]) {
                case "argb" -> BufferedImage.TYPE_INT_ARGB;
                case "gray" -> BufferedImage.TYPE_BYTE_GRAY;
                default -> BufferedImage.TYPE_INT_RGB;
            };
            Path file = dir.resolve(c[1] + "." + c[0]);
            assertTrue(ImageIO.write(random(type, 41, 29, 7), c[0].equals("jpg") ? "jpeg" : "png", file.toFile()));
            BufferedImage decoded = ImageIO.read(file.toFile());
            for (int channels : new int[] {1, 3}) {
                assertArrayEquals(reference(decoded, channels), Pixels.read(file, channels).planar().values(), file + ", " + channels + " channels");
            }
        }
    }
}
