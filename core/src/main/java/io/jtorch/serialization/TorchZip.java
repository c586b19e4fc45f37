package io.jtorch.serialization;

import io.jtorch.Tensor;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The zip archive {@code torch.save} writes, opened for reading: {@code <name>/data.pkl} (the
 * pickle), {@code <name>/data/<key>} (one entry per storage, raw little-endian bytes),
 * {@code <name>/version} and, from newer versions, {@code <name>/byteorder}. The folder name
 * varies (PyTorch 1.13 uses the file's name when saving to a path and {@code archive} when
 * saving to a buffer), so the archive is found by its {@code data.pkl}. Mirrors the reading half
 * of PyTorch's {@code PyTorchStreamReader}.
 *
 * <p>Files that are not such archives are recognised and refused with a message saying what
 * they are: empty, legacy (pre-1.6) pickles, safetensors files, TorchScript programs, other zips.
 * The zip structure is read by {@link StrictZip} (no duplicate or case-colliding names, no data
 * outside the entries), and every entry read is checked against its declared size and CRC-32.
 */
final class TorchZip implements Closeable {
    private final Path file;
    private final StrictZip zip;
    private final String prefix;

    private TorchZip(Path file, StrictZip zip, String prefix) {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
    }

    /**
     * Opens {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws SerializationException if it is not an archive written by {@code torch.save}
     */
    static TorchZip open(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new SerializationException(file, "is a folder, not a file");
        }
        byte[] head = FileSniffer.head(file);
        if (!FileSniffer.isZip(head)) {
            throw new SerializationException(file, FileSniffer.describe(head, "a zip archive written by torch.save"));
        }
        StrictZip zip;
        try {
            zip = StrictZip.open(file);
        } catch (Malformed e) {
            throw new SerializationException(file, "is not a readable zip archive (truncated or damaged): it " + e.getMessage(), e);
        }
        try {
            return new TorchZip(file, zip, findPrefix(file, zip));
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static String findPrefix(Path file, StrictZip zip) throws SerializationException {
        List<String> pickles = new ArrayList<>();
        boolean script = false;
        for (StrictZip.Entry entry : zip.entries()) {
            String name = StrictZip.fold(entry.name());
            int slash = name.indexOf('/');
            boolean topLevel = slash > 0 && name.indexOf('/', slash + 1) < 0;
            if (topLevel && name.endsWith("/data.pkl")) {
                pickles.add(entry.name().substring(0, slash));
            }
            script |= topLevel && name.endsWith("/constants.pkl") || slash > 0 && name.startsWith("code/", slash + 1);
        }
        if (script) {
            throw new SerializationException(file, "is a TorchScript program (torch.jit.save), not a torch.save file; "
                    + "load it with ScriptModule.load");
        }
        if (pickles.isEmpty()) {
            throw new SerializationException(file, "is a zip archive without a <name>/data.pkl entry, so not a file written by torch.save");
        }
        if (pickles.size() > 1) {
            throw new SerializationException(file, "holds " + pickles.size() + " data.pkl entries (" + String.join(", ", pickles)
                    + "); a torch.save archive has one");
        }
        return pickles.get(0);
    }

    /** The pickle's entry name, e.g. {@code archive/data.pkl}. */
    String pickleName() {
        return prefix + "/data.pkl";
    }

    /** The pickle's bytes, refused before reading when it declares more than a Java array (or half the heap) holds. */
    byte[] readPickle() throws IOException {
        long limit = Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 2);
        return zip.readAll(zip.find(pickleName()), limit);
    }

    /** The byte order of the storages: {@code byteorder} says, and files without it are little-endian. */
    ByteOrder byteOrder() throws IOException {
        StrictZip.Entry entry = zip.find(prefix + "/byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text = new String(zip.readAll(entry, 16), StandardCharsets.US_ASCII).strip();
        if (text.equals("little")) {
            return ByteOrder.LITTLE_ENDIAN;
        } else if (text.equals("big")) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw new Malformed(prefix + "/byteorder says " + PyValues.quote(text) + ", expected 'little' or 'big'");
    }

    /** The size in bytes of storage {@code key}'s entry, or -1 when there is no such entry. */
    long storageSize(String key) {
        StrictZip.Entry entry = zip.find(storageName(key));
        return entry == null ? -1 : entry.size();
    }

    /** The name of storage {@code key}'s entry, e.g. {@code archive/data/0}. */
    String storageName(String key) {
        return prefix + "/data/" + key;
    }

    /** Storage {@code ref} as a new 1-D tensor; its entry's size must have been checked with {@link #storageSize}. */
    Tensor readStorage(StorageRef ref, ByteOrder order) throws IOException {
        StrictZip.Entry entry = zip.find(storageName(ref.key()));
        try (InputStream in = zip.open(entry)) {
            Tensor storage = Storages.read(in, ref.dtype(), ref.numel(), order, storageName(ref.key()));
            if (in.read() != -1) { // reading the end checks the CRC-32
                throw new Malformed(entry.name() + " holds more bytes than its declared " + entry.size());
            }
            return storage;
        }
    }

    /** The file this archive was opened from. */
    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
