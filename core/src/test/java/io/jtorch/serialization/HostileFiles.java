package io.jtorch.serialization;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Structure-aware generators of hostile input files, one per class of attack that once made a
 * loader hang, exhaust its memory or end in the wrong error: pickle opcode floods, dict keys
 * with colliding hash codes, huge decimal integers, zip entries that inflate past their declared
 * size, floods of tensor views and of empty safetensors tensors, named pipes, image headers that
 * declare gigantic sizes, and tampered checkpoints. Each case is a file (or folder) plus the
 * loader it goes through; the same seed and index give the same case.
 *
 * <p>Sizes are drawn so that each case, before the limits existed, needed more than the 256 MB
 * heap of the fuzz JVM or more than its per-case time.
 */
final class HostileFiles {
    /** One case: {@code file} is read by {@code loader} (a name of {@link HostileFuzzMain#LOADERS}). */
    record Case(String kind, String loader, Path file) {}

    /** The kinds of case, each with the loader it targets. */
    static final List<String> KINDS = List.of("opcode-flood", "colliding-keys", "huge-decimal", "oversized-entry", "views-flood",
            "empty-safetensors", "pipe", "huge-image", "tampered-checkpoint", "extra-file");

    private final Path dir;

    HostileFiles(Path dir) {
        this.dir = dir;
    }

    /** Case {@code index} of {@code kind}, drawn from {@code random}. */
    Case make(String kind, Random random, int index) throws IOException {
        String base = String.format("%s-%05d", kind, index);
        switch (kind) {
            case "opcode-flood": return new Case(kind, "torch.load", torchZip(base, opcodeFlood(random), 16));
            case "colliding-keys": return new Case(kind, "torch.load", torchZip(base, collidingKeys(random), 16));
            case "huge-decimal": return new Case(kind, "torch.load", torchZip(base, hugeDecimal(random), 16));
            case "oversized-entry": return new Case(kind, "torch.load", oversizedEntry(base, random));
            case "views-flood": return new Case(kind, "torch.load", torchZip(base, viewsFlood(random), 4));
            case "empty-safetensors": return new Case(kind, "safetensors.load", emptySafetensors(base, random));
            case "pipe": return pipe(base, random);
            case "huge-image": return new Case(kind, "image.read", hugeImage(base, random));
            case "tampered-checkpoint": return new Case(kind, "checkpoint.restore", CheckpointTampering.write(dir, base, random));
            case "extra-file": return new Case(kind, "extra.read", extraFile(base, random));
            default: throw new IllegalArgumentException(kind);
        }
    }

    // ---------------------------------------------------------------- pickles

    /** Millions of one container- or stack-growing opcode, which compress to a few kilobytes. */
    static byte[] opcodeFlood(Random random) {
        int n = 4_000_000 + random.nextInt(8_000_000);
        int kind = random.nextInt(6);
        ByteArrayOutputStream p = new ByteArrayOutputStream(n + 16);
        p.write(0x80);
        p.write(2);
        byte[] flood = new byte[n];
        switch (kind) {
            case 0: java.util.Arrays.fill(flood, (byte) 0x8f); break; // EMPTY_SET
            case 1: java.util.Arrays.fill(flood, (byte) '}'); break; // EMPTY_DICT
            case 2: java.util.Arrays.fill(flood, (byte) ']'); break; // EMPTY_LIST
            case 3: java.util.Arrays.fill(flood, (byte) '('); break; // MARK
            case 4: p.write('N'); java.util.Arrays.fill(flood, (byte) 0x94); break; // MEMOIZE
            default: p.write(')'); java.util.Arrays.fill(flood, (byte) '2'); break; // DUP
        }
        p.writeBytes(flood);
        p.write('.');
        return p.toByteArray();
    }

    /**
     * A dict (or set) of tuple keys {@code (a, b)} whose Java hash codes are all equal:
     * {@code 31 * (31 + a) + b} is the same for every key.
     */
    static byte[] collidingKeys(Random random) {
        int n = 40_000 + random.nextInt(40_000);
        boolean set = random.nextBoolean();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        p.write(set ? 0x8f : '}');
        p.write('(');
        for (int a = 0; a < n; a++) {
            binint(p, a);
            binint(p, 31 * (n - a)); // so 31 * a + b is 31 * n for every key
            p.write(0x86); // TUPLE2
            if (!set) {
                p.write('N');
            }
        }
        p.write(set ? 0x90 : 'u'); // ADDITEMS, SETITEMS
        p.write('.');
        return p.toByteArray();
    }

    /** A protocol 0/1 decimal integer (INT or LONG) of hundreds of thousands of digits. */
    static byte[] hugeDecimal(Random random) {
        int digits = 300_000 + random.nextInt(1_500_000);
        ByteArrayOutputStream p = new ByteArrayOutputStream(digits + 8);
        p.write(random.nextBoolean() ? 'I' : 'L');
        if (random.nextBoolean()) {
            p.write('-');
        }
        for (int i = 0; i < digits; i++) {
            p.write('1' + random.nextInt(9));
        }
        p.write('\n');
        p.write('.');
        return p.toByteArray();
    }

    /** A list of hundreds of thousands of tensors, each a view of the same 4-byte storage: 5 bytes of pickle per tensor. */
    static byte[] viewsFlood(Random random) {
        int n = 400_000 + random.nextInt(2_600_000);
        ByteArrayOutputStream p = new ByteArrayOutputStream(n * 5 + 256);
        p.write(0x80);
        p.write(2);
        global(p, "torch._utils", "_rebuild_tensor_v2");
        p.writeBytes(new byte[] {'q', 0}); // BINPUT 0
        p.write('('); // the arguments: (storage, 0, (1,), (1,), False, OrderedDict())
        p.write('(');
        shortString(p, "storage");
        global(p, "torch", "FloatStorage");
        shortString(p, "0");
        shortString(p, "cpu");
        binint(p, 1);
        p.write('t');
        p.write('Q'); // BINPERSID
        binint(p, 0);
        binint(p, 1);
        p.write(0x85); // TUPLE1
        binint(p, 1);
        p.write(0x85);
        p.write(0x89); // NEWFALSE
        global(p, "collections", "OrderedDict");
        p.write(')');
        p.write('R');
        p.write('t');
        p.writeBytes(new byte[] {'q', 1}); // BINPUT 1
        p.write('0'); // POP the arguments
        p.write('0'); // POP the function
        p.write(']');
        p.write('(');
        for (int i = 0; i < n; i++) {
            p.writeBytes(new byte[] {'h', 0, 'h', 1, 'R'}); // BINGET 0, BINGET 1, REDUCE
        }
        p.write('e'); // APPENDS
        p.write('.');
        return p.toByteArray();
    }

    private static void binint(ByteArrayOutputStream p, int v) {
        p.write('J');
        p.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    private static void shortString(ByteArrayOutputStream p, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.write(0x8c);
        p.write(b.length);
        p.writeBytes(b);
    }

    private static void global(ByteArrayOutputStream p, String module, String name) {
        p.write('c');
        p.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- archives

    /** A torch.save archive holding {@code pickle} and one storage {@code archive/data/0} of {@code storageBytes} zeros. */
    private Path torchZip(String base, byte[] pickle, int storageBytes) throws IOException {
        Path file = dir.resolve(base + ".pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "archive/data.pkl", pickle);
            entry(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            entry(zip, "archive/data/0", new byte[storageBytes]);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * A torch.save archive of one 4-element float storage whose entry inflates to hundreds of
     * megabytes: its central directory declares the 16 bytes the pickle expects.
     */
    private Path oversizedEntry(String base, Random random) throws IOException {
        int actual = (300 + random.nextInt(700)) << 20;
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80);
        pickle.write(2);
        global(pickle, "torch._utils", "_rebuild_tensor_v2");
        pickle.write('(');
        pickle.write('(');
        shortString(pickle, "storage");
        global(pickle, "torch", "FloatStorage");
        shortString(pickle, "0");
        shortString(pickle, "cpu");
        binint(pickle, 4);
        pickle.write('t');
        pickle.write('Q');
        binint(pickle, 0);
        binint(pickle, 4);
        pickle.write(0x85);
        binint(pickle, 1);
        pickle.write(0x85);
        pickle.write(0x89);
        global(pickle, "collections", "OrderedDict");
        pickle.write(')');
        pickle.write('R');
        pickle.write('t');
        pickle.write('R');
        pickle.write('.');
        Path file = dir.resolve(base + ".pt");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "archive/data.pkl", pickle.toByteArray());
            zip.setLevel(Deflater.BEST_SPEED); // hundreds of megabytes to compress
            zip.putNextEntry(new ZipEntry("archive/data/0"));
            byte[] zeros = new byte[1 << 20];
            for (int done = 0; done < actual; done += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bytes = b.toByteArray();
        patchCentralSize(bytes, "archive/data/0", 16);
        Files.write(file, bytes);
        return file;
    }

    /** Sets the uncompressed size of entry {@code name} in the zip's central directory (and its data descriptor). */
    static void patchCentralSize(byte[] zip, String name, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = zip.length - 46; i >= 0; i--) {
            if (buf.getInt(i) == 0x02014b50 && (buf.getShort(i + 28) & 0xffff) == n.length
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) {
                buf.putInt(i + 24, (int) size);
                return;
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }

    /** A TorchScript-like archive whose {@code extra/jtorch.json} inflates to hundreds of megabytes. */
    private Path extraFile(String base, Random random) throws IOException {
        int actual = (300 + random.nextInt(700)) << 20;
        Path file = dir.resolve(base + ".pt");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "model/data.pkl", new byte[] {(byte) 0x80, 2, 'N', '.'});
            entry(zip, "model/code/__torch__.py", "".getBytes(StandardCharsets.US_ASCII));
            entry(zip, "model/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            zip.setLevel(Deflater.BEST_SPEED); // hundreds of megabytes to compress
            zip.putNextEntry(new ZipEntry("model/extra/jtorch.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int done = 0; done < actual; done += spaces.length) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        byte[] bytes = b.toByteArray();
        if (random.nextBoolean()) {
            patchCentralSize(bytes, "model/extra/jtorch.json", 100); // declares 100 bytes, inflates to hundreds of megabytes
        }
        Files.write(file, bytes);
        return file;
    }

    // ---------------------------------------------------------------- safetensors

    /** A safetensors file of hundreds of thousands of empty tensors: no data at all, a header of about 60 bytes per tensor. */
    private Path emptySafetensors(String base, Random random) throws IOException {
        int n = 300_000 + random.nextInt(1_300_000);
        long length = 1; // the header is written as it is counted, so that no copy of it is held
        for (int i = 0; i < n; i++) {
            length += entryJson(i).length();
        }
        Path file = dir.resolve(base + ".safetensors");
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array());
            for (int i = 0; i < n; i++) {
                out.write(entryJson(i).getBytes(StandardCharsets.US_ASCII));
            }
            out.write('}');
        }
        return file;
    }

    private static String entryJson(int i) {
        return (i == 0 ? "{" : ",") + "\"t" + i + "\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}";
    }

    // ---------------------------------------------------------------- pipes

    /** A named pipe given to one of the loaders, or placed in an image folder. */
    private Case pipe(String base, Random random) throws IOException {
        String[][] targets = {{"torch.load", ".pt"}, {"safetensors.load", ".safetensors"}, {"checkpoint.restore", ".pt"},
            {"image.read", ".png"}, {"folder.read", ""}, {"extra.read", ".pt"}};
        String[] t = targets[random.nextInt(targets.length)];
        if (t[0].equals("folder.read")) {
            Path root = Files.createDirectory(dir.resolve(base));
            for (String c : new String[] {"cat", "dog"}) {
                Path folder = Files.createDirectory(root.resolve(c));
                ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", folder.resolve("a.png").toFile());
            }
            mkfifo(root.resolve(random.nextBoolean() ? "cat/b.png" : "dog/notes"));
            return new Case("pipe", t[0], root);
        }
        Path fifo = dir.resolve(base + t[1]);
        mkfifo(fifo);
        return new Case("pipe", t[0], fifo);
    }

    /** Whether named pipes can be made here ({@code mkfifo} exists, as on Linux and macOS). */
    static boolean canMakePipes() {
        return Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo"));
    }

    static void mkfifo(Path path) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("mkfifo " + path + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // ---------------------------------------------------------------- images

    /** A small real image whose header is rewritten to declare tens of thousands of pixels on each side. */
    private Path hugeImage(String base, Random random) throws IOException {
        String[] formats = {"png", "bmp", "jpg"};
        String format = formats[random.nextInt(formats.length)];
        int w = 9000 + random.nextInt(37_001);
        int h = 9000 + random.nextInt(37_001);
        BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(small, format, b);
        byte[] bytes = b.toByteArray();
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        switch (format) {
            case "png": { // IHDR: width and height at 16 and 20, its CRC at 29 over bytes 12..28
                be.putInt(16, w).putInt(20, h);
                CRC32 crc = new CRC32();
                crc.update(bytes, 12, 17);
                be.putInt(29, (int) crc.getValue());
                break;
            }
            case "bmp": // BITMAPINFOHEADER: width at 18, height at 22, the data's size at 34 (0: computed from them)
                le.putInt(18, w).putInt(22, h).putInt(34, 0);
                break;
            default: { // JPEG: the SOF0 marker (FF C0) holds height then width, 16 bits each
                for (int i = 2; i + 9 < bytes.length; i++) {
                    if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xc0) {
                        be.putShort(i + 5, (short) Math.min(h, 65535)).putShort(i + 7, (short) Math.min(w, 65535));
                        break;
                    }
                }
            }
        }
        Path file = dir.resolve(base + "." + format);
        Files.write(file, bytes);
        return file;
    }

    /** The kinds in a fixed order, each repeated {@code perKind} times. */
    static List<String> schedule(int perKind, boolean pipes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            for (String k : KINDS) {
                if (pipes || !k.equals("pipe")) {
                    out.add(k);
                }
            }
        }
        return out;
    }
}
