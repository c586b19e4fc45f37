package io.jtorch.jit;

import io.jtorch.Device;
import io.jtorch.internal.Errors;
import io.jtorch.internal.Native;
import io.jtorch.nn.Module;
import java.io.IOException;
import io.jtorch.serialization.ScriptArchive;
import io.jtorch.serialization.ScriptArchives;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /**
     * Loads a TorchScript file onto the CPU with {@link LoadOptions#defaults()}; mirrors
     * {@code torch.jit.load(path)}, except that a file whose code would run while loading, or
     * reaches files or the process, is refused (see {@link #load(Path, LoadOptions)}).
     *
     * @param path the TorchScript file, as {@code torch.jit.save} writes it
     * @return the loaded program, on the CPU
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a TorchScript program, or is refused
     */
    public static ScriptModule load(Path path) throws IOException {
        return load(path, LoadOptions.defaults());
    }

    /**
     * Loads a TorchScript file onto {@code device}; mirrors {@code torch.jit.load(path, map_location)}.
     *
     * @param path the TorchScript file
     * @param device PyTorch's {@code map_location}: the device every tensor is loaded onto
     * @return the loaded program, on {@code device}
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a TorchScript program (a weights file,
     *     a pickled Python module, a damaged or truncated file), saying which and what to do
     */
    public static ScriptModule load(Path path, Device device) throws IOException {
        return load(path, LoadOptions.defaults().withDevice(device));
    }

    /**
     * Loads a TorchScript file onto {@code device}, allocating at most {@code maxBytes} bytes of
     * tensor memory: a file whose storages declare more is refused before libtorch reads it.
     *
     * @param path the TorchScript file
     * @param device the device every tensor is loaded onto
     * @param maxBytes the most bytes of tensor memory the file may declare, 0 or more
     * @return the loaded program, on {@code device}
     * @throws IOException as {@link #load(Path, Device)}
     * @throws IllegalArgumentException as {@link #load(Path, Device)}, and for a file over the limit
     */
    public static ScriptModule load(Path path, Device device, long maxBytes) throws IOException {
        return load(path, LoadOptions.defaults().withDevice(device).withMaxBytes(maxBytes));
    }

    /**
     * Loads a TorchScript file as {@code options} say. Before libtorch reads anything, jtorch
     * reads the archive itself (see {@link io.jtorch.serialization.ScriptArchives}): an ambiguous
     * or damaged zip, a tensor outside its storage, a file over the memory limit, and (unless
     * {@link LoadOptions#trustCode()}) code that would run while loading or reaches files or the
     * process are refused; libtorch is then given a copy of exactly the bytes that were checked.
     *
     * @param path the TorchScript file
     * @param options the device, memory limit and code policy
     * @return the loaded program, on {@code options.device()}
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException when the file, or the temporary copy handed to libtorch, cannot be
     *     read or written
     * @throws IllegalArgumentException naming the file and what was refused
     */
    public static ScriptModule load(Path path, LoadOptions options) throws IOException {
        checkIsFile(path);
        io.jtorch.Torch.cuda().check(options.device());
        Path copy = Files.createTempFile("jtorch-checked-", ".pt");
        try {
            ScriptArchive archive = ScriptArchives.check(path, options.maxBytes(), copy);
            if (!options.trustsCode()) {
                CodePolicy.check(archive, path);
            }
            JitModule m = torch.load(copy.toString(), new DeviceOptional(options.device().toNative()), false);
            ScriptModule module = new ScriptModule(m);
            TensorChecks.checkInBounds(module, path);
            return module;
        } catch (RuntimeException e) {
            throw Errors.withContext(Errors.isNative(e) ? new IllegalArgumentException(Errors.firstLine(e.getMessage()), e) : e,
                    path + " could not be loaded as TorchScript");
        } finally {
            Files.deleteIfExists(copy);
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
     * @param module the Java module to translate, with its children
     * @return the TorchScript module, sharing {@code module}'s parameters and buffers
     * @throws UnsupportedOperationException naming the first module that cannot be translated
     */
    public static ScriptModule script(Module module) {
        return Scripting.script(module);
    }

    /**
     * {@return the extra file {@code name} stored in a TorchScript archive (see {@link
     * ScriptModule#save(Path, java.util.Map)}), or empty when there is none} Reads the archive
     * only, without loading the program; mirrors {@code _extra_files} of {@code torch.jit.load}.
     *
     * @param path the TorchScript file
     * @param name the extra file's name, as given to {@code save}
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not a TorchScript archive, is damaged,
     *     or its extra file declares more than 64 MiB
     */
    public static java.util.Optional<String> extraFile(Path path, String name) throws IOException {
        checkIsFile(path);
        ScriptArchives.read(path, Long.MAX_VALUE);
        return ScriptArchives.extraFile(path, name, 64L << 20);
    }

    /** Throws a clear exception unless {@code path} is a non-empty file. */
    static void checkIsFile(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such TorchScript file");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a folder, not a TorchScript file");
        }
        // A named pipe or a device would block or never end; refused before it is opened.
        io.jtorch.serialization.InputFiles.requireRegularFile(path);
        if (Files.size(path) == 0) {
            throw new IllegalArgumentException(path + " is empty, not a TorchScript file");
        }
    }
}
