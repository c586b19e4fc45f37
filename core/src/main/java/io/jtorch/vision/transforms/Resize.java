package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import java.util.Arrays;

/**
 * Resizes images, by default bilinear with antialiasing. Mirrors
 * {@code torchvision.transforms.Resize(size, interpolation, max_size, antialias=True)}: one size
 * resizes the shorter side to it keeping the aspect ratio, two give (height, width).
 *
 * <p>Antialiasing is on by default, as torchvision does for PIL images and, from 0.17 on, for
 * tensors (0.14's tensor default was off). Input: (..., H, W) uint8 or float; output: the same
 * dtype with the new H and W.
 *
 * <p>On a CPU whose libtorch dispatches to AVX2, an antialiased bilinear or bicubic resize of a
 * uint8 image of 1 to 4 channels to an output of at least 2x2 pixels runs libtorch's uint8
 * kernel on the bytes, as {@code torchvision.transforms.v2} does: it computes in fixed point and
 * clamps after each pass as PIL does, and its values are within one or two steps of PIL's
 * (bilinear: within one of the float path's too; bicubic: the float path, clamping only at the
 * end, can be 20 steps from PIL's). The system property {@code jtorch.vision.floatResize=true}
 * keeps uint8 images on torchvision 1.x's tensor path (to float, resize, round back), whose
 * values are torchvision 0.14's exactly. Float images always take that path.
 */
public final class Resize implements Transform {
    private final int[] size;
    private final InterpolationMode interpolation;
    private final Integer maxSize;
    private final boolean antialias;

    /**
     * Resizes the shorter side to {@code size}; mirrors {@code Resize(size)}.
     *
     * @param size the length the shorter side is resized to
     */
    public Resize(int size) {
        this(new int[] {size}, InterpolationMode.BILINEAR, null, true);
    }

    /**
     * Resizes to {@code height x width}; mirrors {@code Resize((height, width))}.
     *
     * @param height the output's height in pixels
     * @param width the output's width in pixels
     */
    public Resize(int height, int width) {
        this(new int[] {height, width}, InterpolationMode.BILINEAR, null, true);
    }

    /**
     * Mirrors {@code Resize(size, interpolation, max_size, antialias)}: {@code size} is
     * {@code {shorter}} or {@code {h, w}}; {@code maxSize} (or null) caps the longer side.
     *
     * @param size {@code {shorter}} (the shorter side, keeping the aspect ratio) or {@code {h, w}}
     * @param interpolation how pixels are interpolated ({@code BILINEAR} by default)
     * @param maxSize the largest the longer side may become after resizing, or {@code null} for no
     *     limit
     * @param antialias whether downscaling is antialiased (torchvision's default true)
     */
    public Resize(int[] size, InterpolationMode interpolation, Integer maxSize, boolean antialias) {
        if (size == null || (size.length != 1 && size.length != 2)) {
            throw new IllegalArgumentException("Resize: size should be an int or a sequence of length 1 or 2, got " + Arrays.toString(size));
        }
        for (int s : size) {
            if (s < 1) {
                throw new IllegalArgumentException("Resize: size must be positive, got " + Arrays.toString(size));
            }
        }
        if (maxSize != null && size.length != 1) {
            throw new IllegalArgumentException("Resize: max_size should only be passed if size specifies the length of the smaller edge");
        }
        if (interpolation == null) {
            throw new NullPointerException("Resize: interpolation");
        }
        if (antialias && interpolation == InterpolationMode.NEAREST) {
            throw new IllegalArgumentException("Resize: antialias is supported for bilinear and bicubic interpolation only");
        }
        this.size = size.clone();
        this.interpolation = interpolation;
        this.maxSize = maxSize;
        this.antialias = antialias;
    }

    @Override
    public Tensor apply(Tensor img) {
        return Functional.resize(img, size, interpolation, maxSize, antialias);
    }

    @Override
    public String toString() {
        return "Resize(size=" + (size.length == 1 ? String.valueOf(size[0]) : "(" + size[0] + ", " + size[1] + ")") + ", interpolation="
                + interpolation.value() + ", max_size=" + (maxSize == null ? "None" : maxSize) + ", antialias=" + (antialias ? "True" : "False")
                + ")";
    }
}
