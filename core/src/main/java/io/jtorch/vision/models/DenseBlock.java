package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense block: each {@link DenseLayer} sees the block's input and every earlier layer's output,
 * concatenated along the channels. Mirrors {@code torchvision.models.densenet._DenseBlock}:
 * children {@code denselayer1 .. denselayerN}.
 *
 * <p>Input: (N, numInputFeatures, H, W). Output: (N, numInputFeatures + numLayers·growthRate, H, W).
 */
public class DenseBlock extends Module implements TorchScriptable {
    /**
     * A block; mirrors {@code _DenseBlock(num_layers, num_input_features, bn_size, growth_rate,
     * drop_rate)}.
     *
     * @param numLayers the number of dense layers in the block
     * @param numInputFeatures the number of input channels
     * @param bnSize the bottleneck's width in growth rates (torchvision's default 4)
     * @param growthRate the channels each dense layer adds (torchvision's default 32)
     * @param dropRate the dropout probability after each dense layer (torchvision's default 0)
     */
    public DenseBlock(int numLayers, long numInputFeatures, long bnSize, long growthRate, double dropRate) {
        if (numLayers < 1) {
            throw new IllegalArgumentException("DenseBlock needs at least one layer, got " + numLayers);
        }
        for (int i = 0; i < numLayers; i++) {
            registerModule("denselayer" + (i + 1), new DenseLayer(numInputFeatures + i * growthRate, growthRate, bnSize, dropRate));
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        List<Tensor> features = new ArrayList<>();
        features.add(x);
        for (Module layer : children()) {
            features.add(layer.forward(Torch.cat(features, 1)));
        }
        return Torch.cat(features, 1);
    }

    @Override
    public String torchScript() {
        StringBuilder s = new StringBuilder("def forward(self, x: Tensor) -> Tensor:\n    features = [x]\n");
        for (String name : namedChildren().keySet()) {
            s.append("    features.append(self.").append(name).append(".forward(torch.cat(features, 1)))\n");
        }
        return s.append("    return torch.cat(features, 1)\n").toString();
    }

    @Override
    protected String reprName() {
        return "_DenseBlock";
    }
}
