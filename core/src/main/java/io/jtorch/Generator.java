package io.jtorch;

import io.jtorch.internal.Native;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * A CPU random number generator. Mirrors {@code torch.Generator}: the same seed gives the same
 * numbers as PyTorch's, for the operations that accept a generator.
 * <pre>{@code
 * Generator g = new Generator().manualSeed(42);      // torch.Generator().manual_seed(42)
 * Tensor order = g.randperm(10);                      // torch.randperm(10, generator=g)
 * }</pre>
 * Not thread-safe: use one generator per thread.
 */
public final class Generator {
    static {
        Native.load();
    }

    private final org.bytedeco.pytorch.Generator raw;

    /** A new generator with libtorch's default seed; mirrors {@code torch.Generator()}. */
    public Generator() {
        this(torch.createCPUGenerator());
    }

    private Generator(org.bytedeco.pytorch.Generator raw) {
        this.raw = raw.retainReference();
    }

    /**
     * {@return the global generator that {@link Torch#manualSeed} seeds; mirrors {@code
     * torch.default_generator}}
     */
    public static Generator defaultGenerator() {
        return new Generator(torch.getDefaultCPUGenerator());
    }

    /**
     * Seeds this generator; mirrors {@code manual_seed}. Returns this.
     *
     * @param seed the seed of the random generator
     * @return this, for chaining
     */
    public Generator manualSeed(long seed) {
        raw.set_current_seed(seed);
        return this;
    }

    /** {@return the seed last set; mirrors {@code initial_seed()}} */
    public long initialSeed() {
        return raw.current_seed();
    }

    /** {@return the generator's full state as a uint8 tensor; mirrors {@code get_state()}} */
    public Tensor getState() {
        return Tensor.wrap(raw.get_state());
    }

    /**
     * Restores a state from {@link #getState()}; mirrors {@code set_state()}.
     *
     * @param state a state from {@link #getState()}
     */
    public void setState(Tensor state) {
        try {
            raw.set_state(state.raw());
        } catch (RuntimeException e) {
            throw io.jtorch.internal.Errors.translate(e, "Generator.setState");
        }
    }

    /**
     * {@return a random permutation of 0..n-1 drawn from this generator; mirrors {@code
     * torch.randperm(n, generator=g)}}
     *
     * @param n the number of indices, {@code 0} to {@code n - 1}
     */
    public Tensor randperm(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("randperm needs n >= 0, got " + n);
        }
        try {
            return Tensor.wrap(torch.randperm(n, new GeneratorOptional(raw), new TensorOptions(DType.INT64.scalarType())));
        } catch (RuntimeException e) {
            throw io.jtorch.internal.Errors.translate(e, "randperm(" + n + ")");
        }
    }

    /**
     * {@return a random non-negative 63-bit integer drawn from this generator, as
     * {@code torch.empty((), dtype=torch.int64).random_(generator=g).item()} does}
     */
    public long randomLong() {
        org.bytedeco.pytorch.Tensor t = HostCopy.empty(new long[0], DType.INT64);
        t.random_(new GeneratorOptional(raw));
        return t.item().toLong();
    }

    /** {@return the presets' generator behind this one} */
    public org.bytedeco.pytorch.Generator raw() {
        return raw;
    }
}
