package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * An image transform: a function from an image tensor to an image tensor. Mirrors the callables
 * that {@code torchvision.transforms} builds ({@code transform(img)} is {@code transform.apply(img)}).
 *
 * <p>Images are tensors of shape (C, H, W), or (N, C, H, W) for a batch transformed alike, either
 * uint8 with values 0..255 or floating point with values in [0, 1], as torchvision's tensor
 * transforms take them. Transforms do not modify their input.
 * <pre>{@code
 * Transform t = new Compose(new Resize(256), new CenterCrop(224), new ConvertImageDtype(DType.FLOAT32));
 * Tensor x = t.apply(image);
 * }</pre>
 */
@FunctionalInterface
public interface Transform {
    /**
     * {@return the transformed image; mirrors {@code transform(img)}}
     *
     * @param img the image, (..., C, H, W), uint8 or floating point
     */
    Tensor apply(Tensor img);

    /**
     * {@return this transform followed by {@code next}; {@code Compose(this, next)}}
     *
     * @param next the transform applied to this one's output
     */
    default Transform andThen(Transform next) {
        if (next == null) {
            throw new NullPointerException("next transform");
        }
        return img -> next.apply(apply(img));
    }
}
