package io.jtorch.vision.transforms;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.Arrays;

/** The value operations behind {@link Functional}, written as torchvision's {@code functional_tensor} computes them. */
final class Colors {
    private Colors() {}

    /** {@code _max_value(dtype)}: the largest value of an integer image type. */
    static double maxValue(DType dtype) {
        return switch (dtype) {
            case UINT8 -> 255;
            case INT8 -> 127;
            case INT16 -> 32767;
            case INT32 -> Integer.MAX_VALUE;
            case INT64 -> Long.MAX_VALUE;
            case BOOL -> 1;
            default -> 1;
        };
    }

    static Tensor convertImageDtype(Tensor image, DType dtype) {
        if (image == null) {
            throw new NullPointerException("convert_image_dtype: image is null");
        }
        DType from = image.dtype();
        if (from == dtype) {
            return image;
        }
        if (from.isFloatingPoint()) {
            if (dtype.isFloatingPoint()) {
                return image.to(dtype);
            }
            if ((from == DType.FLOAT32 && (dtype == DType.INT32 || dtype == DType.INT64)) || (from == DType.FLOAT64 && dtype == DType.INT64)) {
                throw new IllegalArgumentException("convert_image_dtype: the cast from " + from + " to " + dtype + " cannot be performed safely");
            }
            double eps = 1e-3;
            return image.mul(maxValue(dtype) + 1.0 - eps).to(dtype);
        }
        double inputMax = maxValue(from);
        if (dtype.isFloatingPoint()) {
            return image.to(dtype).div(inputMax);
        }
        double outputMax = maxValue(dtype);
        if (inputMax > outputMax) {
            long factor = (long) ((inputMax + 1) / (outputMax + 1));
            return RawOps.floorDivide(image, factor).to(dtype);
        }
        long factor = (long) ((outputMax + 1) / (inputMax + 1));
        return image.to(dtype).mul(factor);
    }

    static Tensor normalize(Tensor tensor, double[] mean, double[] std) {
        long[] shape = ImageShapes.checkImage(tensor, "normalize", 3);
        if (!tensor.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("normalize: input tensor should be a float tensor, got " + tensor.dtype()
                    + "; convert it first with ConvertImageDtype(FLOAT32) or ToTensor");
        }
        long c = ImageShapes.channels(shape);
        checkPerChannel(mean, c, "means");
        checkPerChannel(std, c, "stds");
        Tensor m = Torch.tensor(mean).to(tensor.dtype());
        Tensor s = Torch.tensor(std).to(tensor.dtype());
        if (s.eq(0.0).sum().item() > 0) {
            throw new IllegalArgumentException("normalize: std " + Arrays.toString(std) + " evaluated to zero after conversion to "
                    + tensor.dtype() + ", leading to division by zero");
        }
        return tensor.sub(m.view(-1, 1, 1)).div(s.view(-1, 1, 1));
    }

    private static void checkPerChannel(double[] values, long channels, String what) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("normalize: needs at least one value for the " + what);
        }
        if (values.length != 1 && values.length != channels) {
            throw new IllegalArgumentException("normalize: " + values.length + " " + what + " for an image of " + channels + " channels");
        }
    }
}
