package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * Average pooling over (N, C, H, W). Mirrors {@code torch.nn.AvgPool2d}; the stride defaults to
 * the kernel size.
 *
 * <p>Input: (N, C, H, W) or (C, H, W). Output: (N, C, H_out, W_out) with
 * {@code H_out = floor((H + 2·padding - kernel) / stride + 1)} (rounded up with {@code ceilMode}).
 */
public class AvgPool2d extends Module implements TorchScriptable {
    private final long[] kernelSize;
    private final long[] stride;
    private final long[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /**
     * Square windows with stride = kernel size; mirrors {@code AvgPool2d(k)}.
     *
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     */
    public AvgPool2d(long kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Square windows; mirrors {@code AvgPool2d(k, stride)}.
     *
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     */
    public AvgPool2d(long kernelSize, long stride) {
        this(kernelSize, stride, 0);
    }

    /**
     * Square windows with zero padding; mirrors {@code AvgPool2d(k, stride, padding)}.
     *
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public AvgPool2d(long kernelSize, long stride, long padding) {
        this(kernelSize, stride, padding, false, true);
    }

    /**
     * Square windows; mirrors {@code AvgPool2d(k, stride, padding, ceil_mode, count_include_pad)}.
     *
     * @param ceilMode whether the output size is rounded up rather than down (PyTorch's default
     *     false)
     * @param countIncludePad whether the zero padding counts in the average (PyTorch's default
     *     true)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public AvgPool2d(long kernelSize, long stride, long padding, boolean ceilMode, boolean countIncludePad) {
        this(new long[] {kernelSize, kernelSize}, new long[] {stride, stride}, new long[] {padding, padding}, ceilMode,
                countIncludePad);
    }

    /**
     * The general form, (kH, kW) windows; mirrors {@code AvgPool2d((kH, kW), (sH, sW), (pH, pW),
     * ceil_mode, count_include_pad)}.
     *
     * @param ceilMode whether the output size is rounded up rather than down (PyTorch's default
     *     false)
     * @param countIncludePad whether the zero padding counts in the average (PyTorch's default
     *     true)
     * @param kernelSize the size of the window (PyTorch's {@code kernel_size})
     * @param stride the stride of the window (PyTorch's {@code stride})
     * @param padding the implicit zero padding on each side (PyTorch's {@code padding})
     */
    public AvgPool2d(long[] kernelSize, long[] stride, long[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = Conv2d.pair("kernel_size", kernelSize);
        this.stride = Conv2d.pair("stride", stride);
        this.padding = Conv2d.pair("padding", padding);
        for (int i = 0; i < 2; i++) {
            if (this.kernelSize[i] <= 0 || this.stride[i] <= 0 || this.padding[i] < 0) {
                throw new IllegalArgumentException("AvgPool2d: kernel_size and stride must be positive and padding non-negative, got "
                        + "kernel_size=" + Conv2d.tuple(this.kernelSize) + ", stride=" + Conv2d.tuple(this.stride) + ", padding="
                        + Conv2d.tuple(this.padding));
            }
            if (this.padding[i] * 2 > this.kernelSize[i]) {
                throw new IllegalArgumentException("AvgPool2d: pad should be at most half of kernel size, got padding="
                        + Conv2d.tuple(this.padding) + " for kernel_size=" + Conv2d.tuple(this.kernelSize));
            }
        }
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    /** {@return the window size (kH, kW)} */
    public long[] kernelSize() {
        return kernelSize.clone();
    }

    /** {@return the stride (sH, sW)} */
    public long[] stride() {
        return stride.clone();
    }

    /** {@return the implicit zero padding (pH, pW)} */
    public long[] padding() {
        return padding.clone();
    }

    /** {@return whether output sizes round up; mirrors {@code ceil_mode}} */
    public boolean ceilMode() {
        return ceilMode;
    }

    /** {@return whether padded zeros count in the average; mirrors {@code count_include_pad}} */
    public boolean countIncludePad() {
        return countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.avg_pool2d(x, " + Repr.list(kernelSize) + ", " + Repr.list(stride) + ", " + Repr.list(padding)
                + ", " + Repr.bool(ceilMode) + ", " + Repr.bool(countIncludePad) + ")\n";
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + single(kernelSize) + ", stride=" + single(stride) + ", padding=" + single(padding);
    }

    static String single(long[] v) {
        return v[0] == v[1] ? Long.toString(v[0]) : Conv2d.tuple(v);
    }
}
