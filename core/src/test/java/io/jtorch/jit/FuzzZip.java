package io.jtorch.jit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip writer in which every field of every record can be set on its own, to write the archives
 * other zip writers refuse to: local headers that disagree with the central directory (names,
 * sizes, CRC-32, method), overlapping entries, entries past the end, data descriptors, zip64
 * fields, records in another order. Used by {@link TorchScriptMutator}; a field left null is
 * written with its true value, so an unmodified spec writes a valid archive.
 */
final class FuzzZip {
    /** One entry: its name and uncompressed data, and the fields to write falsely. */
    static final class Entry {
        String name;
        byte[] data;
        boolean deflate;
        String localName;
        String centralName;
        Integer localMethod;
        Integer centralMethod;
        Long localCrc;
        Long centralCrc;
        Long localSize;
        Long centralSize;
        Long localCsize;
        Long centralCsize;
        Long centralOffset;
        int flags;
        /** Sizes and CRC-32 after the data (flag bit 3), zeros in the local header. */
        boolean descriptor;
        boolean descriptorSignature = true;
        Long descriptorCrc;
        /** Sizes (and offset) as 0xffffffff with the true values in a zip64 extra field. */
        boolean zip64;
        Long zip64Size;
        /** Bytes written after this entry's data (and descriptor), belonging to no entry. */
        byte[] gapAfter = new byte[0];

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }

        Entry copy() {
            Entry e = new Entry(name, data);
            e.deflate = deflate;
            e.flags = flags;
            return e;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    /** The order of the central directory's records (indices into entries); null: the order of entries. */
    int[] centralOrder;
    Long eocdCount;
    Long eocdDirectoryOffset;
    Long eocdDirectorySize;
    byte[] prefix = new byte[0];
    byte[] comment = new byte[0];
    byte[] trailing = new byte[0];
    /** Makes entry i's central sizes cover entry i + 1 too (overlapping entries); -1: none. */
    int overlap = -1;
    /** The written file cut to this fraction of its length; null: whole. */
    Double truncateAt;
    /** Positions (as fractions of the file's length) of bytes to invert after writing. */
    final List<Double> flips = new ArrayList<>();

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        int n = entries.size();
        long[] offsets = new long[n];
        long[] ends = new long[n];
        byte[][] stored = new byte[n][];
        long[] crcs = new long[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            CRC32 crc = new CRC32();
            crc.update(e.data);
            crcs[i] = crc.getValue();
            stored[i] = e.deflate ? deflate(e.data) : e.data;
            offsets[i] = out.size();
            byte[] name = bytes(e.localName != null ? e.localName : e.name);
            boolean z = e.zip64;
            ByteBuffer h = le(30 + name.length + (z ? 20 : 0));
            h.putInt(0x04034b50).putShort((short) (z ? 45 : 20)).putShort((short) (e.flags | (e.descriptor ? 8 : 0)))
                    .putShort((short) (int) or(e.localMethod, e.deflate ? 8 : 0)).putShort((short) 0).putShort((short) 0x2821);
            long csize = or(e.localCsize, stored[i].length);
            long size = or(e.localSize, e.data.length);
            h.putInt((int) (e.descriptor && e.localCrc == null ? 0 : or(e.localCrc, crcs[i])));
            h.putInt(e.descriptor && e.localCsize == null ? 0 : z ? -1 : (int) csize);
            h.putInt(e.descriptor && e.localSize == null ? 0 : z ? -1 : (int) size);
            h.putShort((short) name.length).putShort((short) (z ? 20 : 0)).put(name);
            if (z) {
                h.putShort((short) 1).putShort((short) 16).putLong(or(e.zip64Size, size)).putLong(csize);
            }
            out.writeBytes(h.array());
            out.writeBytes(stored[i]);
            if (e.descriptor) {
                ByteBuffer d = le((e.descriptorSignature ? 4 : 0) + 12);
                if (e.descriptorSignature) {
                    d.putInt(0x08074b50);
                }
                d.putInt((int) or(e.descriptorCrc, crcs[i])).putInt(stored[i].length).putInt(e.data.length);
                out.writeBytes(d.array());
            }
            ends[i] = out.size();
            out.writeBytes(e.gapAfter);
        }
        long directory = out.size();
        int records = 0;
        for (int k = 0; k < n; k++) {
            int i = centralOrder != null ? centralOrder[k] : k;
            Entry e = entries.get(i);
            byte[] name = bytes(e.centralName != null ? e.centralName : e.name);
            long csize = or(e.centralCsize, stored[i].length);
            long size = or(e.centralSize, e.data.length);
            if (i == overlap && i + 1 < n) {
                csize = ends[i + 1] - (ends[i] - stored[i].length);
                size = e.deflate ? size : csize;
            }
            long offset = or(e.centralOffset, offsets[i]);
            boolean z = e.zip64;
            ByteBuffer c = le(46 + name.length + (z ? 28 : 0));
            c.putInt(0x02014b50).putShort((short) (z ? 45 : 20)).putShort((short) (z ? 45 : 20))
                    .putShort((short) (e.flags | (e.descriptor ? 8 : 0))).putShort((short) (int) or(e.centralMethod, e.deflate ? 8 : 0))
                    .putShort((short) 0).putShort((short) 0x2821).putInt((int) or(e.centralCrc, crcs[i]))
                    .putInt(z ? -1 : (int) csize).putInt(z ? -1 : (int) size).putShort((short) name.length)
                    .putShort((short) (z ? 28 : 0)).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(z ? -1 : (int) offset).put(name);
            if (z) {
                c.putShort((short) 1).putShort((short) 24).putLong(or(e.zip64Size, size)).putLong(csize).putLong(offset);
            }
            out.writeBytes(c.array());
            records++;
        }
        long directorySize = out.size() - directory;
        ByteBuffer end = le(22 + comment.length);
        long count = or(eocdCount, records);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt((int) or(eocdDirectorySize, directorySize)).putInt((int) or(eocdDirectoryOffset, directory))
                .putShort((short) comment.length).put(comment);
        out.writeBytes(end.array());
        out.writeBytes(trailing);
        byte[] file = out.toByteArray();
        for (double f : flips) {
            file[(int) (f * file.length)] ^= (byte) 0xff;
        }
        return truncateAt != null ? java.util.Arrays.copyOf(file, (int) (truncateAt * file.length)) : file;
    }

    private static long or(Long value, long otherwise) {
        return value != null ? value : otherwise;
    }

    private static int or(Integer value, int otherwise) {
        return value != null ? value : otherwise;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 14];
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        return out.toByteArray();
    }
}
