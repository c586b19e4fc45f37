package io.jtorch;

import java.util.Objects;

/**
 * Where a tensor lives: {@code cpu}, {@code cuda:0}, ... Mirrors {@code torch.device}.
 *
 * <p>A plain value: comparing two devices never touches native code.
 */
public final class Device {
    /** The kind of device, as {@code torch.device.type}. */
    public enum Type {
        /** The host's memory and processors, {@code "cpu"}. */
        CPU,
        /** An NVIDIA GPU, {@code "cuda"}; needs the CUDA build ({@code mvn -Pgpu}). */
        CUDA,
        /** Shapes and dtypes without data, {@code "meta"}: for building large models without memory. */
        META
    }

    /** The CPU. */
    public static final Device CPU = new Device(Type.CPU, -1);

    private final Type type;
    private final int index;

    private Device(Type type, int index) {
        this.type = type;
        this.index = index;
    }

    /** {@return the CPU; mirrors {@code torch.device("cpu")}} */
    public static Device cpu() {
        return CPU;
    }

    /** {@return the current CUDA device; mirrors {@code torch.device("cuda")}} */
    public static Device cuda() {
        return new Device(Type.CUDA, -1);
    }

    /**
     * CUDA device {@code index}; mirrors {@code torch.device("cuda", index)}.
     *
     * @param index the CUDA device's ordinal, from 0
     * @return that CUDA device
     */
    public static Device cuda(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("CUDA device index must be >= 0, got " + index);
        }
        return new Device(Type.CUDA, index);
    }

    /**
     * {@return the meta device: tensors with shapes and dtypes but no data} Mirrors {@code
     * torch.device("meta")}.
     */
    public static Device meta() {
        return new Device(Type.META, -1);
    }

    /**
     * Parses PyTorch's spelling: {@code cpu}, {@code cuda}, {@code cuda:1}, {@code meta}.
     *
     * @param spec {@code cpu}, {@code cuda}, {@code cuda:N} or {@code meta}, as
     *     {@code torch.device(spec)} takes it
     * @return the device {@code spec} names
     */
    public static Device of(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("cpu")) {
            return CPU;
        }
        if (s.equals("meta")) {
            return meta();
        }
        if (s.equals("cuda")) {
            return cuda();
        }
        if (s.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("unknown device '" + spec + "': expected cpu, cuda, cuda:N or meta");
    }

    /** {@return the kind of device} */
    public Type type() {
        return type;
    }

    /** {@return the device index, or -1 when none was given} */
    public int index() {
        return index;
    }

    /** {@return whether this is the CPU} */
    public boolean isCpu() {
        return type == Type.CPU;
    }

    /** {@return whether this is a CUDA device} */
    public boolean isCuda() {
        return type == Type.CUDA;
    }

    /**
     * {@return a new presets {@code Device} for this device, for code that calls the presets
     * directly}
     */
    public org.bytedeco.pytorch.Device toNative() {
        org.bytedeco.pytorch.global.torch.DeviceType t;
        switch (type) {
            case CUDA: t = org.bytedeco.pytorch.global.torch.DeviceType.CUDA; break;
            case META: t = org.bytedeco.pytorch.global.torch.DeviceType.Meta; break;
            default: t = org.bytedeco.pytorch.global.torch.DeviceType.CPU; break;
        }
        return new org.bytedeco.pytorch.Device(t, (byte) index);
    }

    /**
     * {@return the device a presets {@code Device} names}
     *
     * @param d the presets' device
     */
    public static Device fromNative(org.bytedeco.pytorch.Device d) {
        if (d.is_cpu()) {
            return CPU;
        }
        if (d.is_cuda()) {
            return d.has_index() ? cuda(d.index()) : cuda();
        }
        if (d.is_meta()) {
            return meta();
        }
        throw new IllegalStateException("unsupported device type: " + d.type());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device && ((Device) o).type == type && ((Device) o).index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, index);
    }

    @Override
    public String toString() {
        String name = type.name().toLowerCase(java.util.Locale.ROOT);
        return index >= 0 ? name + ":" + index : name;
    }
}
