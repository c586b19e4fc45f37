package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import java.util.Arrays;

/**
 * Pads the borders of images. Mirrors {@code torchvision.transforms.Pad(padding, fill, padding_mode)}:
 * {@code padding} is {@code {all}}, {@code {leftRight, topBottom}} or {@code {left, top, right, bottom}}.
 */
public final class Pad implements Transform {
    private final int[] padding;
    private final double fill;
    private final PaddingMode paddingMode;

    /**
     * {@code padding} zeros on every side; mirrors {@code Pad(padding)}.
     *
     * @param padding the number of zeros added on every side
     */
    public Pad(int padding) {
        this(new int[] {padding}, 0, PaddingMode.CONSTANT);
    }

    /**
     * Mirrors {@code Pad(padding, fill, padding_mode)}.
     *
     * @param padding {@code {all}}, {@code {leftRight, topBottom}} or {@code {left, top, right,
     *     bottom}}
     * @param fill the value of {@code CONSTANT} padding
     * @param paddingMode how the border is filled: {@code CONSTANT}, {@code EDGE}, {@code REFLECT}
     *     or {@code SYMMETRIC}
     */
    public Pad(int[] padding, double fill, PaddingMode paddingMode) {
        Geometry.parsePadding(padding, "Pad");
        if (paddingMode == null) {
            throw new NullPointerException("Pad: padding_mode");
        }
        this.padding = padding.clone();
        this.fill = fill;
        this.paddingMode = paddingMode;
    }

    @Override
    public Tensor apply(Tensor img) {
        return Functional.pad(img, padding, fill, paddingMode);
    }

    @Override
    public String toString() {
        return "Pad(padding=" + Arrays.toString(padding) + ", fill=" + fill + ", padding_mode=" + paddingMode.value() + ")";
    }
}
