package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Functional;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;

/**
 * One layer of a dense block: batch norm, ReLU, 1x1 convolution to {@code bnSize·growthRate}
 * channels, batch norm, ReLU, 3x3 convolution to {@code growthRate} channels, then dropout.
 * Mirrors {@code torchvision.models.densenet._DenseLayer} (without {@code memory_efficient}):
 * children {@code norm1, relu1, conv1, norm2, relu2, conv2}.
 *
 * <p>Input: (N, numInputFeatures, H, W), the block's features so far concatenated along the
 * channels. Output: (N, growthRate, H, W).
 */
public class DenseLayer extends Module implements TorchScriptable {
    private final double dropRate;

    /**
     * A layer; mirrors {@code _DenseLayer(num_input_features, growth_rate, bn_size, drop_rate)}.
     *
     * @param numInputFeatures the number of input channels
     * @param growthRate the channels each dense layer adds (torchvision's default 32)
     * @param bnSize the bottleneck's width in growth rates (torchvision's default 4)
     * @param dropRate the dropout probability after each dense layer (torchvision's default 0)
     */
    public DenseLayer(long numInputFeatures, long growthRate, long bnSize, double dropRate) {
        if (!(dropRate >= 0 && dropRate <= 1)) {
            throw new IllegalArgumentException("DenseLayer drop_rate must be in [0, 1], got " + dropRate);
        }
        this.dropRate = dropRate;
        registerModule("norm1", new BatchNorm2d(numInputFeatures));
        registerModule("relu1", new ReLU(true));
        registerModule("conv1", new Conv2d(numInputFeatures, bnSize * growthRate, 1, Conv2d.options().bias(false)));
        registerModule("norm2", new BatchNorm2d(bnSize * growthRate));
        registerModule("relu2", new ReLU(true));
        registerModule("conv2", new Conv2d(bnSize * growthRate, growthRate, 3, Conv2d.options().padding(1).bias(false)));
    }

    /** {@return the dropout probability after the layer; mirrors {@code drop_rate}} */
    public double dropRate() {
        return dropRate;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor bottleneck = child("conv1").forward(child("relu1").forward(child("norm1").forward(x)));
        Tensor out = child("conv2").forward(child("relu2").forward(child("norm2").forward(bottleneck)));
        return dropRate > 0 ? Functional.dropout(out, dropRate, isTraining()) : out;
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    x = self.conv1.forward(self.relu1.forward(self.norm1.forward(x)))\n"
                + "    x = self.conv2.forward(self.relu2.forward(self.norm2.forward(x)))\n"
                + (dropRate > 0 ? "    x = torch.dropout(x, " + dropRate + ", self.training)\n" : "")
                + "    return x\n";
    }

    @Override
    protected String reprName() {
        return "_DenseLayer";
    }
}
