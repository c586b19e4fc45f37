package io.jtorch.misuse;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.function.Function;

/**
 * One use of a tensor {@code x} of shape (4, 3) by the public API: a method of {@code x}, or
 * {@code x} as the argument of another tensor's method or of a {@link Torch} function.
 *
 * @param name how the call reads, e.g. {@code "x.add(ok)"}
 * @param apply the call; what it returns is the result
 * @param byValue whether the result depends on x's values only: not on its memory layout (strides,
 *     storage) and not on random draws
 */
record Op(String name, Function<Tensor, Object> apply, boolean byValue) {
    static Op of(String name, Function<Tensor, Object> apply) {
        return new Op(name, apply, true);
    }

    /** An operation whose result depends on more than x's values: its layout or random draws. */
    static Op notByValue(String name, Function<Tensor, Object> apply) {
        return new Op(name, apply, false);
    }

    /** A well-formed float32 tensor of {@code shape} with fixed values, the partner of binary operations. */
    static Tensor ok(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return Torch.arange(0, n, 1).reshape(shape).mul(0.37).sub(1.1);
    }

    /** An int64 tensor of fixed indices. */
    static Tensor indices(long... values) {
        return Torch.tensor(values);
    }
}
