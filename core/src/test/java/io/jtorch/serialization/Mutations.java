package io.jtorch.serialization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Damaged versions of weights files, for SerializationFuzzTest: bit flips and truncations of the
 * raw file; zip archives rebuilt with entries renamed, dropped or resized; pickles with opcodes
 * deleted, swapped, replaced or duplicated and with their integers (sizes, strides, offsets,
 * element counts) changed to other, extreme or huge values, re-zipped with valid CRCs so the
 * damage reaches the unpickler; safetensors headers with numbers, sizes and dtypes changed.
 * The same seed gives the same files.
 */
final class Mutations {
    private static final byte[] OPCODES = "(.0)12NKMJGXacbehjqrstu}]lQRd".getBytes(StandardCharsets.US_ASCII);

    private final Random random;
    private final Path out;
    private int count;

    Mutations(long seed, Path out) {
        this.random = new Random(seed);
        this.out = out;
    }

    /** How many files have been written. */
    int count() {
        return count;
    }

    // ---------------------------------------------------------------- any file

    void bitFlips(Path seed, int cases) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        for (int i = 0; i < cases; i++) {
            byte[] b = original.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            write(seed, "flip", b);
        }
    }

    void truncations(Path seed, int cases) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        for (int i = 0; i < cases; i++) {
            int at = i < cases / 2 ? (int) ((long) original.length * i / (cases / 2)) : random.nextInt(original.length);
            write(seed, "cut" + at, Arrays.copyOf(original, at));
        }
    }

    // ---------------------------------------------------------------- zip archives

    void zipEntries(Path seed) throws IOException {
        Map<String, byte[]> entries = readZip(seed);
        List<String> names = new ArrayList<>(entries.keySet());
        for (String name : names) {
            Map<String, byte[]> renamed = rename(entries, name, name + "x");
            writeZip(seed, "rename", renamed);
            Map<String, byte[]> dropped = new LinkedHashMap<>(entries);
            dropped.remove(name);
            writeZip(seed, "drop", dropped);
            Map<String, byte[]> moved = rename(entries, name, "other/" + name.substring(name.indexOf('/') + 1));
            writeZip(seed, "move", moved);
            if (name.contains("/data/")) {
                byte[] data = entries.get(name);
                for (int delta : new int[] {-1, 1, -data.length, 4096}) {
                    Map<String, byte[]> resized = new LinkedHashMap<>(entries);
                    resized.put(name, Arrays.copyOf(data, Math.max(0, data.length + delta)));
                    writeZip(seed, "resize", resized);
                }
            }
        }
    }

    void pickleOpcodes(Path seed, int cases) throws IOException {
        Map<String, byte[]> entries = readZip(seed);
        String pkl = pickleName(entries);
        byte[] pickle = entries.get(pkl);
        List<int[]> ops = scan(pickle);
        for (int i = 0; i < cases; i++) {
            int[] op = ops.get(random.nextInt(ops.size()));
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            switch (i % 4) {
                case 0: // delete
                    b.write(pickle, 0, op[0]);
                    b.write(pickle, op[0] + op[1], pickle.length - op[0] - op[1]);
                    break;
                case 1: { // swap with the next opcode
                    int[] next = ops.get(Math.min(ops.indexOf(op) + 1, ops.size() - 1));
                    b.write(pickle, 0, op[0]);
                    b.write(pickle, next[0], next[1]);
                    b.write(pickle, op[0], op[1]);
                    int after = next[0] + next[1];
                    b.write(pickle, after, pickle.length - after);
                    if (next == op) {
                        b.reset();
                        b.write(pickle, 0, pickle.length);
                    }
                    break;
                }
                case 2: // replace the opcode byte, keep its argument bytes
                    b.write(pickle, 0, pickle.length);
                    byte[] replaced = b.toByteArray();
                    replaced[op[0]] = OPCODES[random.nextInt(OPCODES.length)];
                    b.reset();
                    b.write(replaced, 0, replaced.length);
                    break;
                default: // duplicate
                    b.write(pickle, 0, op[0] + op[1]);
                    b.write(pickle, op[0], pickle.length - op[0]);
                    break;
            }
            writeZip(seed, "op", replace(entries, pkl, b.toByteArray()));
        }
    }

    /** Changes the integers of the pickle (BININT1/2, BININT): sizes, strides, offsets, element counts. */
    void pickleIntegers(Path seed, int cases) throws IOException {
        Map<String, byte[]> entries = readZip(seed);
        String pkl = pickleName(entries);
        byte[] pickle = entries.get(pkl);
        List<int[]> ints = new ArrayList<>();
        for (int[] op : scan(pickle)) {
            if (pickle[op[0]] == 'K' || pickle[op[0]] == 'M' || pickle[op[0]] == 'J') {
                ints.add(op);
            }
        }
        long[] extremes = {0, 1, 2, 255, 65535, Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};
        for (int i = 0; i < cases; i++) {
            int[] op = ints.get(random.nextInt(ints.size()));
            long value = i % 2 == 0 ? extremes[random.nextInt(extremes.length)] : random.nextInt(64);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(pickle, 0, op[0]);
            PickleWriter w = new PickleWriter();
            w.integer(value);
            byte[] encoded = w.toByteArray();
            b.write(encoded, 0, encoded.length);
            b.write(pickle, op[0] + op[1], pickle.length - op[0] - op[1]);
            writeZip(seed, "int", replace(entries, pkl, b.toByteArray()));
        }
    }

    /** Random bytes written over part of the pickle, re-zipped with a valid CRC. */
    void pickleGarbage(Path seed, int cases) throws IOException {
        Map<String, byte[]> entries = readZip(seed);
        String pkl = pickleName(entries);
        for (int i = 0; i < cases; i++) {
            byte[] pickle = entries.get(pkl).clone();
            int at = random.nextInt(pickle.length);
            for (int j = at; j < Math.min(pickle.length, at + 1 + random.nextInt(8)); j++) {
                pickle[j] = (byte) random.nextInt(256);
            }
            writeZip(seed, "garbage", replace(entries, pkl, pickle));
        }
    }

    // ---------------------------------------------------------------- safetensors

    /** Changes digits, the header size field and dtype codes of a safetensors file. */
    void safetensorsHeader(Path seed, int cases) throws IOException {
        byte[] original = Files.readAllBytes(seed);
        int headerSize = (int) ByteBuffer.wrap(original, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        List<Integer> digits = new ArrayList<>();
        for (int i = 8; i < 8 + headerSize; i++) {
            if (Character.isDigit(original[i])) {
                digits.add(i);
            }
        }
        for (int i = 0; i < cases; i++) {
            byte[] b = original.clone();
            int at = digits.get(random.nextInt(digits.size()));
            b[at] = (byte) ('0' + random.nextInt(10));
            write(seed, "digit", b);
        }
        long[] sizes = {0, 1, headerSize - 1, headerSize + 1, headerSize + 8, Long.MAX_VALUE, -1, 100_000_001, original.length};
        for (long size : sizes) {
            byte[] b = original.clone();
            ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(size);
            write(seed, "size", b);
        }
        String header = new String(original, 8, headerSize, StandardCharsets.UTF_8);
        for (String[] swap : new String[][] {{"F32", "F64"}, {"F32", "U16"}, {"BF16", "F16"}, {"I64", "I8"}, {"BOOL", "XXXX"},
                {"U8", "I8"}, {"\"shape\":[3,2]", "\"shape\":[2,2]"}, {"[0,", "[-1,"}, {"{", "["}, {"\"", "'"}}) {
            String mutated = header.replace(swap[0], swap[1]);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] json = mutated.getBytes(StandardCharsets.UTF_8);
            b.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array(), 0, 8);
            b.write(json, 0, json.length);
            b.write(original, 8 + headerSize, original.length - 8 - headerSize);
            write(seed, "header", b.toByteArray());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Opcode positions and lengths {start, length} of a pickle, for the opcodes torch.save writes. */
    static List<int[]> scan(byte[] p) {
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        while (i < p.length) {
            int op = p[i] & 0xff;
            int len;
            switch (op) {
                case 0x80: case 'K': case 'q': case 'h': len = 2; break;
                case 'M': len = 3; break;
                case 'J': case 'r': case 'j': len = 5; break;
                case 'G': len = 9; break;
                case 0x95: len = 9; break;
                case 0x8a: len = 2 + (p[i + 1] & 0xff); break;
                case 0x8c: len = 2 + (p[i + 1] & 0xff); break;
                case 'X': len = 5 + ByteBuffer.wrap(p, i + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(); break;
                case 'c': len = lineEnd(p, lineEnd(p, i + 1) + 1) + 1 - i; break;
                case 'I': len = lineEnd(p, i + 1) + 1 - i; break;
                default: len = 1;
            }
            ops.add(new int[] {i, len});
            i += len;
        }
        return ops;
    }

    private static int lineEnd(byte[] p, int from) {
        int i = from;
        while (p[i] != '\n') {
            i++;
        }
        return i;
    }

    private static String pickleName(Map<String, byte[]> entries) {
        for (String name : entries.keySet()) {
            if (name.endsWith("/data.pkl")) {
                return name;
            }
        }
        throw new IllegalArgumentException("no data.pkl");
    }

    private static Map<String, byte[]> rename(Map<String, byte[]> entries, String from, String to) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k.equals(from) ? to : k, v));
        return out;
    }

    private static Map<String, byte[]> replace(Map<String, byte[]> entries, String name, byte[] data) {
        Map<String, byte[]> out = new LinkedHashMap<>(entries);
        out.put(name, data);
        return out;
    }

    static Map<String, byte[]> readZip(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return entries;
    }

    private void writeZip(Path seed, String kind, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        write(seed, kind, b.toByteArray());
    }

    private void write(Path seed, String kind, byte[] bytes) throws IOException {
        String name = String.format("%04d-%s-%s", count++, kind, seed.getFileName());
        Files.write(out.resolve(name), bytes);
    }
}
