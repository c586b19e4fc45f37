package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.GELU;
import io.jtorch.nn.LayerNorm;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import io.jtorch.vision.ops.Permute;
import io.jtorch.vision.ops.StochasticDepth;

/**
 * ConvNeXt's block: 7x7 depthwise conv, layer norm over channels, a 4x wide MLP with GELU, a
 * learnt per-channel layer scale, and a residual through {@link StochasticDepth}. Mirrors
 * {@code torchvision.models.convnext.CNBlock}: children {@code block} and
 * {@code stochastic_depth}, parameter {@code layer_scale} of shape (dim, 1, 1).
 *
 * <p>Shapes: input (N, dim, H, W), output the same.
 */
public class CNBlock extends Module implements TorchScriptable {
    /**
     * A block of {@code dim} channels; mirrors {@code CNBlock(dim, layer_scale,
     * stochastic_depth_prob)}.
     *
     * @param dim the number of channels of the block's input and output
     * @param layerScale the initial value of the per-channel layer scale (torchvision: 1e-6)
     * @param stochasticDepthProb this block's probability of dropping its residual branch in
     *     training (torchvision scales it with the block's depth)
     */
    public CNBlock(long dim, double layerScale, double stochasticDepthProb) {
        registerModule("block", new Sequential(
                new Conv2d(dim, dim, new long[] {7, 7}, new long[] {1, 1}, new long[] {3, 3}, new long[] {1, 1}, dim, true),
                new Permute(0, 2, 3, 1),
                new LayerNorm(new long[] {dim}, 1e-6, true),
                new Linear(dim, 4 * dim),
                new GELU(),
                new Linear(4 * dim, dim),
                new Permute(0, 3, 1, 2)));
        registerParameter("layer_scale", new Parameter(Torch.ones(dim, 1, 1).mul(layerScale)));
        registerModule("stochastic_depth", new StochasticDepth(stochasticDepthProb, "row"));
    }

    /**
     * {@return the per-channel scale of the residual branch, (dim, 1, 1); mirrors {@code
     * layer_scale}}
     */
    public Parameter layerScale() {
        return parameter("layer_scale");
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor result = layerScale().mul(child("block").forward(input));
        return child("stochastic_depth").forward(result).add(input);
    }

    @Override
    public String torchScript() {
        return "def forward(self, input: Tensor) -> Tensor:\n"
                + "    result = self.layer_scale * self.block.forward(input)\n"
                + "    result = self.stochastic_depth.forward(result)\n"
                + "    return result + input\n";
    }
}
