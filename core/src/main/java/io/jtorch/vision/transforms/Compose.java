package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import java.util.List;

/**
 * Transforms applied one after the other. Mirrors {@code torchvision.transforms.Compose}.
 * <pre>{@code
 * Transform train = new Compose(new RandomResizedCrop(224), new RandomHorizontalFlip(), new ToTensor(),
 *         new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}));
 * }</pre>
 */
public final class Compose implements Transform {
    private final List<Transform> transforms;

    /**
     * The transforms in the order they apply.
     *
     * @param transforms the transforms, in the order they apply
     */
    public Compose(Transform... transforms) {
        this(List.of(transforms));
    }

    /**
     * The transforms in the order they apply.
     *
     * @param transforms the transforms, in the order they apply
     */
    public Compose(List<? extends Transform> transforms) {
        for (int i = 0; i < transforms.size(); i++) {
            if (transforms.get(i) == null) {
                throw new NullPointerException("Compose: transform " + i + " is null");
            }
        }
        this.transforms = List.copyOf(transforms);
    }

    /** {@return the transforms; mirrors {@code .transforms}} */
    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public Tensor apply(Tensor img) {
        for (Transform t : transforms) {
            img = t.apply(img);
        }
        return img;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Compose(");
        for (Transform t : transforms) {
            b.append("\n    ").append(t);
        }
        return b.append("\n)").toString();
    }
}
