package io.jtorch.vision.models;

import io.jtorch.nn.AvgPool2d;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.ReLU;

/**
 * DenseNet's step between dense blocks: batch norm, ReLU, 1x1 convolution, 2x2 average pool.
 * Mirrors {@code torchvision.models.densenet._Transition}: children {@code norm, relu, conv, pool}.
 *
 * <p>Input: (N, numInputFeatures, H, W). Output: (N, numOutputFeatures, H / 2, W / 2).
 */
public class Transition extends NamedSequential {
    /**
     * A transition; mirrors {@code _Transition(num_input_features, num_output_features)}.
     *
     * @param numInputFeatures the number of input channels
     * @param numOutputFeatures the number of output channels
     */
    public Transition(long numInputFeatures, long numOutputFeatures) {
        registerModule("norm", new BatchNorm2d(numInputFeatures));
        registerModule("relu", new ReLU(true));
        registerModule("conv", new Conv2d(numInputFeatures, numOutputFeatures, 1, Conv2d.options().bias(false)));
        registerModule("pool", new AvgPool2d(2, 2));
    }

    @Override
    protected String reprName() {
        return "_Transition";
    }
}
