package io.jtorch.serialization;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads a TorchScript archive the one way both jtorch and libtorch will see it, and checks it
 * before libtorch reads anything. The zip structure goes through {@link StrictZip} (duplicate
 * names, names that differ only in case, data outside the entries and entries that are not
 * their declared size are refused); every pickle is read with a machine that runs nothing
 * ({@link ScriptPickles}); every tensor of {@code data.pkl} and {@code constants.pkl} is checked
 * to lie inside its storage, every storage against its entry, and the memory all of them will
 * take (storages, plus {@value #PER_VALUE_BYTES} bytes for each tensor and object, plus
 * {@value #PER_CODE_BYTE} bytes for each byte of code) against a limit, and the code's nesting
 * ({@link ScriptSourceDepth}) and the pickles' ({@link ScriptPickles#checkNesting}) against
 * what libtorch's recursive reader and compiler survive. {@link #check} then writes the checked
 * bytes, and nothing else, to a new archive, which is what libtorch is given.
 */
public final class ScriptArchives {
    /** What each tensor or object of a pickle is counted for in the memory limit, beyond its storage. */
    public static final long PER_VALUE_BYTES = 512;
    /**
     * What each byte of TorchScript source is counted for in the memory limit: libtorch's compiled
     * program takes about 150 bytes of native memory per byte of source (measured: 80,000
     * one-line statements, 2 MB of code, took 280 MB), so a file of megabytes of code would
     * otherwise take gigabytes past any limit. ResNet-18's 34 KB of code count 9 MB.
     */
    public static final long PER_CODE_BYTE = 256;
    private static final long MAX_TEXT = 64L << 20;
    private static final int ALIGNMENT = 64;
    private static final LocalDateTime DATE = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ScriptArchives() {}

    /**
     * Reads and checks {@code file} without writing anything.
     *
     * @param file the TorchScript archive
     * @param maxBytes the most bytes its storages, objects and code may count for (see {@link
     *     #PER_VALUE_BYTES} and {@link #PER_CODE_BYTE})
     * @return the archive as read, nothing of it run
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and the first problem: not a TorchScript
     *     archive (a weights file, a pickled module, another zip), an ambiguous or damaged zip, a
     *     tensor outside its storage, a storage unlike its entry, more memory than {@code maxBytes}
     */
    public static ScriptArchive read(Path file, long maxBytes) throws IOException {
        return check(file, maxBytes, null);
    }

    /**
     * {@link #read}, and writes to {@code copy} (when not null) an archive of exactly the entries
     * that were checked, with the bytes that were checked: the file to give libtorch. Entries that
     * {@code torch.jit.load} does not read are left out.
     *
     * @param file the TorchScript archive
     * @param maxBytes the most bytes its storages, objects and code may count for
     * @param copy where to write the checked archive, or {@code null} to write nothing
     * @return the archive as read, nothing of it run
     * @throws IOException when the file cannot be read or the copy cannot be written
     * @throws IllegalArgumentException naming the file and the first problem, as {@link #read}
     */
    public static ScriptArchive check(Path file, long maxBytes, Path copy) throws IOException {
        byte[] head = FileSniffer.head(file);
        if (!FileSniffer.isZip(head)) {
            throw new IllegalArgumentException(file + " is not a TorchScript file: it is not a zip archive ("
                    + FileSniffer.describe(head, "a TorchScript archive") + ")");
        }
        try (StrictZip zip = openZip(file)) {
            return check(file, zip, maxBytes, copy);
        } catch (Malformed | ArithmeticException e) {
            throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static StrictZip openZip(Path file) throws IOException {
        try {
            return StrictZip.open(file);
        } catch (Malformed e) {
            throw new IllegalArgumentException(file + " is not a TorchScript file jtorch can read: the zip archive " + e.getMessage(), e);
        }
    }

    private static ScriptArchive check(Path file, StrictZip zip, long maxBytes, Path copy) throws IOException {
        String prefix = prefix(file, zip);
        StrictZip.Entry data = zip.find(prefix + "data.pkl");
        boolean code = false;
        for (StrictZip.Entry e : zip.entries()) {
            code |= StrictZip.fold(e.name()).startsWith(StrictZip.fold(prefix + "code/"));
        }
        if (!code || zip.find(prefix + "constants.pkl") == null) {
            refuseOther(file, zip, data);
        }
        if (data == null) {
            throw new IllegalArgumentException(file + " is not a TorchScript file: the archive has code/ and constants.pkl but no "
                    + prefix + "data.pkl");
        }
        if (zip.find(prefix + "model.json") != null) {
            throw new IllegalArgumentException(file + " is a TorchScript file in the format of PyTorch before 1.4 (model.json), "
                    + "which jtorch does not load; save it again with a newer PyTorch");
        }
        long pickleLimit = Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 2);
        Map<String, byte[]> read = new LinkedHashMap<>();
        Set<String> classes = new LinkedHashSet<>();
        long total = 0;
        Object root = null;
        for (String pickle : List.of("data", "constants")) {
            StrictZip.Entry e = zip.find(prefix + pickle + ".pkl");
            byte[] bytes = zip.readAll(e, pickleLimit);
            read.put(e.name(), bytes);
            ScriptPickles resolver = new ScriptPickles(e.name(), true);
            PickleReader reader = new PickleReader(bytes, e.name(), resolver).keepContainers();
            Object value = reader.load();
            ScriptPickles.checkNestingOfAll(reader.containers(), e.name());
            root = root == null ? value : root;
            classes.addAll(resolver.classes());
            for (ScriptPickles.Storage s : resolver.storages().values()) {
                total = limit(file, total, s.nbytes(), maxBytes);
                String entry = prefix + pickle + "/" + s.key();
                StrictZip.Entry stored = zip.find(entry);
                if (stored == null || stored.size() != s.nbytes()) {
                    throw new Malformed(e.name() + " declares storage " + PyValues.quote(s.key()) + " of " + s.nbytes() + " bytes but "
                            + (stored == null ? "there is no entry " + entry : entry + " holds " + stored.size()));
                }
            }
            total = limit(file, total, Math.multiplyExact(resolver.values(), PER_VALUE_BYTES), maxBytes);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (StrictZip.Entry e : zip.entries()) {
            String rel = e.name().substring(prefix.length());
            if (!StrictZip.fold(rel).startsWith("code/")) {
                continue;
            }
            byte[] bytes = zip.readAll(e, MAX_TEXT);
            read.put(e.name(), bytes);
            if (rel.endsWith(".py")) {
                String source = new String(bytes, StandardCharsets.UTF_8);
                ScriptSourceDepth.check(file.toString(), e.name(), source);
                try {
                    total = MemoryLimit.add(total, Math.multiplyExact((long) bytes.length, PER_CODE_BYTE), maxBytes);
                } catch (Malformed m) {
                    throw new IllegalArgumentException(file + ": its code (" + bytes.length + " bytes in " + e.name() + " and the "
                            + "entries before it, counted " + PER_CODE_BYTE + " bytes of memory each) and " + m.getMessage(), m);
                }
                sources.put(rel, source);
            } else if (rel.endsWith(".pkl") || rel.endsWith(".debug_pkl")) {
                PickleReader reader = new PickleReader(bytes, e.name(), new ScriptPickles(e.name(), false)).keepContainers();
                reader.load();
                ScriptPickles.checkNestingOfAll(reader.containers(), e.name());
            }
        }
        if (copy != null) {
            writeCopy(zip, prefix, read, copy);
        }
        return new ScriptArchive(prefix.substring(0, prefix.length() - 1), root, sources, classes);
    }

    private static long limit(Path file, long total, long more, long maxBytes) {
        try {
            return MemoryLimit.add(total, more, maxBytes);
        } catch (Malformed m) {
            throw new IllegalArgumentException(file + ": " + m.getMessage(), m);
        }
    }

    /** The one folder every entry is in, with its slash: libtorch takes the first entry's and looks every record up in it. */
    private static String prefix(Path file, StrictZip zip) {
        String prefix = null;
        for (StrictZip.Entry e : zip.entries()) {
            int slash = e.name().indexOf('/');
            String folder = slash > 0 ? e.name().substring(0, slash + 1) : e.name();
            if (prefix == null) {
                prefix = folder;
            } else if (!prefix.equals(folder)) {
                throw new IllegalArgumentException(file + " is ambiguous: the archive holds entries in more than one top-level "
                        + "folder (" + PyValues.quote(prefix) + " and " + PyValues.quote(folder) + "); a TorchScript archive has one");
            }
        }
        if (prefix == null || !prefix.endsWith("/")) {
            throw new IllegalArgumentException(file + " is not a TorchScript file: the archive has no code/ and constants.pkl entries");
        }
        return prefix;
    }

    /** Says what a zip that is not a TorchScript program is. */
    private static void refuseOther(Path file, StrictZip zip, StrictZip.Entry data) throws IOException {
        if (data != null) {
            String text = new String(zip.readAll(data, MAX_TEXT), StandardCharsets.ISO_8859_1);
            if (text.contains("torch.nn.modules") || text.contains("__main__")) {
                throw new IllegalArgumentException(file + " holds a pickled Python module (torch.save(model)), not a TorchScript "
                        + "program; in Python save it with torch.jit.script(model).save(path), or save its weights with "
                        + "torch.save(model.state_dict(), path) and read them with Torch.load");
            }
            throw new IllegalArgumentException(file + " holds weights (a state dict written by torch.save), not a TorchScript "
                    + "program; read it with Torch.load and copy it into a model with loadStateDict");
        }
        throw new IllegalArgumentException(file + " is not a TorchScript file: the archive has no code/ and constants.pkl entries");
    }

    /** Whether {@code torch.jit.load} reads an entry of this name (below the folder), so that the copy keeps it. */
    private static boolean loaded(String rel) {
        String r = StrictZip.fold(rel);
        return r.equals("version") || r.equals("byteorder") || r.equals("data.pkl") || r.equals("constants.pkl")
                || r.startsWith(".data/") || r.startsWith("data/") || r.startsWith("constants/") || r.startsWith("code/")
                || r.startsWith("extra/");
    }

    private static void writeCopy(StrictZip zip, String prefix, Map<String, byte[]> read, Path copy) throws IOException {
        try (OutputStream file = Files.newOutputStream(copy);
                Counting counter = new Counting(new java.io.BufferedOutputStream(file, 1 << 16));
                ZipOutputStream out = new ZipOutputStream(counter, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[1 << 16];
            for (StrictZip.Entry e : zip.entries()) {
                if (!loaded(e.name().substring(prefix.length()))) {
                    continue;
                }
                out.putNextEntry(entry(e, counter.count));
                byte[] bytes = read.get(e.name());
                if (bytes != null) {
                    out.write(bytes);
                } else {
                    try (InputStream in = zip.open(e)) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            out.write(buffer, 0, n);
                        }
                    }
                }
                out.closeEntry(); // compares what was written with the declared size and CRC-32
            }
        } catch (java.util.zip.ZipException e) {
            throw new Malformed("cannot be copied: " + e.getMessage());
        }
    }

    /** A stored entry whose data starts at a multiple of 64 bytes, as PyTorch writes them (padding in an {@code FB} extra field). */
    private static ZipEntry entry(StrictZip.Entry from, long offset) {
        ZipEntry e = new ZipEntry(from.name());
        e.setMethod(ZipEntry.STORED);
        e.setSize(from.size());
        e.setCompressedSize(from.size());
        e.setCrc(from.crc());
        e.setTimeLocal(DATE);
        long header = 30 + from.name().getBytes(StandardCharsets.UTF_8).length + (from.size() >= 0xFFFFFFFFL ? 20 : 0);
        int padding = (int) Math.floorMod(-(offset + header + 4), (long) ALIGNMENT);
        byte[] extra = new byte[4 + padding];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) padding;
        extra[3] = (byte) (padding >> 8);
        e.setExtra(extra);
        return e;
    }

    /**
     * The extra file {@code name} of a TorchScript archive ({@code extra/<name>}), read through
     * the same strict zip reader, refused when it declares more than {@code maxBytes}.
     *
     * @param file the TorchScript archive
     * @param name the extra file's name, the key of {@code _extra_files}
     * @param maxBytes the most bytes the extra file may declare
     * @return the extra file as UTF-8 text, or empty when there is none
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a zip jtorch can read, is damaged,
     *     or the extra file declares more than {@code maxBytes}
     */
    public static Optional<String> extraFile(Path file, String name, long maxBytes) throws IOException {
        try (StrictZip zip = openZip(file)) {
            String prefix = prefix(file, zip);
            StrictZip.Entry e = zip.find(prefix + "extra/" + name);
            return e == null ? Optional.empty() : Optional.of(new String(zip.readAll(e, maxBytes), StandardCharsets.UTF_8));
        } catch (Malformed e) {
            throw new IllegalArgumentException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Counts the bytes written through it, to know where the next entry starts. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
