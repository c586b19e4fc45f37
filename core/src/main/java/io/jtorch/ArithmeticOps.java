package io.jtorch;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.TensorOptional;

/**
 * The arithmetic operators of {@link Tensor} ({@code + - * / % // **}, {@code @}), element-wise
 * maxima and minima and clamping. Binary ops broadcast as in PyTorch. Overloads taking a
 * {@code long} behave like a Python int (integer tensors stay integer); those taking a
 * {@code double} like a Python float.
 */
abstract class ArithmeticOps extends TensorBase {
    ArithmeticOps(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
    }

    /**
     * {@return {@code this + other}, broadcasting}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor add(Tensor other) {
        return arith(() -> raw().add(other.raw()));
    }

    /**
     * {@return {@code this + alpha * other}; mirrors {@code torch.add(input, other, alpha=alpha)}}
     *
     * @param alpha the multiplier of {@code other} (PyTorch's {@code alpha}, default 1)
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor add(Tensor other, double alpha) {
        return arith(() -> raw().add(other.raw(), new Scalar(alpha)));
    }

    /**
     * {@return {@code this + value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor add(double value) {
        return arith(() -> raw().add(new Scalar(value)));
    }

    /**
     * {@return {@code this + value}} With an integer, like a Python int: integer tensors stay
     * integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor add(long value) {
        return arith(() -> raw().add(new Scalar(value)));
    }

    /**
     * {@return {@code this - other}, broadcasting}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor sub(Tensor other) {
        return arith(() -> raw().sub(other.raw()));
    }

    /**
     * {@return {@code this - value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor sub(double value) {
        return arith(() -> raw().sub(new Scalar(value)));
    }

    /**
     * {@return {@code this - value}} With an integer, like a Python int: integer tensors stay
     * integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor sub(long value) {
        return arith(() -> raw().sub(new Scalar(value)));
    }

    /**
     * {@return {@code this * other}, element-wise and broadcasting}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor mul(Tensor other) {
        return arith(() -> raw().mul(other.raw()));
    }

    /**
     * {@return {@code this * value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor mul(double value) {
        return arith(() -> raw().mul(new Scalar(value)));
    }

    /**
     * {@return {@code this * value}} With an integer, like a Python int: integer tensors stay
     * integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor mul(long value) {
        return arith(() -> raw().mul(new Scalar(value)));
    }

    /**
     * {@return {@code this / other}, element-wise true division}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor div(Tensor other) {
        return arith(() -> raw().div(other.raw()));
    }

    /**
     * {@return {@code this / value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor div(double value) {
        return arith(() -> raw().div(new Scalar(value)));
    }

    /**
     * {@return {@code this / value}} With an integer, like a Python int: integer tensors stay
     * integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor div(long value) {
        return arith(() -> raw().div(new Scalar(value)));
    }

    /**
     * {@return {@code this % other}, with the sign of the divisor as in Python; mirrors {@code
     * tensor.remainder(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor remainder(Tensor other) {
        return op(() -> raw().remainder(other.raw()));
    }

    /**
     * {@return {@code this % value}; mirrors {@code tensor.remainder(value)}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor remainder(double value) {
        return op(() -> raw().remainder(new Scalar(value)));
    }

    /**
     * {@return {@code this % value}; mirrors {@code tensor.remainder(value)} with a Python int}
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor remainder(long value) {
        return op(() -> raw().remainder(new Scalar(value)));
    }

    /**
     * {@return {@code this // other}, rounding toward negative infinity; mirrors {@code
     * tensor.floor_divide(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor floorDivide(Tensor other) {
        return op(() -> raw().floor_divide(other.raw()));
    }

    /**
     * {@return {@code this // value}; mirrors {@code tensor.floor_divide(value)}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor floorDivide(double value) {
        return op(() -> raw().floor_divide(new Scalar(value)));
    }

    /**
     * {@return {@code this // value}; mirrors {@code tensor.floor_divide(value)} with a Python int}
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor floorDivide(long value) {
        return op(() -> raw().floor_divide(new Scalar(value)));
    }

    /** {@return {@code -this}} */
    public Tensor neg() {
        return op(() -> raw().neg());
    }

    /**
     * {@return {@code this ** exponent}}
     *
     * @param exponent the power, a number or a tensor broadcast against this one
     */
    public Tensor pow(double exponent) {
        return op(() -> raw().pow(new Scalar(exponent)));
    }

    /**
     * {@return {@code this ** exponent}, element-wise and broadcasting; mirrors {@code
     * tensor.pow(tensor)}}
     *
     * @param exponent the power, a number or a tensor broadcast against this one
     */
    public Tensor pow(Tensor exponent) {
        return op(() -> raw().pow(exponent.raw()));
    }

    /**
     * {@return matrix product {@code this @ other}; mirrors {@code torch.matmul}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor matmul(Tensor other) {
        return op(() -> raw().matmul(other.raw()));
    }

    /**
     * {@return the element-wise maximum; mirrors {@code tensor.maximum(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor maximum(Tensor other) {
        return op(() -> raw().maximum(other.raw()));
    }

    /**
     * {@return the element-wise minimum; mirrors {@code tensor.minimum(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor minimum(Tensor other) {
        return op(() -> raw().minimum(other.raw()));
    }

    /**
     * {@return values limited to {@code [min, max]}; mirrors {@code tensor.clamp(min, max)}}
     *
     * @param min the lower bound (a tensor is broadcast)
     * @param max the upper bound (a tensor is broadcast)
     */
    public Tensor clamp(double min, double max) {
        return op(() -> raw().clamp(new ScalarOptional(new Scalar(min)), new ScalarOptional(new Scalar(max))));
    }

    /**
     * {@return values limited from below; mirrors {@code tensor.clamp(min)}}
     *
     * @param min the lower bound (a tensor is broadcast)
     */
    public Tensor clamp(double min) {
        return clampMin(min);
    }

    /**
     * {@return values limited element-wise to {@code [min, max]} (broadcast); mirrors {@code
     * tensor.clamp(min_tensor, max_tensor)}}
     *
     * @param min the lower bound (a tensor is broadcast)
     * @param max the upper bound (a tensor is broadcast)
     */
    public Tensor clamp(Tensor min, Tensor max) {
        return op(() -> raw().clamp(new TensorOptional(min.raw()), new TensorOptional(max.raw())));
    }

    /**
     * {@return values limited from below; mirrors {@code tensor.clamp_min(min)}, i.e. {@code
     * tensor.clamp(min=min)}}
     *
     * @param min the lower bound
     */
    public Tensor clampMin(double min) {
        return op(() -> raw().clamp_min(new Scalar(min)));
    }

    /**
     * {@return values limited from below, element-wise; mirrors {@code
     * tensor.clamp_min(min_tensor)}}
     *
     * @param min the lower bound
     */
    public Tensor clampMin(Tensor min) {
        return op(() -> raw().clamp_min(min.raw()));
    }

    /**
     * {@return values limited from above; mirrors {@code tensor.clamp_max(max)}, i.e. {@code
     * tensor.clamp(max=max)}}
     *
     * @param max the upper bound
     */
    public Tensor clampMax(double max) {
        return op(() -> raw().clamp_max(new Scalar(max)));
    }

    /**
     * {@return values limited from above, element-wise; mirrors {@code
     * tensor.clamp_max(max_tensor)}}
     *
     * @param max the upper bound
     */
    public Tensor clampMax(Tensor max) {
        return op(() -> raw().clamp_max(max.raw()));
    }
}
