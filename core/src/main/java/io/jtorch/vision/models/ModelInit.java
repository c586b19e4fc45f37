package io.jtorch.vision.models;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.BatchNorm;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;

/**
 * The weight initialisations torchvision's model constructors apply after building their layers
 * ({@code nn.init.kaiming_normal_}, {@code constant_}, {@code normal_}). Each draws from libtorch's
 * generator with {@code normal_}, as {@code torch.nn.init} does, in the order the model's
 * {@code modules()} lists the layers.
 */
final class ModelInit {
    private ModelInit() {}

    /** {@code kaiming_normal_(w, mode="fan_out", nonlinearity="relu")}: N(0, 2 / fan_out). */
    static void kaimingNormalFanOut(Tensor weight) {
        Init.normal_(weight, 0, Math.sqrt(2.0 / fanOut(weight)));
    }

    /** {@code kaiming_normal_(w)} with its defaults (a=0, mode="fan_in", leaky_relu): N(0, 2 / fan_in). */
    static void kaimingNormalFanIn(Tensor weight) {
        Init.normal_(weight, 0, Math.sqrt(2.0 / Init.fanIn(weight)));
    }

    /** {@code constant_(t, value)}. */
    static void constant(Tensor t, double value) {
        try (NoGrad g = Torch.noGrad()) {
            t.fill_(value);
        }
    }

    /** The fan-out of a weight of shape (out, in, *kernel): {@code out * prod(kernel)}. */
    static long fanOut(Tensor weight) {
        long[] shape = weight.shape();
        long fan = shape[0];
        for (int i = 2; i < shape.length; i++) {
            fan *= shape[i];
        }
        return fan;
    }

    /** The loop of ResNet's constructor: convolutions kaiming-normal (fan-out), batch norms 1 and 0. */
    static void resnet(Module model) {
        for (Module m : model.modules()) {
            if (m instanceof Conv2d) {
                kaimingNormalFanOut(((Conv2d) m).weight());
            } else if (m instanceof BatchNorm) {
                batchNorm(m);
            }
        }
    }

    /** A batch norm's scale set to 1 and shift to 0. */
    static void batchNorm(Module bn) {
        if (bn.parameter("weight") != null) {
            constant(bn.parameter("weight"), 1);
            constant(bn.parameter("bias"), 0);
        }
    }

    /** A linear layer's bias set to 0, when it has one. */
    static void zeroBias(Linear linear) {
        if (linear.bias() != null) {
            constant(linear.bias(), 0);
        }
    }
}
