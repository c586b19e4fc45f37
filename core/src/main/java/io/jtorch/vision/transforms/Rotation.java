package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.List;

/** {@code F.rotate} on tensors: an inverse affine grid sampled with {@code grid_sample}, as torchvision builds it. */
final class Rotation {
    private Rotation() {}

    /**
     * Rotates {@code angle} degrees counter-clockwise about the center, keeping the size; outside
     * pixels get {@code fill} (one value per channel or one for all; null leaves zeros without
     * the mask torchvision uses for a fill).
     */
    static Tensor rotate(Tensor img, double angle, InterpolationMode interpolation, double[] fill) {
        long[] shape = ImageShapes.checkImage(img, "rotate", 3);
        if (interpolation == InterpolationMode.BICUBIC) {
            throw new IllegalArgumentException("rotate: interpolation mode bicubic is unsupported with tensor input; use nearest or bilinear");
        }
        long c = ImageShapes.channels(shape);
        if (fill != null && fill.length > 1 && fill.length != c) {
            throw new IllegalArgumentException("rotate: the number of fill values (" + fill.length + ") does not match the " + c + " channels");
        }
        long h = ImageShapes.height(shape);
        long w = ImageShapes.width(shape);
        double[] m = inverseRotation(-angle);
        DType dtype = img.dtype().isFloatingPoint() ? img.dtype() : DType.FLOAT32;
        Tensor theta = Torch.tensor(m).to(dtype).reshape(1, 2, 3);
        Tensor grid = affineGrid(theta, w, h, dtype);
        // _cast_squeeze_in to the grid's dtype
        Tensor x = shape.length < 4 ? img.unsqueeze(0) : img;
        DType out = img.dtype();
        boolean cast = out != grid.dtype();
        if (cast) {
            x = x.to(grid.dtype());
        }
        long n = x.size(0);
        if (n > 1) {
            grid = RawOps.expand(grid, new long[] {n, h, w, 2});
        }
        boolean nearest = interpolation == InterpolationMode.NEAREST;
        Tensor y;
        if (fill != null) {
            Tensor withMask = Torch.cat(List.of(x, Torch.ones(n, 1, h, w).to(x.dtype())), 1);
            Tensor s = RawOps.gridSample(withMask, grid, nearest);
            Tensor mask = s.narrow(1, c, 1);
            Tensor body = s.narrow(1, 0, c);
            Tensor fillImg = Torch.tensor(fill).to(x.dtype()).view(1, fill.length, 1, 1);
            if (nearest) {
                y = RawOps.where(mask.lt(0.5), RawOps.expand(fillImg, body.shape()), body);
            } else {
                y = body.mul(mask).add(mask.neg().add(1.0).mul(fillImg));
            }
        } else {
            y = RawOps.gridSample(x, grid, nearest);
        }
        if (shape.length < 4) {
            y = y.squeeze(0);
        }
        if (cast) {
            y = (out.isFloatingPoint() ? y : RawOps.round(y)).to(out);
        }
        return y;
    }

    /** {@code _get_inverse_affine_matrix(center=[0, 0], angle, translate=[0, 0], scale=1, shear=[0, 0])}. */
    private static double[] inverseRotation(double angle) {
        double rot = Math.toRadians(angle);
        double a = Math.cos(rot);
        double b = -Math.sin(rot);
        double c = Math.sin(rot);
        double d = Math.cos(rot);
        // with the center and translation zero, the translation terms vanish
        return new double[] {d, -b, 0.0, -c, a, 0.0};
    }

    /** {@code _gen_affine_grid(theta, w, h, ow=w, oh=h)}. */
    private static Tensor affineGrid(Tensor theta, long w, long h, DType dtype) {
        double half = 0.5;
        Tensor xs = RawOps.linspace(-w * 0.5 + half, w * 0.5 + half - 1, w).to(dtype);
        Tensor ys = RawOps.linspace(-h * 0.5 + half, h * 0.5 + half - 1, h).to(dtype);
        Tensor gx = RawOps.expand(xs.view(1, w), new long[] {h, w});
        Tensor gy = RawOps.expand(ys.view(h, 1), new long[] {h, w});
        Tensor base = Torch.stack(List.of(gx, gy, Torch.onesLike(gx)), 2).reshape(1, h * w, 3);
        Tensor rescaled = theta.transpose(1, 2).div(Torch.tensor(new double[] {0.5 * w, 0.5 * h}).to(dtype));
        return RawOps.bmm(base, rescaled).view(1, h, w, 2);
    }
}
