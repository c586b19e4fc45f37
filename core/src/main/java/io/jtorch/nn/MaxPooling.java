package io.jtorch.nn;

import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.global.torch;

/**
 * 2-D max pooling through libtorch's faster kernel where that gives the same tensor.
 *
 * <p>libtorch's CPU kernel for max pooling over a (N, C, H, W) tensor walks one channel at a time
 * and does not vectorise; its kernel for the channels-last layout runs the window over all
 * channels at once in vector registers. Measured on this project's 2-core machines, one thread,
 * forward without autograd: ResNet's stem pooling (3x3, stride 2, over 32x64x56x56) took 64 ms
 * plainly and 17 ms through channels-last and back, copies included; 2x2 pooling over
 * 32x256x28x28, 38 against 10 ms. The copies cost more than they save for few channels (fewer
 * than 16: 28x28 MNIST maps, RGB images) and for inputs past about 64 MB, where the two copies
 * run at memory speed; and once autograd records the op, the channels-last backward is slower
 * than the plain one in most shapes, so only pooling that autograd does not record (inference,
 * {@code no_grad}, a frozen stem whose input needs no gradient) takes this path.
 *
 * <p>The result is the same tensor either way: both kernels scan each window in the same order
 * and keep the first maximum (a NaN counts as the maximum), and the output comes back in the
 * (N, C, H, W) layout the plain kernel returns.
 */
final class MaxPooling {
    /** Fewer channels than this: the vector kernel has too little to run across. */
    static final long MIN_CHANNELS = 16;
    /** More elements than this (64 MB of floats): the copies cost more than the kernel saves. */
    static final long MAX_ELEMENTS = 16L << 20;

    private MaxPooling() {}

    /** {@code torch.max_pool2d}, through the channels-last kernel where {@link #channelsLastPays} says so. */
    static org.bytedeco.pytorch.Tensor maxPool2d(org.bytedeco.pytorch.Tensor x, long[] kernelSize, long[] stride, long[] padding,
            long[] dilation, boolean ceilMode) {
        if (!channelsLastPays(x)) {
            return torch.max_pool2d(x, kernelSize, stride, padding, dilation, ceilMode);
        }
        org.bytedeco.pytorch.Tensor channelsLast = x.contiguous(torch.MemoryFormat.ChannelsLast);
        org.bytedeco.pytorch.Tensor pooled = null;
        try {
            pooled = torch.max_pool2d(channelsLast, kernelSize, stride, padding, dilation, ceilMode);
            return pooled.contiguous();
        } finally {
            // the copies are large: free them now rather than at the end of the caller's scope
            channelsLast.close();
            if (pooled != null) {
                pooled.close();
            }
        }
    }

    /**
     * {@return whether pooling {@code x} through the channels-last kernel is faster and gives the
     * same tensor}: a (N, C, H, W) float or double CPU tensor in the default contiguous layout
     * with at least {@link #MIN_CHANNELS} channels and at most {@link #MAX_ELEMENTS} elements,
     * pooled where autograd does not record.
     */
    static boolean channelsLastPays(org.bytedeco.pytorch.Tensor x) {
        if (x.dim() != 4 || x.size(1) < MIN_CHANNELS || x.size(2) * x.size(3) < 2 || x.numel() > MAX_ELEMENTS) {
            return false;
        }
        int type = x.scalar_type().value; // the presets' enum values are not interned: compare values
        if (type != torch.ScalarType.Float.value && type != torch.ScalarType.Double.value) {
            return false;
        }
        if (!x.is_cpu() || x.is_mkldnn() || x.is_quantized() || x.is_sparse() || !x.is_contiguous()) {
            return false;
        }
        return !(x.requires_grad() && GradMode.is_enabled());
    }
}
