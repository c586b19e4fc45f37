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

    /** {@return the element-wise e^x; mirrors {@code tensor.exp()}} */
    public Tensor exp() {
        return op(() -> raw().exp());
    }

    /** {@return the element-wise natural logarithm; mirrors {@code tensor.log()}} */
    public Tensor log() {
        return op(() -> raw().log());
    }

    /**
     * {@return the element-wise {@code log(1 + x)}, accurate near 0; mirrors {@code
     * tensor.log1p()}}
     */
    public Tensor log1p() {
        return op(() -> raw().log1p());
    }

    /**
     * {@return the element-wise {@code e^x - 1}, accurate near 0; mirrors {@code tensor.expm1()}}
     */
    public Tensor expm1() {
        return op(() -> raw().expm1());
    }

    /** {@return the element-wise square root; mirrors {@code tensor.sqrt()}} */
    public Tensor sqrt() {
        return op(() -> raw().sqrt());
    }

    /** {@return the element-wise {@code 1 / sqrt(x)}; mirrors {@code tensor.rsqrt()}} */
    public Tensor rsqrt() {
        return op(() -> raw().rsqrt());
    }

    /** {@return the element-wise {@code x * x}; mirrors {@code tensor.square()}} */
    public Tensor square() {
        return op(() -> raw().square());
    }

    /** {@return the element-wise {@code 1 / x}; mirrors {@code tensor.reciprocal()}} */
    public Tensor reciprocal() {
        return op(() -> raw().reciprocal());
    }

    /** {@return the element-wise absolute value; mirrors {@code tensor.abs()}} */
    public Tensor abs() {
        return op(() -> raw().abs());
    }

    /** {@return the element-wise sign (-1, 0 or 1); mirrors {@code tensor.sign()}} */
    public Tensor sign() {
        return op(() -> raw().sign());
    }

    /** {@return the element-wise rounding down; mirrors {@code tensor.floor()}} */
    public Tensor floor() {
        return op(() -> raw().floor());
    }

    /** {@return the element-wise rounding up; mirrors {@code tensor.ceil()}} */
    public Tensor ceil() {
        return op(() -> raw().ceil());
    }

    /**
     * {@return the element-wise rounding to the nearest integer, halves to even; mirrors {@code
     * tensor.round()}}
     */
    public Tensor round() {
        return op(() -> raw().round());
    }

    /** {@return the element-wise rounding toward zero; mirrors {@code tensor.trunc()}} */
    public Tensor trunc() {
        return op(() -> raw().trunc());
    }

    /** {@return the element-wise sine; mirrors {@code tensor.sin()}} */
    public Tensor sin() {
        return op(() -> raw().sin());
    }

    /** {@return the element-wise cosine; mirrors {@code tensor.cos()}} */
    public Tensor cos() {
        return op(() -> raw().cos());
    }

    /** {@return the element-wise logistic sigmoid; mirrors {@code tensor.sigmoid()}} */
    public Tensor sigmoid() {
        return op(() -> raw().sigmoid());
    }

    /** {@return the element-wise hyperbolic tangent; mirrors {@code tensor.tanh()}} */
    public Tensor tanh() {
        return op(() -> raw().tanh());
    }

    /** {@return the element-wise {@code max(x, 0)}; mirrors {@code tensor.relu()}} */
    public Tensor relu() {
        return op(() -> org.bytedeco.pytorch.global.torch.relu(raw()));
    }

    /**
     * {@return the element-wise rounding to {@code decimals} decimal places; mirrors {@code
     * tensor.round(decimals=d)}}
     *
     * @param decimals the number of decimal places (negative: to the left of the point)
     */
    public Tensor round(int decimals) {
        return op(() -> raw().round(decimals));
    }

    /** {@return where {@code x} is NaN, as booleans; mirrors {@code tensor.isnan()}} */
    public Tensor isnan() {
        return op(() -> raw().isnan());
    }

    /**
     * {@return {@code this} where {@code condition} is true, else {@code other} (broadcast);
     * mirrors {@code tensor.where(condition, other)}}
     *
     * @param condition a boolean tensor, broadcast, true where the first operand is taken
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor where(Tensor condition, Tensor other) {
        return op(() -> raw().where(condition.raw(), other.raw()));
    }

    /**
     * {@return {@code this} where {@code condition} is true, else {@code other}; mirrors {@code
     * tensor.where(condition, value)}}
     *
     * @param condition a boolean tensor, broadcast, true where the first operand is taken
     * @param other the value taken where {@code condition} is false
     */
    public Tensor where(Tensor condition, double other) {
        return op(() -> raw().where(condition.raw(), new Scalar(other)));
    }

    /**
     * {@return the element-wise {@code this == other}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor eq(Tensor other) {
        return op(() -> raw().eq(other.raw()));
    }

    /**
     * {@return the element-wise {@code this == value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor eq(double value) {
        return op(() -> raw().eq(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this == value}} With an integer, like a Python int: integer
     * tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor eq(long value) {
        return op(() -> raw().eq(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this != other}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor ne(Tensor other) {
        return op(() -> raw().ne(other.raw()));
    }

    /**
     * {@return the element-wise {@code this != value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor ne(double value) {
        return op(() -> raw().ne(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this != value}} With an integer, like a Python int: integer
     * tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor ne(long value) {
        return op(() -> raw().ne(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this > other}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor gt(Tensor other) {
        return op(() -> raw().gt(other.raw()));
    }

    /**
     * {@return the element-wise {@code this > value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor gt(double value) {
        return op(() -> raw().gt(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this > value}} With an integer, like a Python int: integer
     * tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor gt(long value) {
        return op(() -> raw().gt(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this >= other}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor ge(Tensor other) {
        return op(() -> raw().ge(other.raw()));
    }

    /**
     * {@return the element-wise {@code this >= value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor ge(double value) {
        return op(() -> raw().ge(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this >= value}} With an integer, like a Python int: integer
     * tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor ge(long value) {
        return op(() -> raw().ge(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this < other}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor lt(Tensor other) {
        return op(() -> raw().lt(other.raw()));
    }

    /**
     * {@return the element-wise {@code this < value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor lt(double value) {
        return op(() -> raw().lt(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this < value}} With an integer, like a Python int: integer
     * tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor lt(long value) {
        return op(() -> raw().lt(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this <= other}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor le(Tensor other) {
        return op(() -> raw().le(other.raw()));
    }

    /**
     * {@return the element-wise {@code this <= value}}
     *
     * @param value the number, as a Python float would be
     */
    public Tensor le(double value) {
        return op(() -> raw().le(new Scalar(value)));
    }

    /**
     * {@return the element-wise {@code this <= value}} With an integer, like a Python int: integer
     * tensors stay integer.
     *
     * @param value the number, as a Python int would be (integer tensors stay integer)
     */
    public Tensor le(long value) {
        return op(() -> raw().le(new Scalar(value)));
    }

    /**
     * {@return the element-wise logical and (non-zero is true), as booleans; mirrors {@code
     * tensor.logical_and(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor logicalAnd(Tensor other) {
        return op(() -> raw().logical_and(other.raw()));
    }

    /**
     * {@return the element-wise logical or (non-zero is true), as booleans; mirrors {@code
     * tensor.logical_or(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor logicalOr(Tensor other) {
        return op(() -> raw().logical_or(other.raw()));
    }

    /**
     * {@return the element-wise logical xor (non-zero is true), as booleans; mirrors {@code
     * tensor.logical_xor(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor logicalXor(Tensor other) {
        return op(() -> raw().logical_xor(other.raw()));
    }

    /**
     * {@return the element-wise logical not (non-zero is true), as booleans; mirrors {@code
     * tensor.logical_not()}}
     */
    public Tensor logicalNot() {
        return op(() -> raw().logical_not());
    }

    /**
     * {@return {@code this & other} on integer or boolean tensors; mirrors {@code
     * tensor.bitwise_and(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor bitwiseAnd(Tensor other) {
        return op(() -> raw().bitwise_and(other.raw()));
    }

    /**
     * {@return {@code this | other} on integer or boolean tensors; mirrors {@code
     * tensor.bitwise_or(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor bitwiseOr(Tensor other) {
        return op(() -> raw().bitwise_or(other.raw()));
    }

    /**
     * {@return {@code this ^ other} on integer or boolean tensors; mirrors {@code
     * tensor.bitwise_xor(other)}}
     *
     * @param other the other tensor, broadcast against this one as in PyTorch
     */
    public Tensor bitwiseXor(Tensor other) {
        return op(() -> raw().bitwise_xor(other.raw()));
    }

    /**
     * {@return {@code ~this} on integer or boolean tensors; mirrors {@code tensor.bitwise_not()}}
     */
    public Tensor bitwiseNot() {
        return op(() -> raw().bitwise_not());
    }
}
