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

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return arith(() -> raw().add(other.raw()));
    }

    /** {@code this + alpha * other}; mirrors {@code torch.add(input, other, alpha=alpha)}. */
    public Tensor add(Tensor other, double alpha) {
        return arith(() -> raw().add(other.raw(), new Scalar(alpha)));
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return arith(() -> raw().add(new Scalar(value)));
    }

    /** {@code this + value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor add(long value) {
        return arith(() -> raw().add(new Scalar(value)));
    }

    /** {@code this - other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return arith(() -> raw().sub(other.raw()));
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return arith(() -> raw().sub(new Scalar(value)));
    }

    /** {@code this - value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor sub(long value) {
        return arith(() -> raw().sub(new Scalar(value)));
    }

    /** {@code this * other}, element-wise and broadcasting. */
    public Tensor mul(Tensor other) {
        return arith(() -> raw().mul(other.raw()));
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return arith(() -> raw().mul(new Scalar(value)));
    }

    /** {@code this * value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor mul(long value) {
        return arith(() -> raw().mul(new Scalar(value)));
    }

    /** {@code this / other}, element-wise true division. */
    public Tensor div(Tensor other) {
        return arith(() -> raw().div(other.raw()));
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return arith(() -> raw().div(new Scalar(value)));
    }

    /** {@code this / value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor div(long value) {
        return arith(() -> raw().div(new Scalar(value)));
    }

    /** {@code this % other}, with the sign of the divisor as in Python; mirrors {@code tensor.remainder(other)}. */
    public Tensor remainder(Tensor other) {
        return op(() -> raw().remainder(other.raw()));
    }

    /** {@code this % value}; mirrors {@code tensor.remainder(value)}. */
    public Tensor remainder(double value) {
        return op(() -> raw().remainder(new Scalar(value)));
    }

    /** {@code this % value}; mirrors {@code tensor.remainder(value)} with a Python int. */
    public Tensor remainder(long value) {
        return op(() -> raw().remainder(new Scalar(value)));
    }

    /** {@code this // other}, rounding toward negative infinity; mirrors {@code tensor.floor_divide(other)}. */
    public Tensor floorDivide(Tensor other) {
        return op(() -> raw().floor_divide(other.raw()));
    }

    /** {@code this // value}; mirrors {@code tensor.floor_divide(value)}. */
    public Tensor floorDivide(double value) {
        return op(() -> raw().floor_divide(new Scalar(value)));
    }

    /** {@code this // value}; mirrors {@code tensor.floor_divide(value)} with a Python int. */
    public Tensor floorDivide(long value) {
        return op(() -> raw().floor_divide(new Scalar(value)));
    }

    /** {@code -this}. */
    public Tensor neg() {
        return op(() -> raw().neg());
    }

    /** {@code this ** exponent}. */
    public Tensor pow(double exponent) {
        return op(() -> raw().pow(new Scalar(exponent)));
    }

    /** {@code this ** exponent}, element-wise and broadcasting; mirrors {@code tensor.pow(tensor)}. */
    public Tensor pow(Tensor exponent) {
        return op(() -> raw().pow(exponent.raw()));
    }

    /** Matrix product {@code this @ other}; mirrors {@code torch.matmul}. */
    public Tensor matmul(Tensor other) {
        return op(() -> raw().matmul(other.raw()));
    }

    /** The element-wise maximum; mirrors {@code tensor.maximum(other)}. */
    public Tensor maximum(Tensor other) {
        return op(() -> raw().maximum(other.raw()));
    }

    /** The element-wise minimum; mirrors {@code tensor.minimum(other)}. */
    public Tensor minimum(Tensor other) {
        return op(() -> raw().minimum(other.raw()));
    }

    /** Values limited to {@code [min, max]}; mirrors {@code tensor.clamp(min, max)}. */
    public Tensor clamp(double min, double max) {
        return op(() -> raw().clamp(new ScalarOptional(new Scalar(min)), new ScalarOptional(new Scalar(max))));
    }

    /** Values limited from below; mirrors {@code tensor.clamp(min)}. */
    public Tensor clamp(double min) {
        return clampMin(min);
    }

    /** Values limited element-wise to {@code [min, max]} (broadcast); mirrors {@code tensor.clamp(min_tensor, max_tensor)}. */
    public Tensor clamp(Tensor min, Tensor max) {
        return op(() -> raw().clamp(new TensorOptional(min.raw()), new TensorOptional(max.raw())));
    }

    /** Values limited from below; mirrors {@code tensor.clamp_min(min)}, i.e. {@code tensor.clamp(min=min)}. */
    public Tensor clampMin(double min) {
        return op(() -> raw().clamp_min(new Scalar(min)));
    }

    /** Values limited from below, element-wise; mirrors {@code tensor.clamp_min(min_tensor)}. */
    public Tensor clampMin(Tensor min) {
        return op(() -> raw().clamp_min(min.raw()));
    }

    /** Values limited from above; mirrors {@code tensor.clamp_max(max)}, i.e. {@code tensor.clamp(max=max)}. */
    public Tensor clampMax(double max) {
        return op(() -> raw().clamp_max(new Scalar(max)));
    }

    /** Values limited from above, element-wise; mirrors {@code tensor.clamp_max(max_tensor)}. */
    public Tensor clampMax(Tensor max) {
        return op(() -> raw().clamp_max(max.raw()));
    }
}
