package io.jtorch.jit;

import io.jtorch.Device;
import io.jtorch.internal.Errors;
import io.jtorch.internal.Native;
import io.jtorch.nn.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.global.torch;

/**
 * Loading TorchScript files and turning Java modules into TorchScript. Mirrors {@code torch.jit}:
 * {@code torch.jit.load(path)} is {@code Jit.load(path)}, {@code torch.jit.script(model)} is
 * {@code Jit.script(model)}.
 */
public final class Jit {
    static {
        Native.load();
    }

    private Jit() {}

    /** Loads a TorchScript file onto the CPU; mirrors {@code torch.jit.load(path)}. */
    public static ScriptModule load(Path path) throws IOException {
        return load(path, Device.CPU);
    }

    /**
     * Loads a TorchScript file onto {@code device}; mirrors {@code torch.jit.load(path, map_location)}.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws IllegalArgumentException when the file is not a TorchScript program (a weights file,
     *     a pickled Python module, a damaged or truncated file), saying which and what to do
     */
    public static ScriptModule load(Path path, Device device) throws IOException {
        return load(path, device, io.jtorch.serialization.TorchSerialization.defaultMaxBytes());
    }

    /**
     * Loads a TorchScript file onto {@code device}, allocating at most {@code maxBytes} bytes of
     * tensor memory: a file whose storages declare more is refused before libtorch reads it.
     *
     * @throws IllegalArgumentException as {@link #load(Path, Device)}, and for a file over the limit
     */
    public static ScriptModule load(Path path, Device device, long maxBytes) throws IOException {
        checkIsTorchScript(path, maxBytes);
        io.jtorch.Torch.cuda().check(device);
        try {
            JitModule m = torch.load(path.toString(), new DeviceOptional(device.toNative()), false);
            ScriptModule module = new ScriptModule(m);
            TensorChecks.checkInBounds(module, path);
            return module;
        } catch (RuntimeException e) {
            throw Errors.withContext(Errors.isNative(e) ? new IllegalArgumentException(Errors.firstLine(e.getMessage()), e) : e,
                    path + " could not be loaded as TorchScript");
        }
    }

    /**
     * A TorchScript module computing what {@code module} computes, sharing its parameters; mirrors
     * {@code torch.jit.script(model)}. Sequential, Linear, Conv2d, BatchNorm1d/2d, ReLU, GELU,
     * Dropout, Flatten, MaxPool2d, AdaptiveAvgPool2d, Identity, script modules and every module
     * implementing {@link TorchScriptable} translate, and ModuleList and ModuleDict as children of
     * a TorchScriptable module (its source calls {@code getattr(self.blocks, "0").forward(x)});
     * modules with a Java {@code forward} of their own do not, anonymous and local classes
     * included.
     *
     * @throws UnsupportedOperationException naming the first module that cannot be translated
     */
    public static ScriptModule script(Module module) {
        return Scripting.script(module);
    }

    /**
     * Reads an entry through and compares its CRC-32 with the archive's: libtorch trusts the
     * bytes it is given, and Java's ZipFile does not check stored (uncompressed) entries, which
     * is how PyTorch writes them.
     */
    private static void checkCrc(ZipFile zip, ZipEntry e, Path path) throws IOException {
        if (e.isDirectory() || e.getCrc() < 0) {
            return;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long size = 0;
        try (java.io.InputStream in = zip.getInputStream(e)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                size += n;
            }
        } catch (java.io.EOFException damaged) {
            // A damaged header can turn a stored entry into a compressed one that ends too early.
            throw new IllegalArgumentException(path + " is damaged: archive entry " + e.getName() + " cannot be read ("
                    + damaged.getMessage() + ")", damaged);
        }
        if (crc.getValue() != e.getCrc() || (e.getSize() >= 0 && size != e.getSize())) {
            throw new IllegalArgumentException(path + " is damaged: archive entry " + e.getName() + " does not match its checksum");
        }
    }

    /**
     * The extra file {@code name} stored in a TorchScript archive (see
     * {@link ScriptModule#save(Path, java.util.Map)}), or empty when there is none. Reads the
     * archive only, without loading the program.
     */
    public static java.util.Optional<String> extraFile(Path path, String name) throws IOException {
        checkIsTorchScript(path, Long.MAX_VALUE);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String n = e.getName();
                int slash = n.indexOf('/');
                if (slash > 0 && n.substring(slash + 1).equals("extra/" + name)) {
                    return java.util.Optional.of(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Throws a clear exception unless {@code path} looks like a TorchScript archive. */
    static void checkIsTorchScript(Path path, long maxBytes) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such TorchScript file");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a folder, not a TorchScript file");
        }
        if (Files.size(path) == 0) {
            throw new IllegalArgumentException(path + " is empty, not a TorchScript file");
        }
        boolean code = false;
        boolean constants = false;
        ZipEntry pickle = null;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                checkCrc(zip, e, path);
                code |= name.contains("/code/");
                constants |= name.endsWith("/constants.pkl");
                if (name.endsWith("/data.pkl") && name.indexOf('/') == name.lastIndexOf('/')) {
                    pickle = e;
                }
            }
            if (code && constants) {
                io.jtorch.serialization.ScriptArchives.checkStorages(path, maxBytes);
                return;
            }
            if (pickle != null) {
                byte[] bytes = zip.getInputStream(pickle).readAllBytes();
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                if (text.contains("torch.nn.modules") || text.contains("__main__")) {
                    throw new IllegalArgumentException(path + " holds a pickled Python module (torch.save(model)), not a TorchScript "
                            + "program; in Python save it with torch.jit.script(model).save(path), or save its weights with "
                            + "torch.save(model.state_dict(), path) and read them with Torch.load");
                }
                throw new IllegalArgumentException(path + " holds weights (a state dict written by torch.save), not a TorchScript "
                        + "program; read it with Torch.load and copy it into a model with loadStateDict");
            }
        } catch (ZipException | java.io.EOFException e) {
            // EOFException: a compressed entry that ends early ("Unexpected end of ZLIB input stream")
            throw new IllegalArgumentException(path + " is not a TorchScript file: it is not a zip archive or it is damaged ("
                    + e.getMessage() + ")", e);
        }
        throw new IllegalArgumentException(path + " is not a TorchScript file: the archive has no code/ and constants.pkl entries");
    }
}
