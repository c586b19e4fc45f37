package io.jtorch.nn;

import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;

/**
 * Weight initialisation in place. Mirrors {@code torch.nn.init}, with its trailing underscores:
 * {@code nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu')} is
 * {@code Init.kaimingNormal_(w, 0, Init.FanMode.FAN_OUT, "relu")}. With the same seed the numbers
 * equal PyTorch's: each function computes its bounds as {@code torch.nn.init} does and draws
 * from libtorch's CPU generator in the same order. Every function returns its tensor and runs
 * without recording gradients; a tensor without elements is left as it is, as PyTorch does.
 * <pre>{@code
 * model.apply(m -> {
 *     if (m instanceof Conv2d c) {
 *         Init.kaimingNormal_(c.weight(), 0, Init.FanMode.FAN_OUT, "relu");
 *     }
 * });
 * }</pre>
 */
@SuppressWarnings("try") // NoGrad guards are held for their scope, not referenced
public final class Init {
    private static final List<String> LINEAR = List.of("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
            "conv_transpose3d", "sigmoid");

    /** Which fan a Kaiming initialisation preserves; mirrors the {@code mode} argument. */
    public enum FanMode {
        /** {@code mode='fan_in'}: preserves the variance of activations in the forward pass (the default). */
        FAN_IN,
        /** {@code mode='fan_out'}: preserves the variance of gradients in the backward pass. */
        FAN_OUT
    }

    private Init() {}

    /**
     * {@return the recommended gain for a nonlinearity given by its {@code nn.functional} name; mirrors
     * {@code init.calculate_gain(nonlinearity)}: 1 for linear, conv and sigmoid, 5/3 for tanh,
     * √2 for relu, √(2 / (1 + 0.01²)) for leaky_relu, 3/4 for selu}
     *
     * @param nonlinearity the activation after the layer, by PyTorch's name ({@code "relu"},
     *     {@code "leaky_relu"}, {@code "tanh"}, ...)
     */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, "leaky_relu".equals(nonlinearity) ? 0.01 : 0);
    }

    /**
     * {@return the gain with a parameter (the negative slope of leaky_relu); mirrors {@code
     * init.calculate_gain(nonlinearity, param)}}
     *
     * @param nonlinearity the activation after the layer, by PyTorch's name ({@code "relu"},
     *     {@code "leaky_relu"}, {@code "tanh"}, ...)
     * @param param the nonlinearity's parameter: the negative slope of {@code leaky_relu}
     */
    public static double calculateGain(String nonlinearity, double param) {
        if (LINEAR.contains(nonlinearity)) {
            return 1;
        }
        switch (String.valueOf(nonlinearity)) {
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu":
                return Math.sqrt(2.0 / (1 + Math.pow(param, 2)));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity + " (linear, conv1d, conv2d, conv3d, "
                        + "conv_transpose1d/2d/3d, sigmoid, tanh, relu, leaky_relu, selu)");
        }
    }

    /**
     * {@return values from U(0, 1); mirrors {@code init.uniform_(tensor)}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     */
    public static Tensor uniform_(Tensor tensor) {
        return uniform_(tensor, 0, 1);
    }

    /**
     * {@return values drawn from U(from, to); mirrors {@code init.uniform_(tensor, a, b)}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param from the lower bound
     * @param to the upper bound
     */
    public static Tensor uniform_(Tensor tensor, double from, double to) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.uniform_(from, to);
        }
    }

    /**
     * {@return values from N(0, 1); mirrors {@code init.normal_(tensor)}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1);
    }

    /**
     * {@return values drawn from N(mean, std²); mirrors {@code init.normal_(tensor, mean, std)}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.normal_(mean, std);
        }
    }

    /**
     * N(0, 1) truncated to [-2, 2]; mirrors {@code init.trunc_normal_(tensor)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     */
    public static Tensor truncNormal_(Tensor tensor) {
        return truncNormal_(tensor, 0, 1, -2, 2);
    }

    /**
     * N(mean, std²) truncated to [-2, 2]; mirrors {@code init.trunc_normal_(tensor, mean, std)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @return {@code tensor}, filled
     */
    public static Tensor truncNormal_(Tensor tensor, double mean, double std) {
        return truncNormal_(tensor, mean, std, -2, 2);
    }

    /**
     * {@return values from N(mean, std²) truncated to [a, b], by inverse-CDF sampling as PyTorch does;
     * mirrors {@code init.trunc_normal_(tensor, mean, std, a, b)}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param mean the mean of the normal distribution
     * @param std the standard deviation of the normal distribution
     * @param a the lower cut-off (PyTorch's default -2)
     * @param b the upper cut-off (PyTorch's default 2)
     */
    public static Tensor truncNormal_(Tensor tensor, double mean, double std, double a, double b) {
        if (!(a < b) || !(std > 0)) {
            throw new IllegalArgumentException("trunc_normal_ needs std > 0 and a < b, got std=" + std + ", a=" + a + ", b=" + b);
        }
        double l = normCdf((a - mean) / std);
        double u = normCdf((b - mean) / std);
        try (NoGrad g = Torch.noGrad()) {
            tensor.uniform_(2 * l - 1, 2 * u - 1);
            org.bytedeco.pytorch.Tensor t = tensor.raw();
            t.erfinv_();
            t.mul_(new Scalar(std * Math.sqrt(2.)));
            t.add_(new Scalar(mean));
            t.clamp_(new org.bytedeco.pytorch.ScalarOptional(new Scalar(a)), new org.bytedeco.pytorch.ScalarOptional(new Scalar(b)));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "trunc_normal_");
        }
        return tensor;
    }

    private static double normCdf(double x) {
        double erf = Tensor.wrap(torch.erf(Torch.tensor(new double[] {x / Math.sqrt(2.)}, new long[0]).raw())).item();
        return (1. + erf) / 2.;
    }

    /**
     * Fills with {@code value}; mirrors {@code init.constant_}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param value the value every element takes
     * @return {@code tensor}, filled
     */
    public static Tensor constant_(Tensor tensor, double value) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.fill_(value);
        }
    }

    /**
     * {@return all zeros; mirrors {@code init.zeros_}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     */
    public static Tensor zeros_(Tensor tensor) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.zero_();
        }
    }

    /**
     * {@return all ones; mirrors {@code init.ones_}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     */
    public static Tensor ones_(Tensor tensor) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.fill_(1);
        }
    }

    /**
     * {@return the identity matrix (ones on the main diagonal of a non-square one); mirrors {@code
     * init.eye_}} 2-D only.
     *
     * @param tensor the tensor to fill in place, under no-grad
     */
    public static Tensor eye_(Tensor tensor) {
        if (tensor.dim() != 2) {
            throw new IllegalArgumentException("eye_: only tensors with 2 dimensions are supported, got " + Shapes.format(tensor.shape()));
        }
        try (NoGrad g = Torch.noGrad()) {
            tensor.zero_();
            torch.diagonal(tensor.raw()).fill_(new Scalar(1.0));
        }
        return tensor;
    }

    /**
     * Xavier (Glorot) uniform with gain 1; mirrors {@code init.xavier_uniform_(tensor)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     */
    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1.0);
    }

    /**
     * U(-a, a) with {@code a = gain·√(6 / (fan_in + fan_out))}; mirrors {@code
     * init.xavier_uniform_(tensor, gain)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     * @param gain the scaling factor (see {@link Init#calculateGain})
     */
    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        long[] fans = fans(tensor, "xavier_uniform_");
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(tensor, -a, a);
    }

    /**
     * Xavier (Glorot) normal with gain 1; mirrors {@code init.xavier_normal_(tensor)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     */
    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1.0);
    }

    /**
     * N(0, std²) with {@code std = gain·√(2 / (fan_in + fan_out))}; mirrors {@code
     * init.xavier_normal_(tensor, gain)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     * @param gain the scaling factor (see {@link Init#calculateGain})
     */
    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        long[] fans = fans(tensor, "xavier_normal_");
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        return normal_(tensor, 0, std);
    }

    /**
     * Kaiming (He) uniform with PyTorch's defaults: a = 0, fan-in, leaky_relu; mirrors {@code
     * init.kaiming_uniform_(tensor)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     */
    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0, FanMode.FAN_IN, "leaky_relu");
    }

    /**
     * Kaiming (He) uniform initialisation for a leaky ReLU of slope {@code a}, fan-in mode;
     * mirrors {@code init.kaiming_uniform_(tensor, a=a)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param a the negative slope of the leaky ReLU after this layer (0 for ReLU)
     * @return {@code tensor}, filled
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a) {
        return kaimingUniform_(tensor, a, FanMode.FAN_IN, "leaky_relu");
    }

    /**
     * U(-bound, bound) with {@code bound = gain·√(3 / fan)}; mirrors
     * {@code init.kaiming_uniform_(tensor, a, mode, nonlinearity)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param mode {@code FAN_IN} (PyTorch's default: keeps the forward pass's variance) or
     *     {@code FAN_OUT} (the backward pass's)
     * @param nonlinearity the activation after the layer, by PyTorch's name ({@code "relu"},
     *     {@code "leaky_relu"}, {@code "tanh"}, ...)
     * @return {@code tensor}, filled
     * @param a the negative slope, used when {@code nonlinearity} is "leaky_relu"
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a, FanMode mode, String nonlinearity) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(tensor, mode, "kaiming_uniform_"));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(tensor, -bound, bound);
    }

    /**
     * Kaiming (He) normal with PyTorch's defaults: a = 0, fan-in, leaky_relu; mirrors {@code
     * init.kaiming_normal_(tensor)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @return {@code tensor}, filled
     */
    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0, FanMode.FAN_IN, "leaky_relu");
    }

    /**
     * N(0, std²) with {@code std = gain / √fan}; mirrors
     * {@code init.kaiming_normal_(tensor, a, mode, nonlinearity)}.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param mode {@code FAN_IN} (PyTorch's default: keeps the forward pass's variance) or
     *     {@code FAN_OUT} (the backward pass's)
     * @param nonlinearity the activation after the layer, by PyTorch's name ({@code "relu"},
     *     {@code "leaky_relu"}, {@code "tanh"}, ...)
     * @return {@code tensor}, filled
     * @param a the negative slope, used when {@code nonlinearity} is "leaky_relu"
     */
    public static Tensor kaimingNormal_(Tensor tensor, double a, FanMode mode, String nonlinearity) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(tensor, mode, "kaiming_normal_"));
        return normal_(tensor, 0, std);
    }

    /**
     * {@return a (semi-)orthogonal matrix with gain 1; mirrors {@code init.orthogonal_(tensor)}}
     *
     * @param tensor the tensor to fill in place, under no-grad
     */
    public static Tensor orthogonal_(Tensor tensor) {
        return orthogonal_(tensor, 1.0);
    }

    /**
     * {@return a (semi-)orthogonal matrix from the QR decomposition of a normal sample, times {@code gain};
     * mirrors {@code init.orthogonal_(tensor, gain)}} At least 2-D; trailing dimensions are flattened.
     *
     * @param tensor the tensor to fill in place, under no-grad
     * @param gain the scaling factor (see {@link Init#calculateGain})
     */
    public static Tensor orthogonal_(Tensor tensor, double gain) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("orthogonal_: only tensors with 2 or more dimensions are supported, got "
                    + Shapes.format(tensor.shape()));
        }
        if (tensor.numel() == 0) {
            return tensor;
        }
        long rows = tensor.size(0);
        long cols = tensor.numel() / rows;
        try (NoGrad g = Torch.noGrad()) {
            org.bytedeco.pytorch.Tensor flattened = tensor.raw().new_empty(new long[] {rows, cols}).normal_();
            if (rows < cols) {
                flattened = flattened.t();
            }
            T_TensorTensor_T qr = torch.linalg_qr(flattened);
            org.bytedeco.pytorch.Tensor q = qr.get0();
            q.mul_(torch.diag(qr.get1(), 0).sign());
            if (rows < cols) {
                q = q.t();
            }
            tensor.raw().view_as(q).copy_(q);
            tensor.mul_(gain);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "orthogonal_");
        }
        return tensor;
    }

    /**
     * {@return the fan-in of a weight of shape (out, in, *kernel): {@code in * prod(kernel)}}
     *
     *
     * @param weight a weight of at least two dimensions, (out, in, *kernel)
     */
    public static long fanIn(Tensor weight) {
        return fans(weight, "fan in")[0];
    }

    /**
     * {@return the fan-out of a weight of shape (out, in, *kernel): {@code out * prod(kernel)}}
     *
     *
     * @param weight a weight of at least two dimensions, (out, in, *kernel)
     */
    public static long fanOut(Tensor weight) {
        return fans(weight, "fan out")[1];
    }

    private static long fan(Tensor tensor, FanMode mode, String what) {
        long[] fans = fans(tensor, what);
        return mode == FanMode.FAN_IN ? fans[0] : fans[1];
    }

    /** {fan_in, fan_out}, as PyTorch's {@code _calculate_fan_in_and_fan_out}. */
    private static long[] fans(Tensor tensor, String what) {
        long[] shape = tensor.shape();
        if (shape.length < 2) {
            throw new IllegalArgumentException(what + ": fan in and fan out can not be computed for a tensor with fewer than 2 "
                    + "dimensions, got " + Shapes.format(shape));
        }
        long receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive *= shape[i];
        }
        return new long[] {shape[1] * receptive, shape[0] * receptive};
    }

    /**
     * PyTorch's default for layers with a weight and a bias ({@code Linear}, {@code Conv2d}):
     * kaiming-uniform with a = √5 for the weight, U(-1/√fan_in, 1/√fan_in) for the bias
     * ({@code reset_parameters()}). {@code bias} may be null.
     *
     *
     * @param weight the layer's weight, (out, in, *kernel), overwritten
     * @param bias the layer's bias, (out), overwritten, or {@code null}
     */
    public static void resetLikePyTorch(Tensor weight, Tensor bias) {
        kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            long fanIn = fanIn(weight);
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            uniform_(bias, -bound, bound);
        }
    }
}
