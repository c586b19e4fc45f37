package io.jtorch.vision.models;

/**
 * One stage of an EfficientNet: expansion, kernel, stride, channels and repeats, and whether its
 * blocks are {@link MBConv} or {@link FusedMBConv}. Mirrors torchvision's {@code MBConvConfig} /
 * {@code FusedMBConvConfig} (Table 1 of the EfficientNet paper, Table 4 of EfficientNetV2).
 */
public record MBConvConfig(double expandRatio, long kernel, long stride, long inputChannels, long outChannels, long numLayers,
                           boolean fused) {
    /**
     * {@return an MBConv stage with channels scaled by {@code widthMult} and repeats by {@code depthMult};
     * mirrors {@code MBConvConfig(expand_ratio, kernel, stride, input_channels, out_channels, num_layers, width_mult, depth_mult)}}
     *
     * @param expandRatio the factor by which the block widens its input
     * @param kernel the depthwise convolution's kernel size
     * @param stride the stride of the stage's first block
     * @param inputChannels the stage's input channels at width multiplier 1
     * @param numLayers the stage's number of blocks at depth multiplier 1
     * @param depthMult the multiplier of each stage's number of layers
     * @param outChannels the number of channels {@code C_out} the layer produces
     * @param widthMult the multiplier of every layer's channel count
     */
    public static MBConvConfig mbConv(double expandRatio, long kernel, long stride, long inputChannels, long outChannels,
                                      long numLayers, double widthMult, double depthMult) {
        return new MBConvConfig(expandRatio, kernel, stride, adjustChannels(inputChannels, widthMult),
                adjustChannels(outChannels, widthMult), adjustDepth(numLayers, depthMult), false);
    }

    /**
     * {@return a FusedMBConv stage; mirrors {@code FusedMBConvConfig(expand_ratio, kernel, stride,
     * input_channels, out_channels, num_layers)}}
     *
     * @param expandRatio the factor by which the block widens its input
     * @param kernel the depthwise convolution's kernel size
     * @param stride the stride of the stage's first block
     * @param inputChannels the stage's input channels at width multiplier 1
     * @param numLayers the stage's number of blocks at depth multiplier 1
     * @param outChannels the number of channels {@code C_out} the layer produces
     */
    public static MBConvConfig fusedMbConv(double expandRatio, long kernel, long stride, long inputChannels, long outChannels,
                                           long numLayers) {
        return new MBConvConfig(expandRatio, kernel, stride, inputChannels, outChannels, numLayers, true);
    }

    /**
     * Mirrors {@code adjust_channels}: {@code _make_divisible(channels * width_mult, 8)}.
     *
     * @param channels the channel count at width multiplier 1
     * @return {@code channels * widthMult}, rounded to a multiple of 8
     * @param widthMult the multiplier of every layer's channel count
     */
    public static long adjustChannels(long channels, double widthMult) {
        return Parts.makeDivisible(channels * widthMult, 8);
    }

    /**
     * Mirrors {@code adjust_depth}: {@code ceil(num_layers * depth_mult)}.
     *
     * @param numLayers the stage's number of blocks at depth multiplier 1
     * @param depthMult the multiplier of each stage's number of layers
     * @return {@code ceil(numLayers * depthMult)}
     */
    public static long adjustDepth(long numLayers, double depthMult) {
        return (long) Math.ceil(numLayers * depthMult);
    }

    /** This stage's config for a block after the first: input channels equal to the output ones, stride 1. */
    MBConvConfig repeated() {
        return new MBConvConfig(expandRatio, kernel, 1, outChannels, outChannels, numLayers, fused);
    }
}
