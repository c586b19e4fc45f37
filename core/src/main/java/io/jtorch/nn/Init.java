package io.jtorch.nn;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.Errors;
import org.bytedeco.pytorch.FanModeType;
import org.bytedeco.pytorch.Nonlinearity;
import org.bytedeco.pytorch.kFanIn;
import org.bytedeco.pytorch.kLeakyReLU;
import org.bytedeco.pytorch.global.torch;

/**
 * Weight initialisation in place. Mirrors {@code torch.nn.init}; with the same seed the numbers
 * equal PyTorch's, because both draw from libtorch's CPU generator in the same order.
 */
public final class Init {
    private Init() {}

    /**
     * Kaiming (He) uniform initialisation for a leaky ReLU of slope {@code a}, fan-in mode;
     * mirrors {@code init.kaiming_uniform_(tensor, a=a)}. Returns the tensor. A tensor without
     * elements is left as it is, as PyTorch does ({@code nn.Linear(0, n)} is a valid layer).
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a) {
        if (tensor.numel() == 0) {
            return tensor;
        }
        try {
            torch.kaiming_uniform_(tensor.raw(), a, new FanModeType(new kFanIn()), new Nonlinearity(new kLeakyReLU()));
        } catch (RuntimeException e) {
            throw Errors.translate(e, "kaiming_uniform_");
        }
        return tensor;
    }

    /** Values drawn from U(from, to); mirrors {@code init.uniform_}. Returns the tensor. */
    public static Tensor uniform_(Tensor tensor, double from, double to) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.uniform_(from, to);
        }
    }

    /** Values drawn from N(mean, std²); mirrors {@code init.normal_}. Returns the tensor. */
    public static Tensor normal_(Tensor tensor, double mean, double std) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.normal_(mean, std);
        }
    }

    /** All zeros; mirrors {@code init.zeros_}. Returns the tensor. */
    public static Tensor zeros_(Tensor tensor) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.zero_();
        }
    }

    /** All ones; mirrors {@code init.ones_}. Returns the tensor. */
    public static Tensor ones_(Tensor tensor) {
        try (NoGrad g = Torch.noGrad()) {
            return tensor.fill_(1);
        }
    }

    /** The fan-in of a weight of shape (out, in, *kernel): {@code in * prod(kernel)}. */
    public static long fanIn(Tensor weight) {
        long[] shape = weight.shape();
        if (shape.length < 2) {
            throw new IllegalArgumentException("fan in can not be computed for a tensor with fewer than 2 dimensions");
        }
        long fan = shape[1];
        for (int i = 2; i < shape.length; i++) {
            fan *= shape[i];
        }
        return fan;
    }

    /**
     * PyTorch's default for layers with a weight and a bias ({@code Linear}, {@code Conv2d}):
     * kaiming-uniform with a = √5 for the weight, U(-1/√fan_in, 1/√fan_in) for the bias
     * ({@code reset_parameters()}). {@code bias} may be null.
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
