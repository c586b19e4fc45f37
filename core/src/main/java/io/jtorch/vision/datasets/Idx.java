package io.jtorch.vision.datasets;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a big-endian header (magic number
 * {@code 0x0000080N} for N dimensions of unsigned bytes, then N sizes) and the bytes. Files may
 * be gzipped; the gzip header is recognised, not the file name.
 */
final class Idx {
    private Idx() {}

    /** The images of an IDX3 file and the labels of its IDX1 companion. */
    record Data(Tensor images, long[] labels) {}

    /** Reads {@code root/<prefix>-images-idx3-ubyte[.gz]} and {@code root/<prefix>-labels-idx1-ubyte[.gz]}. */
    static Data read(Path root, String prefix) {
        Path images = find(root, prefix + "-images-idx3-ubyte");
        Path labels = find(root, prefix + "-labels-idx1-ubyte");
        try (InputStream i = Files.newInputStream(images); InputStream l = Files.newInputStream(labels)) {
            return read(i, images.toString(), l, labels.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + images + " or " + labels + ": " + e.getMessage(), e);
        }
    }

    /** Reads an images stream and a labels stream; the names appear in error messages. */
    static Data read(InputStream images, String imagesName, InputStream labels, String labelsName) {
        Tensor pixels = readImages(images, imagesName);
        long[] targets = readLabels(labels, labelsName);
        if (targets.length != pixels.size(0)) {
            throw new IllegalArgumentException(imagesName + " has " + pixels.size(0) + " images but " + labelsName
                    + " has " + targets.length + " labels");
        }
        return new Data(pixels, targets);
    }

    private static Path find(Path root, String name) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no such folder: " + root);
        }
        for (Path p : new Path[] {root.resolve(name), root.resolve(name + ".gz")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no " + name + " or " + name + ".gz in " + root);
    }

    /** uint8 images of shape (N, rows, cols). */
    private static Tensor readImages(InputStream in, String name) {
        try (DataInputStream data = open(in)) {
            int[] dims = header(data, name, 3);
            long n = (long) dims[0] * dims[1] * dims[2];
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + " holds " + n + " pixels, more than one Java array can");
            }
            byte[] pixels = data.readNBytes((int) n);
            if (pixels.length != n) {
                throw new IllegalArgumentException(name + " is truncated: its header announces " + dims[0] + " images of "
                        + dims[1] + "x" + dims[2] + " (" + n + " bytes) but only " + pixels.length + " bytes follow");
            }
            return Torch.tensor(pixels, DType.UINT8, dims[0], dims[1], dims[2]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The labels, each 0..255. */
    private static long[] readLabels(InputStream in, String name) {
        try (DataInputStream data = open(in)) {
            int n = header(data, name, 1)[0];
            byte[] bytes = data.readNBytes(n);
            if (bytes.length != n) {
                throw new IllegalArgumentException(name + " is truncated: its header announces " + n + " labels but only "
                        + bytes.length + " follow");
            }
            long[] labels = new long[n];
            for (int i = 0; i < n; i++) {
                labels[i] = bytes[i] & 0xff;
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The stream, un-gzipped when it starts with gzip's magic bytes. */
    private static DataInputStream open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered);
    }

    /** Checks the magic number for {@code dims} dimensions of unsigned bytes and returns the sizes. */
    private static int[] header(DataInputStream in, String name, int dims) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + " is empty or too short to be an IDX file");
        }
        if (magic != (0x800 | dims)) {
            String what = dims == 3 ? "an IDX file of images (magic 0x00000803)" : "an IDX file of labels (magic 0x00000801)";
            throw new IllegalArgumentException(name + " is not " + what + ": it starts with 0x" + String.format("%08x", magic));
        }
        int[] sizes = new int[dims];
        try {
            for (int i = 0; i < dims; i++) {
                sizes[i] = in.readInt();
                if (sizes[i] < 0) {
                    throw new IllegalArgumentException(name + " has a negative size in its header: " + sizes[i]);
                }
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(name + " ends inside its header");
        }
        return sizes;
    }
}
