package io.jtorch.serialization;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the zip archive {@code torch.save} writes: {@code archive/data.pkl},
 * {@code archive/byteorder}, one {@code archive/data/<key>} per storage and
 * {@code archive/version}, all stored uncompressed, with each storage's bytes starting at a
 * multiple of 64 as PyTorch aligns them (padding goes in an extra field named {@code FB}, as
 * PyTorch's writer does). Mirrors the writing half of PyTorch's {@code PyTorchStreamWriter}.
 * Entries carry a fixed date, so equal inputs give byte-identical files.
 */
final class TorchZipWriter {
    private static final String ARCHIVE = "archive/";
    private static final int ALIGNMENT = 64;
    private static final LocalDateTime DATE = LocalDateTime.of(2000, 1, 1, 0, 0);

    private TorchZipWriter() {}

    static void write(OutputStream target, byte[] pickle, List<TorchPickler.SavedStorage> storages) throws IOException {
        Counting counter = new Counting(target);
        try (ZipOutputStream zip = new ZipOutputStream(counter)) {
            bytes(zip, counter, ARCHIVE + "data.pkl", pickle);
            bytes(zip, counter, ARCHIVE + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            for (TorchPickler.SavedStorage s : storages) {
                CRC32 crc = new CRC32();
                Storages.forEachChunk(s.data(), (buffer, length) -> crc.update(buffer, 0, length));
                long size = s.data().numel() * s.dtype().elementSize();
                zip.putNextEntry(entry(ARCHIVE + "data/" + s.key(), size, crc.getValue(), counter.count));
                Storages.forEachChunk(s.data(), (buffer, length) -> zip.write(buffer, 0, length));
                zip.closeEntry();
            }
            bytes(zip, counter, ARCHIVE + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void bytes(ZipOutputStream zip, Counting counter, String name, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(data);
        zip.putNextEntry(entry(name, data.length, crc.getValue(), counter.count));
        zip.write(data);
        zip.closeEntry();
    }

    /** A stored entry whose data will start at a multiple of 64 when its local header starts at {@code offset}. */
    private static ZipEntry entry(String name, long size, long crc, long offset) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        e.setTimeLocal(DATE);
        // Local header: 30 fixed bytes, the name, then the extra fields (the JDK adds a 20-byte zip64 one for 4 GB entries).
        long header = 30 + name.getBytes(StandardCharsets.UTF_8).length + (size >= 0xFFFFFFFFL ? 20 : 0);
        int padding = (int) Math.floorMod(-(offset + header + 4), (long) ALIGNMENT);
        byte[] extra = new byte[4 + padding];
        extra[0] = 'F';
        extra[1] = 'B';
        extra[2] = (byte) padding;
        extra[3] = (byte) (padding >> 8);
        e.setExtra(extra);
        return e;
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
