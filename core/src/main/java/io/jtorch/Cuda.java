package io.jtorch;

import org.bytedeco.pytorch.global.torch;

/** What libtorch knows about CUDA on this machine. Mirrors {@code torch.cuda}. */
public final class Cuda {
    static final Cuda INSTANCE = new Cuda();

    private Cuda() {}

    /** {@return whether a CUDA device can be used; mirrors {@code torch.cuda.is_available()}} */
    public boolean isAvailable() {
        return torch.cuda_is_available();
    }

    /** {@return the number of CUDA devices; mirrors {@code torch.cuda.device_count()}} */
    public int deviceCount() {
        return torch.cuda_device_count();
    }

    /**
     * Throws a clear exception when {@code device} is a CUDA device this machine does not have.
     *
     * @param device the device the result lives on
     */
    public void check(Device device) {
        if (!device.isCuda()) {
            return;
        }
        int count = deviceCount();
        if (count == 0) {
            throw new IllegalArgumentException("CUDA was asked for (" + device + ") but libtorch sees no CUDA device on this machine"
                    + " (the CPU build of the presets is in use unless the project is built with -Pgpu)");
        }
        if (device.index() >= count) {
            throw new IllegalArgumentException(device + " was asked for but there are only " + count + " CUDA devices");
        }
    }
}
