package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;

/**
 * Converts an image to a dtype, rescaling values (uint8 0..255 to float 0..1 and back). Mirrors
 * {@code torchvision.transforms.ConvertImageDtype}; see {@link Functional#convertImageDtype}.
 */
public final class ConvertImageDtype implements Transform {
    private final DType dtype;

    /**
     * Converts to {@code dtype}, e.g. {@code DType.FLOAT32}.
     *
     * @param dtype the target element type
     */
    public ConvertImageDtype(DType dtype) {
        if (dtype == null) {
            throw new NullPointerException("ConvertImageDtype: dtype");
        }
        this.dtype = dtype;
    }

    @Override
    public Tensor apply(Tensor image) {
        return Functional.convertImageDtype(image, dtype);
    }

    @Override
    public String toString() {
        return "ConvertImageDtype()";
    }
}
