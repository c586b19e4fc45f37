package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * Max pooling to a fixed output size, whatever the input size. Mirrors
 * {@code torch.nn.AdaptiveMaxPool2d} (without {@code return_indices}). Input: (N, C, H, W) or
 * (C, H, W). Output: (N, C, outH, outW).
 */
public class AdaptiveMaxPool2d extends Module implements TorchScriptable {
    private final long[] outputSize;

    /**
     * Pools to {@code size x size}.
     *
     * @param size the output's height and width
     */
    public AdaptiveMaxPool2d(long size) {
        this(size, size);
    }

    /**
     * Pools to {@code height x width}.
     *
     * @param height the output's height
     * @param width the output's width
     */
    public AdaptiveMaxPool2d(long height, long width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("AdaptiveMaxPool2d: output size must be positive, got (" + height + ", " + width + ")");
        }
        this.outputSize = new long[] {height, width};
    }

    /** {@return the output size (H, W)} */
    public long[] outputSize() {
        return outputSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.adaptiveMaxPool2d(input, outputSize);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.adaptive_max_pool2d(x, " + Repr.list(outputSize) + ")[0]\n";
    }

    @Override
    public String extraRepr() {
        return "output_size=" + AvgPool2d.single(outputSize);
    }
}
