package io.jtorch.nn;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;

/**
 * Zeroes whole channels with probability p during training and scales the rest by 1/(1-p); the
 * identity in eval mode. Mirrors {@code torch.nn.Dropout2d}.
 *
 * <p>Input: (N, C, H, W) or (C, H, W). Output: the input's shape.
 */
public class Dropout2d extends Module implements TorchScriptable {
    private final double p;
    private final boolean inplace;

    /** Channel dropout with p = 0.5. */
    public Dropout2d() {
        this(0.5);
    }

    /**
     * Channel dropout with probability {@code p} in [0, 1].
     *
     * @param p the probability of zeroing a channel, in [0, 1] (PyTorch's default 0.5)
     */
    public Dropout2d(double p) {
        this(p, false);
    }

    /**
     * Mirrors {@code Dropout2d(p, inplace)}: the flag is printed as PyTorch prints it, but jtorch
     * always returns a new tensor.
     *
     * @param p the probability of zeroing a channel, in [0, 1] (PyTorch's default 0.5)
     * @param inplace PyTorch's flag, kept for printing; jtorch always returns a new tensor
     */
    public Dropout2d(double p, boolean inplace) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.inplace = inplace;
    }

    /** {@return the probability of zeroing a channel} */
    public double p() {
        return p;
    }

    /** {@return the {@code inplace} flag as given} */
    public boolean inplace() {
        return inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout2d(input, p, isTraining());
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    if x.dim() == 3:\n"
                + "        return torch.feature_dropout(x.unsqueeze(0), " + p + ", self.training).squeeze(0)\n"
                + "    return torch.feature_dropout(x, " + p + ", self.training)\n";
    }

    @Override
    public String extraRepr() {
        return "p=" + p + ", inplace=" + (inplace ? "True" : "False");
    }
}
