package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;
import io.jtorch.nn.SiLU;
import io.jtorch.nn.Sigmoid;
import io.jtorch.vision.ops.Conv2dNormActivation;
import io.jtorch.vision.ops.SqueezeExcitation;
import io.jtorch.vision.ops.StochasticDepth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * EfficientNet's mobile inverted bottleneck: 1x1 expansion, depthwise conv, squeeze-excitation,
 * 1x1 projection, and a residual through {@link StochasticDepth} when the shape is kept. Mirrors
 * {@code torchvision.models.efficientnet.MBConv}; children {@code block} and
 * {@code stochastic_depth}.
 */
public class MBConv extends Module implements TorchScriptable {
    private final boolean useResConnect;

    /**
     * A block for {@code cnf}; mirrors {@code MBConv(cnf, stochastic_depth_prob, norm_layer)}.
     *
     * @param cnf the block's configuration
     * @param normLayer a factory of the norm layer from a channel count
     * @param stochasticDepthProb this block's probability of dropping its residual branch in
     *     training (torchvision scales it with the block's depth)
     */
    public MBConv(MBConvConfig cnf, double stochasticDepthProb, LongFunction<? extends Module> normLayer) {
        if (cnf.stride() < 1 || cnf.stride() > 2) {
            throw new IllegalArgumentException("illegal stride value " + cnf.stride());
        }
        useResConnect = cnf.stride() == 1 && cnf.inputChannels() == cnf.outChannels();
        List<Module> layers = new ArrayList<>();
        long expanded = Parts.makeDivisible(cnf.inputChannels() * cnf.expandRatio(), 8);
        if (expanded != cnf.inputChannels()) {
            layers.add(new Conv2dNormActivation(cnf.inputChannels(), expanded,
                    Conv2dNormActivation.options().kernelSize(1).normLayer(normLayer).activationLayer(() -> new SiLU(true))));
        }
        layers.add(new Conv2dNormActivation(expanded, expanded, Conv2dNormActivation.options().kernelSize(cnf.kernel())
                .stride(cnf.stride()).groups(expanded).normLayer(normLayer).activationLayer(() -> new SiLU(true))));
        long squeeze = Math.max(1, cnf.inputChannels() / 4);
        layers.add(new SqueezeExcitation(expanded, squeeze, () -> new SiLU(true), Sigmoid::new));
        layers.add(new Conv2dNormActivation(expanded, cnf.outChannels(),
                Conv2dNormActivation.options().kernelSize(1).normLayer(normLayer).activationLayer(null)));
        registerModule("block", new Sequential(layers));
        registerModule("stochastic_depth", new StochasticDepth(stochasticDepthProb, "row"));
    }

    /** {@return whether the input is added to the output; mirrors {@code use_res_connect}} */
    public boolean useResConnect() {
        return useResConnect;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor result = child("block").forward(input);
        return useResConnect ? child("stochastic_depth").forward(result).add(input) : result;
    }

    /** The TorchScript of both MBConv kinds' forward: {@code block}, and with {@code res} {@code stochastic_depth(result) + input}. */
    static String residualScript(boolean res) {
        return "def forward(self, input: Tensor) -> Tensor:\n"
                + "    result = self.block.forward(input)\n"
                + (res ? "    result = self.stochastic_depth.forward(result)\n    result = result + input\n" : "")
                + "    return result\n";
    }

    @Override
    public String torchScript() {
        return residualScript(useResConnect);
    }
}
