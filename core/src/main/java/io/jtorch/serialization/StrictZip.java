package io.jtorch.serialization;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zip reader that accepts only archives every zip reader reads the same way: the end record
 * at the end of the file, a central directory right before it, entries that tile the file from
 * byte 0 to the directory (no data outside them), local headers that agree with the directory,
 * names that are unique even ignoring ASCII case (libtorch's miniz looks names up
 * case-insensitively, Java's reader by exact name), stored or deflated data, and entries that
 * hold exactly their declared size and CRC-32, checked while they are read (an entry that
 * inflates past its declared size is stopped there).
 */
final class StrictZip implements Closeable {
    /** One entry of the central directory. */
    record Entry(String name, long headerOffset, long dataOffset, long compressedSize, long size, long crc, int method) {}

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final long MAX_DIRECTORY = 64L << 20;

    private final FileChannel channel;
    private final List<Entry> entries;
    private final Map<String, Entry> byFoldedName = new HashMap<>();

    private StrictZip(FileChannel channel, List<Entry> entries) {
        this.channel = channel;
        this.entries = Collections.unmodifiableList(entries);
        for (Entry e : entries) {
            byFoldedName.put(fold(e.name), e);
        }
    }

    /**
     * Opens and checks {@code file}'s structure (not yet its contents).
     *
     * @throws Malformed naming the first thing that is not as required
     */
    static StrictZip open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new StrictZip(channel, parse(channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The entries in the order of the central directory. */
    List<Entry> entries() {
        return entries;
    }

    /** The entry called {@code name}, ignoring ASCII case as libtorch does, or null. */
    Entry find(String name) {
        return byFoldedName.get(fold(name));
    }

    /** {@code name} as miniz compares names: ASCII letters lower-cased, other characters kept. */
    static String fold(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /**
     * The entry's contents. The stream ends at the declared size; it throws {@link Malformed} when
     * the data ends early, inflates to more, or does not match the CRC-32 (checked at the end).
     */
    InputStream open(Entry e) {
        return new EntryStream(channel, e);
    }

    /** The whole entry, refused before reading when it declares more than {@code limit} bytes. */
    byte[] readAll(Entry e, long limit) throws IOException {
        if (e.size > limit) {
            throw new Malformed(e.name + " declares " + e.size + " bytes, more than the limit of " + limit + " for this entry");
        }
        try (InputStream in = open(e)) {
            byte[] data = in.readNBytes((int) e.size);
            if (in.read() != -1) {
                throw new AssertionError("EntryStream ends at the declared size");
            }
            return data;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---------------------------------------------------------------- parsing

    private static List<Entry> parse(FileChannel channel) throws IOException {
        long fileSize = channel.size();
        long eocd = findEnd(channel, fileSize);
        ByteBuffer end = read(channel, eocd, 22);
        long count = end.getShort(10) & 0xffff;
        long directorySize = end.getInt(12) & 0xffffffffL;
        long directoryOffset = end.getInt(16) & 0xffffffffL;
        if (end.getShort(4) != 0 || end.getShort(6) != 0 || end.getShort(8) != end.getShort(10)) {
            throw new Malformed("is a multi-disk zip archive");
        }
        long directoryEnd = eocd;
        boolean locator = eocd >= 20 && read(channel, eocd - 20, 4).getInt(0) == ZIP64_LOCATOR;
        if (locator || count == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
            if (!locator) {
                throw new Malformed("has a zip64 end record without its locator");
            }
            long record = read(channel, eocd - 20, 20).getLong(8);
            ByteBuffer z = record >= 0 && record + 56 <= eocd - 20 ? read(channel, record, 56) : null;
            if (z == null || z.getInt(0) != ZIP64_EOCD || record + 12 + z.getLong(4) != eocd - 20) {
                throw new Malformed("has a damaged zip64 end record");
            }
            count = z.getLong(32);
            directorySize = z.getLong(40);
            directoryOffset = z.getLong(48);
            directoryEnd = record;
        }
        if (directoryOffset < 0 || directorySize < 0 || directorySize > MAX_DIRECTORY || count > directorySize / 46
                || directoryOffset + directorySize != directoryEnd) {
            throw new Malformed("has a central directory that does not end where the end record starts (data between them, "
                    + "or a damaged directory)");
        }
        ByteBuffer dir = read(channel, directoryOffset, (int) directorySize);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> folded = new HashMap<>();
        int p = 0;
        for (long i = 0; i < count; i++) {
            Entry e = central(channel, dir, p, fileSize);
            p += 46 + (dir.getShort(p + 28) & 0xffff) + (dir.getShort(p + 30) & 0xffff) + (dir.getShort(p + 32) & 0xffff);
            String clash = folded.putIfAbsent(fold(e.name), e.name);
            if (clash != null) {
                throw new Malformed(clash.equals(e.name) ? "holds two entries named " + PyValues.quote(e.name)
                        : "holds entries " + PyValues.quote(clash) + " and " + PyValues.quote(e.name)
                        + ", whose names differ only in case (libtorch would read either)");
            }
            entries.add(e);
        }
        if (p != directorySize) {
            throw new Malformed("has " + (directorySize - p) + " bytes in its central directory that belong to no entry");
        }
        checkTiling(channel, entries, directoryOffset);
        return entries;
    }

    /** The end record: the last one in the file, which must end exactly at the end of the file. */
    private static long findEnd(FileChannel channel, long fileSize) throws IOException {
        int tail = (int) Math.min(fileSize, 22 + 0xffff);
        if (tail < 22) {
            throw new Malformed("is too short to be a zip archive");
        }
        ByteBuffer b = read(channel, fileSize - tail, tail);
        for (int i = tail - 22; i >= 0; i--) {
            if (b.getInt(i) == EOCD) {
                if (i + 22 + (b.getShort(i + 20) & 0xffff) != tail) {
                    throw new Malformed("has " + (tail - i - 22) + " bytes after its end record that its comment does not cover");
                }
                return fileSize - tail + i;
            }
        }
        throw new Malformed("has no zip end record (truncated, or not a zip archive)");
    }

    private static Entry central(FileChannel channel, ByteBuffer dir, int p, long fileSize) throws IOException {
        if (p + 46 > dir.limit() || dir.getInt(p) != CENTRAL) {
            throw new Malformed("has a damaged central directory");
        }
        int flags = dir.getShort(p + 8) & 0xffff;
        int method = dir.getShort(p + 10) & 0xffff;
        long crc = dir.getInt(p + 16) & 0xffffffffL;
        long csize = dir.getInt(p + 20) & 0xffffffffL;
        long size = dir.getInt(p + 24) & 0xffffffffL;
        int nameLength = dir.getShort(p + 28) & 0xffff;
        int extraLength = dir.getShort(p + 30) & 0xffff;
        int commentLength = dir.getShort(p + 32) & 0xffff;
        long offset = dir.getInt(p + 42) & 0xffffffffL;
        if (p + 46 + nameLength + extraLength + commentLength > dir.limit()) {
            throw new Malformed("has a damaged central directory");
        }
        String name = name(dir, p + 46, nameLength, flags);
        long[] big = {size, csize, offset};
        zip64(dir, p + 46 + nameLength, extraLength, big, name);
        size = big[0];
        csize = big[1];
        offset = big[2];
        if ((flags & 1) != 0 || method != 0 && method != 8 || (dir.getShort(p + 34) & 0xffff) != 0) {
            throw new Malformed("entry " + PyValues.quote(name) + " is encrypted, on another disk or compressed with method "
                    + method + " (only stored and deflated entries are read)");
        }
        if (method == 0 && csize != size || size < 0 || csize < 0 || offset < 0 || offset > fileSize) {
            throw new Malformed("entry " + PyValues.quote(name) + " declares inconsistent sizes (" + csize + " stored, " + size + ")");
        }
        ByteBuffer local = offset + 30 <= fileSize ? read(channel, offset, 30) : null;
        if (local == null || local.getInt(0) != LOCAL || (local.getShort(8) & 0xffff) != method
                || (local.getShort(26) & 0xffff) != nameLength) {
            throw new Malformed("entry " + PyValues.quote(name) + " has a local header that does not match the central directory");
        }
        int localFlags = local.getShort(6) & 0xffff;
        boolean descriptor = (localFlags & 8) != 0;
        long localCrc = local.getInt(14) & 0xffffffffL;
        long localCsize = local.getInt(18) & 0xffffffffL;
        long localSize = local.getInt(22) & 0xffffffffL;
        boolean sizesAgree = localCrc == crc && (localCsize == csize || localCsize == 0xffffffffL)
                && (localSize == size || localSize == 0xffffffffL);
        boolean deferred = descriptor && localCrc == 0 && localCsize == 0 && localSize == 0;
        String localName = offset + 30 + nameLength <= fileSize ? name(read(channel, offset + 30, nameLength), 0, nameLength, localFlags) : "";
        if (!localName.equals(name) || !(sizesAgree || deferred)) {
            throw new Malformed("entry " + PyValues.quote(name) + " has a local header that does not match the central directory"
                    + " (name " + PyValues.quote(localName) + ", or its sizes or CRC)");
        }
        long data = offset + 30 + nameLength + (local.getShort(28) & 0xffff);
        if (data + csize > fileSize || data + csize < 0) {
            throw new Malformed("entry " + PyValues.quote(name) + " declares " + csize + " bytes, more than the file holds");
        }
        return new Entry(name, offset, data, csize, size, crc, method | (descriptor ? 0x10000 : 0));
    }

    private static String name(ByteBuffer b, int at, int length, int flags) throws Malformed {
        byte[] raw = new byte[length];
        b.get(at, raw);
        String name = new String(raw, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.startsWith("/")
                || (flags & 0x800) != 0 && !java.util.Arrays.equals(name.getBytes(StandardCharsets.UTF_8), raw)) {
            throw new Malformed("has an entry with an invalid name " + PyValues.quote(name));
        }
        return name;
    }

    /** Replaces the 0xffffffff values in {@code big} (size, compressed size, offset) from the zip64 extra field. */
    private static void zip64(ByteBuffer dir, int at, int length, long[] big, String name) throws Malformed {
        int end = at + length;
        while (at + 4 <= end) {
            int id = dir.getShort(at) & 0xffff;
            int size = dir.getShort(at + 2) & 0xffff;
            if (at + 4 + size > end) {
                break;
            }
            if (id == 1) {
                int q = at + 4;
                for (int i = 0; i < 3; i++) {
                    if (big[i] == 0xffffffffL) {
                        if (q + 8 > at + 4 + size) {
                            throw new Malformed("entry " + PyValues.quote(name) + " has a short zip64 field");
                        }
                        big[i] = dir.getLong(q);
                        q += 8;
                    }
                }
            }
            at += 4 + size;
        }
    }

    /** Every byte from 0 to the directory belongs to exactly one entry's header, data or descriptor. */
    private static void checkTiling(FileChannel channel, List<Entry> entries, long directoryOffset) throws IOException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::headerOffset));
        long at = 0;
        for (Entry e : sorted) {
            if (e.headerOffset != at) {
                throw new Malformed((e.headerOffset < at ? "has overlapping entries at " : "has " + (e.headerOffset - at)
                        + " bytes outside any entry before ") + PyValues.quote(e.name));
            }
            at = e.dataOffset + e.compressedSize;
            if ((e.method & 0x10000) != 0) {
                boolean signed = at + 4 <= directoryOffset && read(channel, at, 4).getInt(0) == DESCRIPTOR;
                boolean wide = e.size >= 0xffffffffL || e.compressedSize >= 0xffffffffL;
                int length = (signed ? 4 : 0) + 4 + (wide ? 16 : 8);
                ByteBuffer d = at + length <= directoryOffset ? read(channel, at + (signed ? 4 : 0), length - (signed ? 4 : 0)) : null;
                if (d == null || (d.getInt(0) & 0xffffffffL) != e.crc
                        || (wide ? d.getLong(4) != e.compressedSize || d.getLong(12) != e.size
                                : (d.getInt(4) & 0xffffffffL) != e.compressedSize || (d.getInt(8) & 0xffffffffL) != e.size)) {
                    throw new Malformed("entry " + PyValues.quote(e.name) + " has a data descriptor that does not match the directory");
                }
                at += length;
            }
        }
        if (at != directoryOffset) {
            throw new Malformed("has " + (directoryOffset - at) + " bytes between its last entry and its central directory");
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw new Malformed("ends early (truncated)");
            }
        }
        return b.flip();
    }

    /** An entry's bytes, inflated when deflated, ending at the declared size and checked against it and the CRC-32. */
    private static final class EntryStream extends InputStream {
        private final FileChannel channel;
        private final Entry entry;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private final ByteBuffer raw = ByteBuffer.allocate(1 << 16);
        private long rawRead;
        private long produced;
        private boolean checked;

        EntryStream(FileChannel channel, Entry entry) {
            this.channel = channel;
            this.entry = entry;
            this.inflater = (entry.method & 0xffff) == 8 ? new Inflater(true) : null;
            raw.limit(0);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (produced == entry.size) {
                finish();
                return -1;
            }
            int want = (int) Math.min(len, entry.size - produced);
            int n = inflater == null ? readRaw(b, off, want) : inflate(b, off, want);
            crc.update(b, off, n);
            produced += n;
            return n;
        }

        private boolean fill() throws IOException {
            if (rawRead == entry.compressedSize) {
                return false;
            }
            raw.clear().limit((int) Math.min(raw.capacity(), entry.compressedSize - rawRead));
            while (raw.hasRemaining()) {
                if (channel.read(raw, entry.dataOffset + rawRead + raw.position()) < 0) {
                    throw new Malformed(entry.name + " ends early (truncated)");
                }
            }
            rawRead += raw.position();
            raw.flip();
            return true;
        }

        private int readRaw(byte[] b, int off, int len) throws IOException {
            if (!raw.hasRemaining() && !fill()) {
                throw new Malformed(entry.name + " ends after " + produced + " of its " + entry.size + " bytes");
            }
            int n = Math.min(len, raw.remaining());
            raw.get(b, off, n);
            return n;
        }

        private int inflate(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished() || inflater.needsDictionary()) {
                        throw new Malformed(entry.name + " inflates to " + produced + " bytes, not its declared " + entry.size);
                    }
                    if (inflater.needsInput()) {
                        if (!fill()) {
                            throw new Malformed(entry.name + " ends after " + produced + " of its " + entry.size + " bytes");
                        }
                        inflater.setInput(raw);
                    }
                }
            } catch (DataFormatException e) {
                throw new Malformed(entry.name + " is damaged: " + e.getMessage());
            }
        }

        /** At the declared size: no more data, all of the stored bytes used, and the CRC-32 as declared. */
        private void finish() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            if (inflater != null) {
                byte[] probe = new byte[1];
                try {
                    while (!inflater.finished()) {
                        if (inflater.inflate(probe) > 0) {
                            throw new Malformed(entry.name + " inflates to more than its declared " + entry.size + " bytes");
                        }
                        if (inflater.needsInput()) {
                            if (!fill()) {
                                break;
                            }
                            inflater.setInput(raw);
                        } else if (inflater.needsDictionary()) {
                            break;
                        }
                    }
                } catch (DataFormatException e) {
                    throw new Malformed(entry.name + " is damaged: " + e.getMessage());
                }
                if (!inflater.finished() || inflater.getRemaining() > 0 || rawRead != entry.compressedSize) {
                    throw new Malformed(entry.name + " does not end its compressed data where its declared "
                            + entry.compressedSize + " bytes end");
                }
            } else if (raw.hasRemaining() || rawRead != entry.compressedSize) {
                throw new AssertionError("stored entries are read to their size");
            }
            if (crc.getValue() != entry.crc) {
                throw new Malformed(entry.name + " is damaged: its CRC-32 does not match its contents");
            }
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StrictZip(%d entries)", entries.size());
    }
}
