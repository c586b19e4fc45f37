package io.jtorch;

import org.bytedeco.pytorch.Scalar;

/**
 * The element-wise functions of {@link Tensor} ({@code exp}, {@code floor}, {@code sin}, ...),
 * comparisons (boolean results), logical and bitwise operators, {@code isnan} and {@code where}.
 */
abstract class MathOps extends ArithmeticOps {
    MathOps(org.bytedeco.pytorch.Tensor raw) {
        super(raw);
    }

    /** Element-wise e^x; mirrors {@code tensor.exp()}. */
    public Tensor exp() {
        return op(() -> raw().exp());
    }

    /** Element-wise natural logarithm; mirrors {@code tensor.log()}. */
    public Tensor log() {
        return op(() -> raw().log());
    }

    /** Element-wise {@code log(1 + x)}, accurate near 0; mirrors {@code tensor.log1p()}. */
    public Tensor log1p() {
        return op(() -> raw().log1p());
    }

    /** Element-wise {@code e^x - 1}, accurate near 0; mirrors {@code tensor.expm1()}. */
    public Tensor expm1() {
        return op(() -> raw().expm1());
    }

    /** Element-wise square root; mirrors {@code tensor.sqrt()}. */
    public Tensor sqrt() {
        return op(() -> raw().sqrt());
    }

    /** Element-wise {@code 1 / sqrt(x)}; mirrors {@code tensor.rsqrt()}. */
    public Tensor rsqrt() {
        return op(() -> raw().rsqrt());
    }

    /** Element-wise {@code x * x}; mirrors {@code tensor.square()}. */
    public Tensor square() {
        return op(() -> raw().square());
    }

    /** Element-wise {@code 1 / x}; mirrors {@code tensor.reciprocal()}. */
    public Tensor reciprocal() {
        return op(() -> raw().reciprocal());
    }

    /** Element-wise absolute value; mirrors {@code tensor.abs()}. */
    public Tensor abs() {
        return op(() -> raw().abs());
    }

    /** Element-wise sign (-1, 0 or 1); mirrors {@code tensor.sign()}. */
    public Tensor sign() {
        return op(() -> raw().sign());
    }

    /** Element-wise rounding down; mirrors {@code tensor.floor()}. */
    public Tensor floor() {
        return op(() -> raw().floor());
    }

    /** Element-wise rounding up; mirrors {@code tensor.ceil()}. */
    public Tensor ceil() {
        return op(() -> raw().ceil());
    }

    /** Element-wise rounding to the nearest integer, halves to even; mirrors {@code tensor.round()}. */
    public Tensor round() {
        return op(() -> raw().round());
    }

    /** Element-wise rounding toward zero; mirrors {@code tensor.trunc()}. */
    public Tensor trunc() {
        return op(() -> raw().trunc());
    }

    /** Element-wise sine; mirrors {@code tensor.sin()}. */
    public Tensor sin() {
        return op(() -> raw().sin());
    }

    /** Element-wise cosine; mirrors {@code tensor.cos()}. */
    public Tensor cos() {
        return op(() -> raw().cos());
    }

    /** Element-wise logistic sigmoid; mirrors {@code tensor.sigmoid()}. */
    public Tensor sigmoid() {
        return op(() -> raw().sigmoid());
    }

    /** Element-wise hyperbolic tangent; mirrors {@code tensor.tanh()}. */
    public Tensor tanh() {
        return op(() -> raw().tanh());
    }

    /** Element-wise {@code max(x, 0)}; mirrors {@code tensor.relu()}. */
    public Tensor relu() {
        return op(() -> org.bytedeco.pytorch.global.torch.relu(raw()));
    }

    /** Element-wise rounding to {@code decimals} decimal places; mirrors {@code tensor.round(decimals=d)}. */
    public Tensor round(int decimals) {
        return op(() -> raw().round(decimals));
    }

    /** Where {@code x} is NaN, as booleans; mirrors {@code tensor.isnan()}. */
    public Tensor isnan() {
        return op(() -> raw().isnan());
    }

    /** {@code this} where {@code condition} is true, else {@code other} (broadcast); mirrors {@code tensor.where(condition, other)}. */
    public Tensor where(Tensor condition, Tensor other) {
        return op(() -> raw().where(condition.raw(), other.raw()));
    }

    /** {@code this} where {@code condition} is true, else {@code other}; mirrors {@code tensor.where(condition, value)}. */
    public Tensor where(Tensor condition, double other) {
        return op(() -> raw().where(condition.raw(), new Scalar(other)));
    }

    /** Element-wise {@code this == other}. */
    public Tensor eq(Tensor other) {
        return op(() -> raw().eq(other.raw()));
    }

    /** Element-wise {@code this == value}. */
    public Tensor eq(double value) {
        return op(() -> raw().eq(new Scalar(value)));
    }

    /** Element-wise {@code this == value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor eq(long value) {
        return op(() -> raw().eq(new Scalar(value)));
    }

    /** Element-wise {@code this != other}. */
    public Tensor ne(Tensor other) {
        return op(() -> raw().ne(other.raw()));
    }

    /** Element-wise {@code this != value}. */
    public Tensor ne(double value) {
        return op(() -> raw().ne(new Scalar(value)));
    }

    /** Element-wise {@code this != value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor ne(long value) {
        return op(() -> raw().ne(new Scalar(value)));
    }

    /** Element-wise {@code this > other}. */
    public Tensor gt(Tensor other) {
        return op(() -> raw().gt(other.raw()));
    }

    /** Element-wise {@code this > value}. */
    public Tensor gt(double value) {
        return op(() -> raw().gt(new Scalar(value)));
    }

    /** Element-wise {@code this > value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor gt(long value) {
        return op(() -> raw().gt(new Scalar(value)));
    }

    /** Element-wise {@code this >= other}. */
    public Tensor ge(Tensor other) {
        return op(() -> raw().ge(other.raw()));
    }

    /** Element-wise {@code this >= value}. */
    public Tensor ge(double value) {
        return op(() -> raw().ge(new Scalar(value)));
    }

    /** Element-wise {@code this >= value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor ge(long value) {
        return op(() -> raw().ge(new Scalar(value)));
    }

    /** Element-wise {@code this < other}. */
    public Tensor lt(Tensor other) {
        return op(() -> raw().lt(other.raw()));
    }

    /** Element-wise {@code this < value}. */
    public Tensor lt(double value) {
        return op(() -> raw().lt(new Scalar(value)));
    }

    /** Element-wise {@code this < value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor lt(long value) {
        return op(() -> raw().lt(new Scalar(value)));
    }

    /** Element-wise {@code this <= other}. */
    public Tensor le(Tensor other) {
        return op(() -> raw().le(other.raw()));
    }

    /** Element-wise {@code this <= value}. */
    public Tensor le(double value) {
        return op(() -> raw().le(new Scalar(value)));
    }

    /** Element-wise {@code this <= value}. With an integer, like a Python int: integer tensors stay integer. */
    public Tensor le(long value) {
        return op(() -> raw().le(new Scalar(value)));
    }

    /** Element-wise logical and (non-zero is true), as booleans; mirrors {@code tensor.logical_and(other)}. */
    public Tensor logicalAnd(Tensor other) {
        return op(() -> raw().logical_and(other.raw()));
    }

    /** Element-wise logical or (non-zero is true), as booleans; mirrors {@code tensor.logical_or(other)}. */
    public Tensor logicalOr(Tensor other) {
        return op(() -> raw().logical_or(other.raw()));
    }

    /** Element-wise logical xor (non-zero is true), as booleans; mirrors {@code tensor.logical_xor(other)}. */
    public Tensor logicalXor(Tensor other) {
        return op(() -> raw().logical_xor(other.raw()));
    }

    /** Element-wise logical not (non-zero is true), as booleans; mirrors {@code tensor.logical_not()}. */
    public Tensor logicalNot() {
        return op(() -> raw().logical_not());
    }

    /** {@code this & other} on integer or boolean tensors; mirrors {@code tensor.bitwise_and(other)}. */
    public Tensor bitwiseAnd(Tensor other) {
        return op(() -> raw().bitwise_and(other.raw()));
    }

    /** {@code this | other} on integer or boolean tensors; mirrors {@code tensor.bitwise_or(other)}. */
    public Tensor bitwiseOr(Tensor other) {
        return op(() -> raw().bitwise_or(other.raw()));
    }

    /** {@code this ^ other} on integer or boolean tensors; mirrors {@code tensor.bitwise_xor(other)}. */
    public Tensor bitwiseXor(Tensor other) {
        return op(() -> raw().bitwise_xor(other.raw()));
    }

    /** {@code ~this} on integer or boolean tensors; mirrors {@code tensor.bitwise_not()}. */
    public Tensor bitwiseNot() {
        return op(() -> raw().bitwise_not());
    }
}
