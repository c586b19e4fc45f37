package io.jtorch.vision.models;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;

/**
 * The weight initialisations torchvision's model constructors apply after building the layers.
 * The schemes (distributions and their parameters) are torchvision's; the draws come from
 * jtorch's generator in module order, not in Python's exact sequence, so a seeded Java model's
 * initial weights differ from a seeded Python one (load a state dict to compare numbers).
 */
final class WeightInit {
    private WeightInit() {}

    /** {@code kaiming_normal_(w, mode="fan_out")} (gain √2): N(0, 2 / fan_out). */
    static void kaimingNormalFanOut(Tensor w) {
        long[] s = w.shape();
        long fanOut = s[0];
        for (int i = 2; i < s.length; i++) {
            fanOut *= s[i];
        }
        Init.normal_(w, 0, Math.sqrt(2.0 / fanOut));
    }

    /**
     * {@code trunc_normal_(w, std=std)}: N(0, std²) cut at torchvision's absolute bounds ±2. The
     * standard deviations used here are at most 0.04, so the bounds lie 50σ or more away and the
     * cut is a no-op in practice; values are clamped to the bounds to keep the guarantee.
     */
    static void truncNormal(Tensor w, double std) {
        try (NoGrad g = Torch.noGrad()) {
            w.normal_(0, std);
            w.copy_(w.clamp(-2.0, 2.0));
        }
    }

    /** {@code xavier_uniform_(w)}: U(-a, a) with {@code a = √(6 / (fan_in + fan_out))}. */
    static void xavierUniform(Tensor w) {
        long[] s = w.shape();
        long receptive = 1;
        for (int i = 2; i < s.length; i++) {
            receptive *= s[i];
        }
        double a = Math.sqrt(6.0 / (s[1] * receptive + s[0] * receptive));
        Init.uniform_(w, -a, a);
    }

    /**
     * The MobileNet / EfficientNet scheme: convolutions kaiming-normal (fan out) with zero bias,
     * batch norms ones and zeros, linears by {@code linear} with zero bias.
     */
    static void convNets(Module model, java.util.function.Consumer<Tensor> linear) {
        for (Module m : model.modules()) {
            if (m instanceof Conv2d) {
                kaimingNormalFanOut(((Conv2d) m).weight());
                zeroBias(((Conv2d) m).bias());
            } else if (m instanceof BatchNorm2d) {
                Init.ones_(m.parameter("weight"));
                Init.zeros_(m.parameter("bias"));
            } else if (m instanceof Linear) {
                linear.accept(((Linear) m).weight());
                zeroBias(((Linear) m).bias());
            }
        }
    }

    static void zeroBias(Tensor b) {
        if (b != null) {
            Init.zeros_(b);
        }
    }
}
