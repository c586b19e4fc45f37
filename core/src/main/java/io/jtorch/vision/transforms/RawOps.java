package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.util.function.Supplier;
import org.bytedeco.pytorch.BoolOptional;
import io.jtorch.DType;
import io.jtorch.Generator;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.InterpolateFuncOptions;
import org.bytedeco.pytorch.LongVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.kBicubic;
import org.bytedeco.pytorch.kBilinear;
import org.bytedeco.pytorch.kNearest;

/**
 * The libtorch operations the transforms need that {@link Tensor} does not wrap; the only file of
 * this package that touches the presets. Each wraps one call and translates C++ errors.
 */
final class RawOps {
    private RawOps() {}

    /** The system property that keeps uint8 images on the float resize of torchvision 0.14's tensor path. */
    static final String FLOAT_RESIZE = "jtorch.vision.floatResize";

    /**
     * {@code torch.nn.functional.interpolate(img, size=[h, w], mode, align_corners=False for
     * bilinear and bicubic, antialias)} of a floating point (N, C, H, W) tensor, or of a uint8
     * one where {@link #nativeUint8Resize()} says libtorch's uint8 kernel is used.
     */
    static Tensor interpolate(Tensor img, long h, long w, InterpolationMode mode, boolean antialias) {
        return op("interpolate", () -> {
            InterpolateFuncOptions options = new InterpolateFuncOptions();
            options.size().put(new LongVector(h, w));
            switch (mode) {
                case NEAREST -> options.mode().put(new kNearest());
                case BILINEAR -> options.mode().put(new kBilinear());
                case BICUBIC -> options.mode().put(new kBicubic());
            }
            if (mode != InterpolationMode.NEAREST) {
                options.align_corners().put(new BoolOptional(false));
            }
            options.antialias().put(antialias);
            return torch.interpolate(img.raw(), options);
        });
    }

    /**
     * Whether antialiased bilinear and bicubic resizes of uint8 images run libtorch's uint8
     * kernel on the bytes, as {@code torchvision.transforms.v2} does on CPUs whose libtorch
     * dispatches to AVX2: that kernel computes in fixed point and clamps after each pass as PIL
     * does, where the float path converts to float, resizes and rounds back. Off on other CPUs
     * (their libtorch runs a generic uint8 kernel), and when the system property
     * {@value #FLOAT_RESIZE} is {@code true}.
     */
    static boolean nativeUint8Resize() {
        return Avx2.DISPATCH && !Boolean.getBoolean(FLOAT_RESIZE);
    }

    /** Whether libtorch dispatches its CPU kernels to their AVX2 versions, read once. */
    private static final class Avx2 {
        static final boolean DISPATCH = torch.get_cpu_capability().getString().contains("AVX2");
    }

    /**
     * {@code torch.nn.functional.pad(img, [left, right, top, bottom], mode, value)}; mode is
     * "constant", "reflect", "replicate" or "circular".
     */
    static Tensor pad(Tensor img, long left, long right, long top, long bottom, String mode, double value) {
        return op("pad", () -> torch.pad(img.raw(), new long[] {left, right, top, bottom}, mode,
                mode.equals("constant") ? new DoubleOptional(value) : new DoubleOptional()));
    }

    /** {@code torch.div(t, divisor, rounding_mode="floor")}. */
    static Tensor floorDivide(Tensor t, long divisor) {
        return op("div", () -> torch.div(t.raw(), new org.bytedeco.pytorch.Scalar(divisor), new org.bytedeco.pytorch.StringViewOptional("floor")));
    }

    /** {@code torch.round(t)}. */
    static Tensor round(Tensor t) {
        return op("round", () -> torch.round(t.raw()));
    }

    /** {@code torch.rand(1, generator=g).item()}: a float32 in [0, 1). */
    static double rand1(Generator g) {
        return op("rand", () -> torch.rand(new long[] {1}, new GeneratorOptional(g.raw()), new TensorOptions(DType.FLOAT32.scalarType())))
                .item();
    }

    /** {@code torch.randint(low, high, (1,), generator=g).item()}. */
    static long randint(Generator g, long low, long high) {
        return op("randint", () -> torch.randint(low, high, new long[] {1}, new GeneratorOptional(g.raw()),
                new TensorOptions(DType.INT64.scalarType()))).itemLong();
    }

    /** {@code torch.empty(1).uniform_(from, to, generator=g)}: a float32 tensor of one value. */
    static Tensor uniform1(Generator g, double from, double to) {
        return op("uniform_", () -> {
            org.bytedeco.pytorch.Tensor t = torch.empty(new long[] {1}, new TensorOptions(DType.FLOAT32.scalarType()), new org.bytedeco.pytorch.MemoryFormatOptional());
            t.uniform_(from, to, new GeneratorOptional(g.raw()));
            return t;
        });
    }

    /** {@code torch.empty(shape, dtype=float32).normal_(generator=g)}. */
    static Tensor normal(Generator g, long... shape) {
        return op("normal_", () -> {
            org.bytedeco.pytorch.Tensor t = torch.empty(shape, new TensorOptions(DType.FLOAT32.scalarType()), new org.bytedeco.pytorch.MemoryFormatOptional());
            t.normal_(0, 1, new GeneratorOptional(g.raw()));
            return t;
        });
    }

    /** {@code torch.where(cond, a, b)}. */
    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return op("where", () -> torch.where(cond.raw(), a.raw(), b.raw()));
    }

    /** {@code torch.fmod(t, d)}. */
    static Tensor fmod(Tensor t, double d) {
        return op("fmod", () -> torch.fmod(t.raw(), new Scalar(d)));
    }

    /** {@code t % d}, Python's remainder (the sign of the divisor). */
    static Tensor remainder(Tensor t, double d) {
        return op("remainder", () -> torch.remainder(t.raw(), new Scalar(d)));
    }

    /** {@code torch.floor(t)}. */
    static Tensor floor(Tensor t) {
        return op("floor", () -> torch.floor(t.raw()));
    }

    /** {@code torch.amax(t, dim, keepdim)} or {@code amin}. */
    static Tensor extreme(Tensor t, int dim, boolean max) {
        return op(max ? "amax" : "amin", () -> max ? torch.amax(t.raw(), new long[] {dim}, false) : torch.amin(t.raw(), new long[] {dim}, false));
    }

    /** {@code a & b} of bool tensors. */
    static Tensor and(Tensor a, Tensor b) {
        return op("logical_and", () -> torch.logical_and(a.raw(), b.raw()));
    }

    /** {@code torch.gather(t, dim, index)}. */
    static Tensor gather(Tensor t, int dim, Tensor index) {
        return op("gather", () -> torch.gather(t.raw(), dim, index.raw()));
    }

    /** {@code torch.flip(t, dims)}. */
    static Tensor flip(Tensor t, long... dims) {
        return op("flip", () -> torch.flip(t.raw(), dims));
    }

    /** {@code torch.linspace(start, end, steps)} in float32. */
    static Tensor linspace(double start, double end, long steps) {
        return op("linspace", () -> torch.linspace(new Scalar(start), new Scalar(end), steps, new TensorOptions(DType.FLOAT32.scalarType())));
    }

    /** {@code a.bmm(b)}. */
    static Tensor bmm(Tensor a, Tensor b) {
        return op("bmm", () -> torch.bmm(a.raw(), b.raw()));
    }

    /**
     * {@code F.grid_sample(img, grid, mode, padding_mode="zeros", align_corners=False)}: mode 0
     * bilinear, 1 nearest.
     */
    static Tensor gridSample(Tensor img, Tensor grid, boolean nearest) {
        return op("grid_sample", () -> torch.grid_sampler(img.raw(), grid.raw(), nearest ? 1 : 0, 0, false));
    }

    /** {@code t.expand(shape)}. */
    static Tensor expand(Tensor t, long[] shape) {
        return op("expand", () -> t.raw().expand(shape));
    }

    /** {@code torch.mean(t, dim=(-3, -2, -1), keepdim=True)}. */
    static Tensor meanLast3(Tensor t) {
        return op("mean", () -> {
            org.bytedeco.javacpp.LongPointer dims = new org.bytedeco.javacpp.LongPointer(-3, -2, -1);
            org.bytedeco.pytorch.Tensor out = torch.mean(t.raw(), new org.bytedeco.pytorch.LongArrayRefOptional(
                    new org.bytedeco.pytorch.LongArrayRef(dims, 3)), true, new org.bytedeco.pytorch.ScalarTypeOptional());
            dims.close();
            return out;
        });
    }

    private static Tensor op(String name, Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            return Tensor.wrap(f.get());
        } catch (RuntimeException e) {
            throw Errors.translate(e, name);
        }
    }
}
