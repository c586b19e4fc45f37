package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Converts RGB images to grayscale, {@code L = 0.2989 R + 0.587 G + 0.114 B}. Mirrors
 * {@code torchvision.transforms.Grayscale(num_output_channels)} on tensors.
 *
 * <p>Input: (..., 3, H, W) (or 1 channel, copied); output: (..., 1, H, W), or the gray repeated
 * in 3 channels. uint8 results are truncated, as torchvision's {@code .to(uint8)} does (PIL rounds,
 * with integer weights).
 */
public final class Grayscale implements Transform {
    private final int numOutputChannels;

    /** One output channel. */
    public Grayscale() {
        this(1);
    }

    /**
     * 1 or 3 output channels.
     *
     * @param numOutputChannels 1, or 3 (the gray channel repeated)
     */
    public Grayscale(int numOutputChannels) {
        if (numOutputChannels != 1 && numOutputChannels != 3) {
            throw new IllegalArgumentException("Grayscale: num_output_channels should be either 1 or 3, got " + numOutputChannels);
        }
        this.numOutputChannels = numOutputChannels;
    }

    @Override
    public Tensor apply(Tensor img) {
        return Functional.rgbToGrayscale(img, numOutputChannels);
    }

    @Override
    public String toString() {
        return "Grayscale(num_output_channels=" + numOutputChannels + ")";
    }
}
