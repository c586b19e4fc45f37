package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Max pooling over (N, C, H, W). Mirrors {@code torch.nn.MaxPool2d}; the stride defaults to the
 * kernel size.
 */
public class MaxPool2d extends Module {
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final boolean ceilMode;

    /**
     * Square pooling windows with stride = kernel size.
     *
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public MaxPool2d(long kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Square pooling windows.
     *
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit padding on each side, with -infinity (PyTorch's {@code padding})
     */
    public MaxPool2d(long kernelSize, long stride, long padding) {
        this(new long[] {kernelSize, kernelSize}, new long[] {stride, stride}, new long[] {padding, padding}, false);
    }

    /**
     * The general form; mirrors {@code MaxPool2d(kernel_size, stride, padding,
     * ceil_mode=ceil_mode)}.
     *
     * @param ceilMode whether the output size is rounded up rather than down (PyTorch's default
     *     false)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit padding on each side, with -infinity (PyTorch's {@code padding})
     */
    public MaxPool2d(long[] kernelSize, long[] stride, long[] padding, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
    }

    /** {@return the window size (kH, kW)} */
    public long[] kernelSize() {
        return kernelSize.clone();
    }

    /** {@return the stride (sH, sW)} */
    public long[] stride() {
        return stride.clone();
    }

    /** {@return the implicit negative-infinity padding (pH, pW)} */
    public long[] padding() {
        return padding.clone();
    }

    /** {@return whether output sizes round up} */
    public boolean ceilMode() {
        return ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.maxPool2d(input, kernelSize, stride, padding, new long[] {1, 1}, ceilMode);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + single(kernelSize) + ", stride=" + single(stride) + ", padding=" + single(padding)
                + ", dilation=1, ceil_mode=" + (ceilMode ? "True" : "False");
    }

    private static String single(long[] v) {
        return v[0] == v[1] ? Long.toString(v[0]) : Conv2d.tuple(v);
    }
}
