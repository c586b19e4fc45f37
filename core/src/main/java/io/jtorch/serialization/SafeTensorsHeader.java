package io.jtorch.serialization;

import io.jtorch.DType;
import io.jtorch.Shapes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a safetensors file, read and checked against the format's rules: an 8-byte
 * little-endian size, then that many bytes of UTF-8 JSON mapping each tensor's name to its
 * {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header),
 * plus an optional {@code __metadata__} map of strings. The tensors' byte ranges must match
 * their shapes and tile the data exactly: no gaps, no overlaps, nothing after the last one.
 * Mirrors the checks of the safetensors library's {@code Metadata::validate}.
 */
final class SafeTensorsHeader {
    /** The largest header accepted, as the safetensors library does. */
    static final long MAX_HEADER = 100_000_000;
    static final String METADATA = "__metadata__";

    /** One tensor of the file: {@code begin} and {@code end} are byte offsets into the data. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

    final List<Entry> entries;
    final Map<String, String> metadata;
    /** Where the data starts in the file: 8 plus the header size. */
    final long dataStart;

    private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata, long dataStart) {
        this.entries = entries;
        this.metadata = metadata;
        this.dataStart = dataStart;
    }

    /** The safetensors code of a dtype, e.g. {@code F32}. */
    static String code(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "F32";
            case FLOAT64: return "F64";
            case FLOAT16: return "F16";
            case BFLOAT16: return "BF16";
            case INT64: return "I64";
            case INT32: return "I32";
            case INT16: return "I16";
            case INT8: return "I8";
            case UINT8: return "U8";
            case BOOL: return "BOOL";
            default: throw new IllegalArgumentException("safetensors has no code for " + dtype);
        }
    }

    private static DType dtype(String code, String tensor) {
        for (DType d : DType.values()) {
            if (code(d).equals(code)) {
                return d;
            }
        }
        throw new Malformed("tensor " + PyValues.quote(tensor) + " has dtype " + PyValues.quote(code) + ", which jtorch does not "
                + "load (supported: F32, F64, F16, BF16, I64, I32, I16, I8, U8, BOOL)");
    }

    /** Reads and checks the header of the file open in {@code channel}. */
    static SafeTensorsHeader read(FileChannel channel) throws IOException {
        return read(channel, new LoadBudget(Long.MAX_VALUE));
    }

    /** {@link #read(FileChannel)}, counting the header's bytes and objects against {@code budget}. */
    static SafeTensorsHeader read(FileChannel channel, LoadBudget budget) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new Malformed("is " + fileSize + " bytes long, too short for a safetensors file (the header size alone takes 8)");
        }
        ByteBuffer sizeBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, sizeBytes, 0);
        long size = sizeBytes.getLong(0);
        if (size < 2 || size > MAX_HEADER || size > fileSize - 8) {
            throw new Malformed("declares a header of " + Long.toUnsignedString(size) + " bytes, but the file holds " + (fileSize - 8)
                    + " after the size field and headers are at most " + MAX_HEADER + " bytes (truncated, damaged, or not safetensors)");
        }
        budget.heap(3 * size); // the bytes, then the text
        ByteBuffer header = ByteBuffer.allocate((int) size);
        readFully(channel, header, 8);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(header.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("has a header that is not valid UTF-8");
        }
        Object json = Json.parse(text, budget);
        if (!(json instanceof Map)) {
            throw new Malformed("has a header that is not a JSON object");
        }
        return parse((Map<?, ?>) json, 8 + size, fileSize - 8 - size);
    }

    private static SafeTensorsHeader parse(Map<?, ?> json, long dataStart, long dataLength) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : json.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                metadata = metadata(e.getValue());
            } else {
                entries.add(entry(name, e.getValue()));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.begin() != expected) {
                throw new Malformed("tensor " + PyValues.quote(e.name()) + " starts at byte " + e.begin() + " of the data, expected "
                        + expected + " (tensors must tile the data without gaps or overlaps)");
            }
            expected = e.end();
        }
        if (expected != dataLength) {
            throw new Malformed("its tensors cover " + expected + " bytes of data, but the file holds " + dataLength
                    + " after the header (truncated or damaged)");
        }
        return new SafeTensorsHeader(entries, metadata, dataStart);
    }

    private static Map<String, String> metadata(Object value) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!(value instanceof Map)) {
            throw new Malformed("has a " + METADATA + " that is not a JSON object");
        }
        for (Map.Entry<?, ?> m : ((Map<?, ?>) value).entrySet()) {
            if (!(m.getValue() instanceof String)) {
                throw new Malformed("has a " + METADATA + " entry " + PyValues.quote((String) m.getKey()) + " that is not a string");
            }
            metadata.put((String) m.getKey(), (String) m.getValue());
        }
        return metadata;
    }

    private static Entry entry(String name, Object value) {
        String tensor = "tensor " + PyValues.quote(name);
        if (!(value instanceof Map)) {
            throw new Malformed(tensor + " is described by a " + PyValues.typeName(value) + ", not a JSON object");
        }
        Map<?, ?> info = (Map<?, ?>) value;
        if (!(info.get("dtype") instanceof String)) {
            throw new Malformed(tensor + " has no dtype string");
        }
        DType dtype = dtype((String) info.get("dtype"), name);
        long[] shape = naturals(info.get("shape"), tensor + " shape", -1);
        long[] offsets = naturals(info.get("data_offsets"), tensor + " data_offsets", 2);
        if (offsets[0] > offsets[1]) {
            throw new Malformed(tensor + " has data_offsets " + Shapes.format(offsets) + " that end before they begin");
        }
        long nbytes;
        try {
            nbytes = Shapes.nbytes(shape, dtype.elementSize());
        } catch (IllegalArgumentException e) { // more elements or bytes than a long counts
            throw new Malformed(tensor + " has shape " + Shapes.format(shape) + ", too many elements to address");
        }
        if (offsets[1] - offsets[0] != nbytes) {
            throw new Malformed(tensor + " of shape " + Shapes.format(shape) + " and dtype " + info.get("dtype") + " needs " + nbytes
                    + " bytes, but its data_offsets " + Shapes.format(offsets) + " span " + (offsets[1] - offsets[0]));
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    /** A JSON array of integers >= 0 (of {@code length} items unless it is -1). */
    private static long[] naturals(Object value, String what, int length) {
        if (!(value instanceof List) || length >= 0 && ((List<?>) value).size() != length || ((List<?>) value).size() > 64) {
            throw new Malformed(what + " must be an array of " + (length >= 0 ? length + " " : "") + "integers");
        }
        List<?> items = (List<?>) value;
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Long) || (Long) items.get(i) < 0) {
                throw new Malformed(what + " must hold integers >= 0, got " + PyValues.quote(String.valueOf(items.get(i))));
            }
            out[i] = (Long) items.get(i);
        }
        return out;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new Malformed("ends inside its header (truncated)");
            }
        }
    }
}
