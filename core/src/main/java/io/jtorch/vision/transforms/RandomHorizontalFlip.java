package io.jtorch.vision.transforms;

import io.jtorch.Tensor;

/**
 * Flips images left to right with probability {@code p}. Mirrors {@code torchvision.transforms.RandomHorizontalFlip(p)}:
 * draws {@code torch.rand(1) < p} per call from the thread's generator
 * ({@link io.jtorch.data.WorkerInfo#currentGenerator()}), so the same seed flips the same images
 * as in Python.
 */
public final class RandomHorizontalFlip implements Transform {
    private final double p;

    /** Flips half of the images. */
    public RandomHorizontalFlip() {
        this(0.5);
    }

    /**
     * Flips with probability {@code p}.
     *
     * @param p the probability of flipping (torchvision's default 0.5)
     */
    public RandomHorizontalFlip(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomHorizontalFlip: p should be a probability in [0, 1], got " + p);
        }
        this.p = p;
    }

    @Override
    public Tensor apply(Tensor img) {
        ImageShapes.checkImage(img, "RandomHorizontalFlip", 2);
        return Draws.chance(p) ? Functional.hflip(img) : img;
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(p=" + p + ")";
    }
}
