package io.jtorch.vision.datasets;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;

/**
 * JPEG and PNG decoding through the system's libjpeg-turbo (its TurboJPEG API) and libpng (its
 * simplified API), the libraries behind PIL's decoders, where they are installed: on Debian and
 * Ubuntu {@code apt-get install libturbojpeg0 libpng16-16}. They decode a folder of photographs
 * in about 0.6 of the time {@code javax.imageio} takes, to the same pixels PIL gives.
 *
 * <p>Both libraries are called only through functions that catch their own errors and return a
 * status (neither of them exits or jumps out of a call made from Java), and each call gets a
 * decoder of its own, so any number of threads decode at once. A file is taken here only in the
 * variants whose pixels are known to equal PIL's {@code convert("RGB")}: baseline and progressive
 * JPEG in YCbCr or grayscale; PNG of 1 to 8 bits in every colour type, with or without
 * transparency or interlacing. Everything else returns {@code null} and is decoded by
 * {@code javax.imageio} as before: other formats, CMYK JPEG, 16-bit PNG and PNG with a
 * {@code gAMA} or {@code iCCP} chunk (libpng would convert those, PIL does not), and every file
 * either library reports an error or a warning for, so that damaged files behave as they did.
 *
 * <p>{@code -Djtorch.image.nativeDecoders=false} turns them off.
 */
final class NativeDecoders {
    private static final System.Logger LOG = System.getLogger("io.jtorch");
    static final String PROPERTY = "jtorch.image.nativeDecoders";

    /** Files larger than this are left to javax.imageio, which streams them instead of reading them whole. */
    private static final long MAX_FILE_BYTES = 256L << 20;

    private NativeDecoders() {}

    /** {@return whether decoding may go through the native libraries: the property allows it} */
    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    }

    /**
     * {@return whether {@code file}'s name says it is neither JPEG nor PNG (BMP, TIFF, GIF), so
     * that it is not read twice} Other names are read and told apart by their first bytes.
     */
    static boolean otherFormat(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".bmp") || n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(".gif") || n.endsWith(".wbmp");
    }

    /** {@return whether {@code size} bytes are few enough to be read whole} */
    static boolean small(long size) {
        return size <= MAX_FILE_BYTES;
    }

    /**
     * The pixels of {@code data} (the bytes of {@code file}) in {@code channels} channels, or
     * {@code null} when this class does not take the file (see the class comment).
     *
     * @throws IllegalArgumentException when the header declares more pixels than the limit
     *     ({@link Pixels#checkSize})
     */
    static Pixels decode(Path file, byte[] data, int channels) {
        if (isJpeg(data) && TurboJpeg.LOADED) {
            return TurboJpeg.decode(file, data, channels);
        }
        if (Png.eligible(data) && Png.LOADED) {
            return Png.decode(file, data, channels);
        }
        return null;
    }

    static boolean isJpeg(byte[] d) {
        return d.length > 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF;
    }

    /**
     * Whether a {@code width x height} image of {@code stride}-byte pixels is decoded here: a
     * positive size whose pixels fit in one Java array (a raised pixel limit can pass more).
     *
     * @throws IllegalArgumentException over the pixel limit or the heap ({@link Pixels#checkSize})
     */
    private static boolean takes(Path file, int width, int height, int stride) {
        if (width <= 0 || height <= 0) {
            return false;
        }
        Pixels.checkSize(file, width, height);
        return (long) width * height * stride <= Integer.MAX_VALUE - 8;
    }

    /**
     * Pixels from interleaved {@code stride}-byte RGB(A) pixels: as they are for RGB, or as PIL's
     * {@code convert("L")} of their first three bytes for one channel.
     */
    private static Pixels fromInterleaved(Pointer pixels, int stride, int height, int width, int channels) {
        int plane = height * width;
        byte[] in = pixels.getByteArray(0, plane * stride);
        if (channels == 3) {
            return new Pixels(3, height, width, in, stride);
        }
        byte[] out = new byte[plane];
        for (int i = 0, j = 0; i < plane; i++, j += stride) {
            out[i] = PixelCopy.gray(in[j] & 0xff, in[j + 1] & 0xff, in[j + 2] & 0xff);
        }
        return new Pixels(1, height, width, out);
    }

    /** Binds {@code binding}'s native methods to a system library; false (logged at DEBUG) where it is not installed or decoding is off. */
    private static boolean register(Class<?> binding, String library) {
        if (!enabled()) {
            return false;
        }
        try {
            Native.register(binding, library);
            return true;
        } catch (LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "images: lib" + library + " not found (" + e.getMessage()
                    + "); javax.imageio decodes those files");
            return false;
        }
    }

    /** libjpeg-turbo's TurboJPEG API (turbojpeg.h, version 2). */
    static final class TurboJpeg {
        static final boolean LOADED = register(TurboJpeg.class, "turbojpeg");

        private static final int TJPF_RGB = 0;
        private static final int TJCS_RGB = 0;
        private static final int TJCS_YCBCR = 1;
        private static final int TJCS_GRAY = 2;
        /** Stop at the first warning (damaged data), so that such files go to javax.imageio as before. */
        private static final int TJFLAG_STOPONWARNING = 8192;
        /** Refuse a progressive file of more than 500 scans, which could take minutes to decode. */
        private static final int TJFLAG_LIMITSCANS = 32768;

        private TurboJpeg() {}

        static native Pointer tjInitDecompress();

        static native int tjDecompressHeader3(Pointer handle, byte[] jpeg, NativeLong size, IntByReference width, IntByReference height,
                                              IntByReference subsampling, IntByReference colorspace);

        static native int tjDecompress2(Pointer handle, byte[] jpeg, NativeLong size, Pointer dst, int width, int pitch, int height,
                                        int pixelFormat, int flags);

        static native int tjDestroy(Pointer handle);

        static Pixels decode(Path file, byte[] data, int channels) {
            Pointer handle = tjInitDecompress();
            if (handle == null) {
                return null;
            }
            try {
                IntByReference w = new IntByReference();
                IntByReference h = new IntByReference();
                IntByReference sub = new IntByReference();
                IntByReference cs = new IntByReference();
                NativeLong size = new NativeLong(data.length);
                if (tjDecompressHeader3(handle, data, size, w, h, sub, cs) != 0) {
                    return null;
                }
                int colorspace = cs.getValue();
                if (colorspace != TJCS_YCBCR && colorspace != TJCS_GRAY && colorspace != TJCS_RGB) {
                    return null; // CMYK and YCCK: PIL inverts Adobe's CMYK its own way
                }
                int width = w.getValue();
                int height = h.getValue();
                if (!takes(file, width, height, 3)) {
                    return null;
                }
                try (Memory rgb = new Memory(3L * width * height)) {
                    if (tjDecompress2(handle, data, size, rgb, width, 0, height, TJPF_RGB, TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS) != 0) {
                        return null;
                    }
                    return fromInterleaved(rgb, 3, height, width, channels);
                }
            } finally {
                tjDestroy(handle);
            }
        }
    }

    /** libpng's simplified reading API (png.h, {@code png_image}). */
    static final class Png {
        static final boolean LOADED = register(Png.class, "png16");

        private static final int PNG_IMAGE_VERSION = 1;
        private static final int PNG_FORMAT_RGBA = 3;
        private static final int PNG_IMAGE_ERROR = 2;
        private static final int PNG_IMAGE_WARNING = 1;
        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

        private Png() {}

        /** {@code png_image}: the fields before {@code message} are 32-bit. */
        @Structure.FieldOrder({"opaque", "version", "width", "height", "format", "flags", "colormapEntries", "warningOrError", "message"})
        public static final class Image extends Structure {
            public Pointer opaque;
            public int version;
            public int width;
            public int height;
            public int format;
            public int flags;
            public int colormapEntries;
            public int warningOrError;
            public byte[] message = new byte[64];

            String message() {
                return Native.toString(message);
            }
        }

        static native int png_image_begin_read_from_memory(Image image, Pointer memory, NativeLong size);

        static native int png_image_finish_read(Image image, Pointer background, Pointer buffer, int rowStride, Pointer colormap);

        static native void png_image_free(Image image);

        /**
         * Whether {@code d} is a PNG whose pixels libpng's simplified API gives as PIL does: 1 to 8
         * bits per sample, and no gAMA or iCCP chunk before the image data (libpng would convert
         * the samples to sRGB; PIL hands them over as stored).
         */
        static boolean eligible(byte[] d) {
            if (d.length < 33) {
                return false;
            }
            for (int i = 0; i < 8; i++) {
                if (d[i] != SIGNATURE[i]) {
                    return false;
                }
            }
            int depth = d[24] & 0xff;
            if (depth > 8) {
                return false;
            }
            long at = 8;
            while (at + 8 <= d.length) {
                long length = ((d[(int) at] & 0xffL) << 24) | ((d[(int) at + 1] & 0xff) << 16) | ((d[(int) at + 2] & 0xff) << 8)
                        | (d[(int) at + 3] & 0xff);
                String type = new String(d, (int) at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (type.equals("IDAT")) {
                    return true;
                }
                if (type.equals("gAMA") || type.equals("iCCP")) {
                    return false;
                }
                at += 12 + length;
            }
            return false;
        }

        static Pixels decode(Path file, byte[] data, int channels) {
            Image image = new Image();
            image.version = PNG_IMAGE_VERSION;
            // libpng reads the file's bytes again in finish_read: they live in native memory until then.
            try (Memory bytes = new Memory(data.length)) {
                bytes.write(0, data, 0, data.length);
                if (png_image_begin_read_from_memory(image, bytes, new NativeLong(data.length)) == 0) {
                    return null; // libpng freed what it had allocated
                }
                try {
                    if ((image.warningOrError & (PNG_IMAGE_ERROR | PNG_IMAGE_WARNING)) != 0) {
                        return null;
                    }
                    int width = image.width;
                    int height = image.height;
                    if (!takes(file, width, height, 4)) { // a size of 2^31 or more reads as negative
                        return null;
                    }
                    image.format = PNG_FORMAT_RGBA;
                    try (Memory rgba = new Memory(4L * width * height)) {
                        if (png_image_finish_read(image, null, rgba, 0, null) == 0 || image.warningOrError != 0) {
                            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                                LOG.log(System.Logger.Level.DEBUG, "images: libpng on " + file + ": " + image.message()
                                        + "; javax.imageio decodes it");
                            }
                            return null;
                        }
                        return fromInterleaved(rgba, 4, height, width, channels);
                    }
                } finally {
                    png_image_free(image); // does nothing once finish_read has freed the decoder
                }
            }
        }
    }
}
