package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * Resizes (N, C, L) or (N, C, H, W) inputs to a size or by a scale factor. Mirrors
 * {@code torch.nn.Upsample}; modes {@code "nearest"} (default), {@code "linear"} (1-D),
 * {@code "bilinear"} and {@code "bicubic"} (2-D).
 *
 * <p>Output: (N, C, size...) or (N, C, floor(L·scaleFactor)...).
 * <pre>{@code
 * new Upsample(2.0)                                  // nn.Upsample(scale_factor=2)
 * new Upsample(new long[] {32, 32}, "bilinear", false) // nn.Upsample(size=(32, 32), mode='bilinear', align_corners=False)
 * }</pre>
 */
public class Upsample extends Module implements TorchScriptable {
    private final long[] size;
    private final Double scaleFactor;
    private final String mode;
    private final Boolean alignCorners;

    /**
     * Nearest-neighbour upsampling by {@code scaleFactor}.
     *
     * @param scaleFactor the multiplier of each spatial size
     */
    public Upsample(double scaleFactor) {
        this(null, scaleFactor, "nearest", null);
    }

    /**
     * Upsampling by {@code scaleFactor} with {@code mode}.
     *
     * @param scaleFactor the multiplier of each spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     */
    public Upsample(double scaleFactor, String mode) {
        this(null, scaleFactor, mode, null);
    }

    /**
     * Upsampling by {@code scaleFactor} with an interpolating {@code mode} and {@code
     * align_corners}.
     *
     * @param scaleFactor the multiplier of each spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     * @param alignCorners whether the corner pixels of input and output are aligned
     */
    public Upsample(double scaleFactor, String mode, boolean alignCorners) {
        this(null, scaleFactor, mode, alignCorners);
    }

    /**
     * Nearest-neighbour resizing to {@code size} (one value per spatial dimension, or one for all).
     *
     * @param size the output's spatial size
     */
    public Upsample(long[] size) {
        this(size, null, "nearest", null);
    }

    /**
     * Resizing to {@code size} with {@code mode}.
     *
     * @param size the output's spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     */
    public Upsample(long[] size, String mode) {
        this(size, null, mode, null);
    }

    /**
     * Resizing to {@code size} with an interpolating {@code mode} and {@code align_corners}.
     *
     * @param size the output's spatial size
     * @param mode {@code "nearest"}, {@code "linear"}, {@code "bilinear"}, {@code "bicubic"} or
     *     {@code "trilinear"}
     * @param alignCorners whether the corner pixels of input and output are aligned
     */
    public Upsample(long[] size, String mode, boolean alignCorners) {
        this(size, null, mode, alignCorners);
    }

    private Upsample(long[] size, Double scaleFactor, String mode, Boolean alignCorners) {
        if (!java.util.List.of("nearest", "linear", "bilinear", "bicubic").contains(mode)) {
            throw new IllegalArgumentException("Upsample: unsupported mode '" + mode + "' (nearest, linear, bilinear, bicubic)");
        }
        if (mode.equals("nearest") && alignCorners != null) {
            throw new IllegalArgumentException("Upsample: align_corners option can only be set with the interpolating modes: "
                    + "linear | bilinear | bicubic | trilinear");
        }
        this.size = size == null ? null : size.clone();
        this.scaleFactor = scaleFactor;
        this.mode = mode;
        this.alignCorners = alignCorners;
    }

    /** {@return the output size, or {@code null} when a scale factor is used} */
    public long[] size() {
        return size == null ? null : size.clone();
    }

    /** {@return the scale factor, or {@code null} when an output size is used} */
    public Double scaleFactor() {
        return scaleFactor;
    }

    /** {@return the interpolation mode} */
    public String mode() {
        return mode;
    }

    /**
     * {@return {@code align_corners} as given, or {@code null} (PyTorch's None: false for the
     * interpolating modes)}
     */
    public Boolean alignCorners() {
        return alignCorners;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (size != null) {
            return alignCorners == null ? Functional.interpolate(input, size, mode) : Functional.interpolate(input, size, mode, alignCorners);
        }
        return alignCorners == null ? Functional.interpolate(input, scaleFactor, mode)
                : Functional.interpolate(input, scaleFactor, mode, alignCorners);
    }

    @Override
    public String torchScript() {
        // the .vec overloads F.interpolate calls: (input, output_size or None, [align_corners,] scale_factors or None)
        String corners = Repr.bool(alignCorners != null && alignCorners);
        String s = scaleFactor == null ? null : Repr.num(scaleFactor);
        String[] oneD = size != null ? new String[] {"[" + size[0] + "]", "None"} : new String[] {"None", "[" + s + "]"};
        String[] twoD = size != null ? new String[] {"[" + size[0] + ", " + size[size.length - 1] + "]", "None"}
                : new String[] {"None", "[" + s + ", " + s + "]"};
        String body;
        switch (mode) {
            case "nearest":
                body = "    if x.dim() == 3:\n"
                        + "        return torch.upsample_nearest1d(x, " + oneD[0] + ", " + oneD[1] + ")\n"
                        + "    return torch.upsample_nearest2d(x, " + twoD[0] + ", " + twoD[1] + ")\n";
                break;
            case "linear":
                body = "    return torch.upsample_linear1d(x, " + oneD[0] + ", " + corners + ", " + oneD[1] + ")\n";
                break;
            default:
                body = "    return torch.upsample_" + mode + "2d(x, " + twoD[0] + ", " + corners + ", " + twoD[1] + ")\n";
        }
        return "def forward(self, x: Tensor) -> Tensor:\n" + body;
    }

    @Override
    public String extraRepr() {
        String what = scaleFactor != null ? "scale_factor=" + Repr.num(scaleFactor)
                : "size=" + (size.length == 1 ? Long.toString(size[0]) : Repr.tuple(size));
        return what + ", mode=" + mode;
    }
}
