package io.jtorch.serialization;

import io.jtorch.Device;
import io.jtorch.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes safetensors files, the weights format of the Hugging Face Hub. Mirrors
 * {@code safetensors.torch.load_file}, {@code safetensors.torch.save_file} and
 * {@code safe_open(path).metadata()}.
 *
 * <pre>{@code
 * Map<String, Tensor> weights = SafeTensors.load(Path.of("model.safetensors"));
 * SafeTensors.save(model.stateDict(), Path.of("finetuned.safetensors"), Map.of("format", "pt"));
 * }</pre>
 *
 * <p>The format: an 8-byte little-endian header size, a JSON header naming each tensor's dtype
 * ({@code F32 F64 F16 BF16 I64 I32 I16 I8 U8 BOOL} are supported), shape and byte range, then the
 * raw little-endian data. Every rule of the format is checked before any tensor memory is
 * allocated, and the memory limit counts the header's objects and a cost per tensor as well as
 * the data (so a file of a million empty tensors is refused like one of a million full ones); a file that breaks one, or that is not a safetensors file at all, throws
 * {@link SerializationException} naming the file. A missing file throws
 * {@link java.nio.file.NoSuchFileException}.
 */
public final class SafeTensors {
    private SafeTensors() {}

    /**
     * {@return the tensors of {@code path} by name, in the header's order; mirrors {@code
     * safetensors.torch.load_file(path)}} Allocates at most {@link
     * TorchSerialization#defaultMaxBytes()}.
     *
     * @param path the safetensors file
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws SerializationException if it is not a valid safetensors file, or is over the memory
     *     limit
     * @throws IOException if the file cannot be read
     */
    public static Map<String, Tensor> load(Path path) throws IOException {
        return load(path, MemoryLimit.defaultMaxBytes());
    }

    /**
     * {@return the tensors of {@code path} by name, in the header's order, allocating at most
     * {@code maxBytes} bytes} A file with more data is refused before anything is allocated (see
     * {@link TorchSerialization#defaultMaxBytes()}).
     *
     * @param path the safetensors file
     * @param maxBytes the most bytes the header and tensors may need
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws SerializationException if it is not a valid safetensors file, or needs more than
     *     {@code maxBytes}
     * @throws IOException if the file cannot be read
     */
    public static Map<String, Tensor> load(Path path, long maxBytes) throws IOException {
        InputFiles.requireRegularFile(path);
        LoadBudget budget = new LoadBudget(maxBytes);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            SafeTensorsHeader header = header(path, channel, budget);
            for (SafeTensorsHeader.Entry e : header.entries) {
                budget.memory(e.end() - e.begin());
                budget.tensor();
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            InputStream in = Channels.newInputStream(channel); // not closed here: closing it would close the channel
            for (SafeTensorsHeader.Entry e : header.entries) {
                channel.position(header.dataStart + e.begin());
                long numel = (e.end() - e.begin()) / e.dtype().elementSize();
                Tensor flat = Storages.read(in, e.dtype(), numel, ByteOrder.LITTLE_ENDIAN, "tensor " + PyValues.quote(e.name()));
                out.put(e.name(), flat.reshape(e.shape()));
            }
            return out;
        } catch (OutOfMemoryError e) { // what the budget did not foresee; everything the load built is garbage now
            throw InputFiles.outOfMemory(path, e);
        } catch (Malformed e) {
            throw new SerializationException(path, e.getMessage(), e.getCause());
        }
    }

    /**
     * {@return the {@code __metadata__} strings of {@code path}'s header (empty when it has
     * none); mirrors {@code safe_open(path).metadata()}} Reads the header only.
     *
     * @param path the safetensors file
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws SerializationException if its header is not a valid safetensors header
     * @throws IOException if the file cannot be read
     */
    public static Map<String, String> metadata(Path path) throws IOException {
        InputFiles.requireRegularFile(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return header(path, channel, new LoadBudget(MemoryLimit.defaultMaxBytes())).metadata;
        } catch (Malformed e) {
            throw new SerializationException(path, e.getMessage(), e.getCause());
        }
    }

    /**
     * Writes {@code tensors} to {@code path}, without metadata; mirrors {@code
     * safetensors.torch.save_file(tensors, path)}. The file is replaced atomically.
     *
     * @param tensors the tensors by name, such as {@code model.stateDict()}; copied to the CPU
     *     when elsewhere
     * @param path the file to write
     * @throws IllegalArgumentException for a name that is empty or {@code __metadata__}
     * @throws IOException if the file cannot be written
     */
    public static void save(Map<String, ? extends Tensor> tensors, Path path) throws IOException {
        save(tensors, path, null);
    }

    /**
     * Writes {@code tensors} and the {@code metadata} strings (may be {@code null}) to
     * {@code path}; mirrors {@code safetensors.torch.save_file(tensors, path, metadata)}. The
     * header lists tensors in the map's order; their data is laid out largest element size first,
     * so that every tensor starts at a multiple of its element size, as the safetensors library
     * does. The file is replaced atomically (see {@link AtomicFiles}).
     *
     * @param tensors the tensors by name, such as {@code model.stateDict()}; copied to the CPU
     *     when elsewhere
     * @param path the file to write
     * @param metadata the header's {@code __metadata__} strings, or {@code null} for none
     * @throws IllegalArgumentException for a name that is empty or {@code __metadata__}
     * @throws IOException if the file cannot be written
     */
    public static void save(Map<String, ? extends Tensor> tensors, Path path, Map<String, String> metadata) throws IOException {
        List<String> names = new ArrayList<>(tensors.keySet());
        Map<String, Tensor> data = new LinkedHashMap<>();
        for (String name : names) {
            if (name == null || name.isEmpty() || name.equals(SafeTensorsHeader.METADATA)) {
                throw new IllegalArgumentException("cannot save a tensor named " + (name == null ? "null" : PyValues.quote(name))
                        + " in a safetensors file");
            }
            Tensor t = tensors.get(name);
            data.put(name, (t.device().isCpu() ? t : t.to(Device.CPU)).detach().contiguous());
        }
        List<String> layout = new ArrayList<>(names);
        layout.sort(Comparator.comparingInt(n -> -data.get(n).dtype().elementSize()));
        Map<String, long[]> offsets = new LinkedHashMap<>();
        long offset = 0;
        for (String name : layout) {
            long nbytes = data.get(name).numel() * data.get(name).dtype().elementSize();
            offsets.put(name, new long[] {offset, offset + nbytes});
            offset += nbytes;
        }
        byte[] header = headerJson(names, data, offsets, metadata);
        AtomicFiles.write(path, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (String name : layout) {
                Storages.forEachChunk(data.get(name), (buffer, length) -> out.write(buffer, 0, length));
            }
        });
    }

    private static byte[] headerJson(List<String> names, Map<String, Tensor> data, Map<String, long[]> offsets, Map<String, String> metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (metadata != null) {
            json.put(SafeTensorsHeader.METADATA, new LinkedHashMap<String, Object>(metadata));
        }
        for (String name : names) {
            Tensor t = data.get(name);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", SafeTensorsHeader.code(t.dtype()));
            info.put("shape", longs(t.shape()));
            info.put("data_offsets", longs(offsets.get(name)));
            json.put(name, info);
        }
        byte[] text = Json.write(json).getBytes(StandardCharsets.UTF_8);
        int padding = Math.floorMod(-(8 + text.length), 8);
        byte[] padded = new byte[text.length + padding];
        System.arraycopy(text, 0, padded, 0, text.length);
        java.util.Arrays.fill(padded, text.length, padded.length, (byte) ' ');
        return padded;
    }

    private static List<Object> longs(long[] values) {
        List<Object> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    private static SafeTensorsHeader header(Path path, FileChannel channel, LoadBudget budget) throws IOException {
        try {
            return SafeTensorsHeader.read(channel, budget);
        } catch (Malformed e) {
            byte[] head = FileSniffer.head(path);
            if (head.length == 0 || FileSniffer.isZip(head) || FileSniffer.isLegacyPickle(head)) {
                throw new SerializationException(path, FileSniffer.describe(head, "a safetensors file"), e);
            }
            throw e;
        }
    }
}
