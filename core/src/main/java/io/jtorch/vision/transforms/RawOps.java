package io.jtorch.vision.transforms;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import java.util.function.Supplier;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.DoubleOptional;
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

    /**
     * {@code torch.nn.functional.interpolate(img, size=[h, w], mode, align_corners=False for
     * bilinear and bicubic, antialias)} of a floating point (N, C, H, W) tensor.
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

    private static Tensor op(String name, Supplier<org.bytedeco.pytorch.Tensor> f) {
        try {
            return Tensor.wrap(f.get());
        } catch (RuntimeException e) {
            throw Errors.translate(e, name);
        }
    }
}
