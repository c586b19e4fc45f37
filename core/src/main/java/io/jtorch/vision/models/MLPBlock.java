package io.jtorch.vision.models;

import io.jtorch.nn.GELU;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.vision.ops.MLP;

/**
 * The transformer's feed-forward block: {@code Linear, GELU, Dropout, Linear, Dropout}. Mirrors
 * {@code torchvision.models.vision_transformer.MLPBlock} (an {@code MLP}; keys {@code 0.weight}
 * and {@code 3.weight}), with its init: Xavier-uniform weights, biases from N(0, 1e-12).
 *
 * <p>Shapes: input (*, in_dim), output (*, in_dim).
 */
public class MLPBlock extends MLP {
    /**
     * A block {@code inDim -> mlpDim -> inDim}; mirrors {@code MLPBlock(in_dim, mlp_dim, dropout)}.
     *
     * @param inDim the width of the input and output
     * @param mlpDim the hidden width
     * @param dropout the dropout probability before the classifier
     */
    public MLPBlock(long inDim, long mlpDim, double dropout) {
        super(inDim, new long[] {mlpDim, inDim}, null, GELU::new, true, dropout);
        for (Module m : modules()) {
            if (m instanceof Linear) {
                WeightInit.xavierUniform(((Linear) m).weight());
                Init.normal_(((Linear) m).bias(), 0, 1e-6);
            }
        }
    }
}
