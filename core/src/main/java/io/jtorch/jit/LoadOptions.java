package io.jtorch.jit;

import io.jtorch.Device;
import io.jtorch.serialization.TorchSerialization;

/**
 * How {@link Jit#load(java.nio.file.Path, LoadOptions)} loads a TorchScript file: onto which
 * device, with how much tensor memory at most, and whether the file's code may run while it
 * loads. Mirrors the arguments of {@code torch.jit.load(f, map_location)}; the code policy has no
 * PyTorch counterpart, since {@code torch.jit.load} always runs such code.
 * <pre>{@code
 * ScriptModule m = ScriptModule.load(path, LoadOptions.defaults().trustCode());
 * }</pre>
 * Immutable: each method returns new options.
 */
public final class LoadOptions {
    private final Device device;
    private final long maxBytes;
    private final boolean trustCode;

    private LoadOptions(Device device, long maxBytes, boolean trustCode) {
        this.device = device;
        this.maxBytes = maxBytes;
        this.trustCode = trustCode;
    }

    /**
     * {@return the default options: the CPU, the default memory limit ({@link
     * TorchSerialization#defaultMaxBytes()}), and code not trusted} A file whose code would run
     * while it loads, or that calls operators reaching files or the process, is refused (see
     * {@link #trustCode()}).
     */
    public static LoadOptions defaults() {
        return new LoadOptions(Device.CPU, TorchSerialization.defaultMaxBytes(), false);
    }

    /**
     * {@return these options, loading onto {@code device}; mirrors {@code map_location}}
     *
     * @param device the device every tensor is loaded onto
     * @throws IllegalArgumentException when {@code device} is null
     */
    public LoadOptions withDevice(Device device) {
        if (device == null) {
            throw new IllegalArgumentException("device must not be null");
        }
        return new LoadOptions(device, maxBytes, trustCode);
    }

    /**
     * {@return these options, refusing a file whose tensors (storages plus a per-tensor cost)
     * need more than {@code maxBytes}}
     *
     * @param maxBytes the most bytes of tensor memory a file may need, 0 or more
     * @throws IllegalArgumentException when {@code maxBytes} is negative
     */
    public LoadOptions withMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        return new LoadOptions(device, maxBytes, trustCode);
    }

    /**
     * These options, loading files whose code runs at load time (a class's {@code __setstate__},
     * objects of C++ custom classes) or whose code calls operators that reach files or the
     * process ({@code torch.from_file}, {@code torch.save}, custom operator namespaces), as
     * {@code torch.jit.load} does. Only for files from authors you trust: TorchScript is code.
     * The archive checks (zip structure, tensor bounds, memory limit) still apply.
     *
     * @return these options, with the file's code trusted
     */
    public LoadOptions trustCode() {
        return new LoadOptions(device, maxBytes, true);
    }

    /** {@return the device tensors load onto} */
    public Device device() {
        return device;
    }

    /** {@return the most tensor memory, in bytes, the file may need} */
    public long maxBytes() {
        return maxBytes;
    }

    /** {@return whether the file's code is trusted (see {@link #trustCode()})} */
    public boolean trustsCode() {
        return trustCode;
    }

    @Override
    public String toString() {
        return "LoadOptions(device=" + device + ", maxBytes=" + maxBytes + ", trustCode=" + trustCode + ")";
    }
}
