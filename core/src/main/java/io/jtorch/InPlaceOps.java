package io.jtorch;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;

/**
 * The in-place ops of {@link Tensor}, keeping PyTorch's trailing underscore: {@code a += b} is
 * {@code a.add_(b)}. Each returns this tensor. An in-place update keeps the tensor's lifetime, so
 * {@code total.add_(x)} on a total made before a DataLoader loop works in every batch.
 */
abstract class InPlaceOps extends ShapeOps {
    InPlaceOps(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
    }

    /**
     * {@code this += other}; returns this.
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     * @return this tensor, modified in place
     */
    public Tensor add_(Tensor other) {
        return inPlace(() -> raw().add_(other.raw()));
    }

    /**
     * {@code this += alpha * other}; returns this.
     *
     * @param alpha the multiplier of {@code other} (PyTorch's {@code alpha}, default 1)
     * @param other the other tensor, broadcast against this one as in PyTorch
     * @return this tensor, modified in place
     */
    public Tensor add_(Tensor other, double alpha) {
        return inPlace(() -> raw().add_(other.raw(), new Scalar(alpha)));
    }

    /**
     * {@code this += value}; returns this.
     *
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor add_(double value) {
        return inPlace(() -> raw().add_(new Scalar(value)));
    }

    /**
     * {@code this += value}; returns this. With an integer, like a Python int: integer tensors stay
     * integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     * @return this tensor, modified in place
     */
    public Tensor add_(long value) {
        return inPlace(() -> raw().add_(new Scalar(value)));
    }

    /**
     * {@code this -= other}; returns this.
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     * @return this tensor, modified in place
     */
    public Tensor sub_(Tensor other) {
        return inPlace(() -> raw().sub_(other.raw()));
    }

    /**
     * {@code this -= value}; mirrors {@code tensor.sub_(value)}. Returns this.
     *
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor sub_(double value) {
        return inPlace(() -> raw().sub_(new Scalar(value)));
    }

    /**
     * {@code this *= other}; returns this.
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     * @return this tensor, modified in place
     */
    public Tensor mul_(Tensor other) {
        return inPlace(() -> raw().mul_(other.raw()));
    }

    /**
     * {@code this *= value}; returns this.
     *
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor mul_(double value) {
        return inPlace(() -> raw().mul_(new Scalar(value)));
    }

    /**
     * {@code this *= value}; returns this. With an integer, like a Python int: integer tensors stay
     * integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     * @return this tensor, modified in place
     */
    public Tensor mul_(long value) {
        return inPlace(() -> raw().mul_(new Scalar(value)));
    }

    /**
     * {@code this /= other}; returns this.
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     * @return this tensor, modified in place
     */
    public Tensor div_(Tensor other) {
        return inPlace(() -> raw().div_(other.raw()));
    }

    /**
     * {@code this /= value}; mirrors {@code tensor.div_(value)}. Returns this.
     *
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor div_(double value) {
        return inPlace(() -> raw().div_(new Scalar(value)));
    }

    /**
     * {@code this += value * t1 * t2}; mirrors {@code tensor.addcmul_}. Returns this.
     *
     * @param t1 the first factor (or the numerator for {@code addcdiv_})
     * @param t2 the second factor (or the denominator for {@code addcdiv_})
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) {
        return inPlace(() -> raw().addcmul_(t1.raw(), t2.raw(), new Scalar(value)));
    }

    /**
     * {@code this += value * t1 / t2}; mirrors {@code tensor.addcdiv_}. Returns this.
     *
     * @param t1 the first factor (or the numerator for {@code addcdiv_})
     * @param t2 the second factor (or the denominator for {@code addcdiv_})
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) {
        return inPlace(() -> raw().addcdiv_(t1.raw(), t2.raw(), new Scalar(value)));
    }

    /**
     * Values limited to {@code [min, max]} in place; mirrors {@code tensor.clamp_(min, max)}.
     * Returns this.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor, modified in place
     */
    public Tensor clamp_(double min, double max) {
        return inPlace(() -> raw().clamp_(new ScalarOptional(new Scalar(min)), new ScalarOptional(new Scalar(max))));
    }

    /**
     * Sets every element to 0; returns this.
     *
     * @return this tensor, modified in place
     */
    public Tensor zero_() {
        return inPlace(() -> raw().zero_());
    }

    /**
     * Sets every element to {@code value}; returns this.
     *
     * @param value the number, as a Python float would be
     * @return this tensor, modified in place
     */
    public Tensor fill_(double value) {
        return inPlace(() -> raw().fill_(new Scalar(value)));
    }

    /**
     * Sets every element to {@code value}; returns this. With an integer, like a Python int:
     * integer tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     * @return this tensor, modified in place
     */
    public Tensor fill_(long value) {
        return inPlace(() -> raw().fill_(new Scalar(value)));
    }

    /**
     * Copies {@code src} (broadcast, converted) into this tensor; returns this.
     *
     * @param src the tensor to copy from, broadcast to this one's shape; dtype and device may
     *     differ
     * @return this tensor, modified in place
     */
    public Tensor copy_(Tensor src) {
        return inPlace(() -> raw().copy_(src.raw()));
    }

    /**
     * Fills with values drawn uniformly from {@code [from, to)} using the global generator; returns
     * this.
     *
     * @param from the lower bound of the interval
     * @param to the upper bound of the interval (excluded)
     * @return this tensor, modified in place
     */
    public Tensor uniform_(double from, double to) {
        return inPlace(() -> raw().uniform_(from, to, new GeneratorOptional()));
    }

    /**
     * Fills with values drawn from N(mean, std²) using the global generator; returns this.
     *
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @return this tensor, modified in place
     */
    public Tensor normal_(double mean, double std) {
        return inPlace(() -> raw().normal_(mean, std, new GeneratorOptional()));
    }
}
