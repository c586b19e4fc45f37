package io.jtorch.nn;

import io.jtorch.Tensor;

/**
 * Average pooling to a fixed output size, whatever the input size. Mirrors
 * {@code torch.nn.AdaptiveAvgPool2d}. Input: (N, C, H, W). Output: (N, C, outH, outW).
 */
public class AdaptiveAvgPool2d extends Module {
    private final long[] outputSize;

    /**
     * Pools to {@code size x size}; {@code AdaptiveAvgPool2d(1)} is global average pooling.
     *
     * @param size the output's height and width
     */
    public AdaptiveAvgPool2d(long size) {
        this(size, size);
    }

    /**
     * Pools to {@code height x width}.
     *
     * @param height the output's height
     * @param width the output's width
     */
    public AdaptiveAvgPool2d(long height, long width) {
        this.outputSize = new long[] {height, width};
    }

    /** {@return the output size (H, W)} */
    public long[] outputSize() {
        return outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + (outputSize[0] == outputSize[1] ? Long.toString(outputSize[0]) : Conv2d.tuple(outputSize));
    }
}
