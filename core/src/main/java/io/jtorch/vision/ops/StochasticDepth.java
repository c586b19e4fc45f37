package io.jtorch.vision.ops;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Module;
import java.util.Arrays;

/**
 * Randomly drops whole residual branches while training. Mirrors
 * {@code torchvision.ops.StochasticDepth} (and {@code torchvision.ops.stochastic_depth}).
 *
 * <p>In training mode each row of the batch ({@code mode = "row"}), or the whole batch
 * ({@code mode = "batch"}), is zeroed with probability {@code p} and the survivors are scaled by
 * {@code 1 / (1 - p)}, so the expected output equals the input. In eval mode, or with
 * {@code p = 0}, it returns its input unchanged.
 *
 * <p>Shapes: input (N, *), output the same.
 */
public class StochasticDepth extends Module implements TorchScriptable {
    private final double p;
    private final String mode;

    /**
     * A layer dropping with probability {@code p} in {@code mode} "row" or "batch".
     *
     * @param p the probability of zeroing, in [0, 1]
     * @param mode {@code "row"} (one draw per sample) or {@code "batch"} (one draw for the whole
     *     batch)
     * @throws IllegalArgumentException when {@code p} is outside [0, 1] or the mode is neither
     */
    public StochasticDepth(double p, String mode) {
        check(p, mode);
        this.p = p;
        this.mode = mode;
    }

    private static void check(double p, String mode) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("drop probability has to be between 0 and 1, but got " + p);
        }
        if (!"row".equals(mode) && !"batch".equals(mode)) {
            throw new IllegalArgumentException("mode has to be either 'batch' or 'row', but got " + mode);
        }
    }

    /** {@return the drop probability} */
    public double p() {
        return p;
    }

    /**
     * "row" or "batch".
     *
     * @return {@code "row"} or {@code "batch"}
     */
    public String mode() {
        return mode;
    }

    /**
     * {@return the function form; mirrors {@code torchvision.ops.stochastic_depth(input, p, mode, training)}}
     * The noise is drawn from jtorch's generator (Bernoulli by comparing uniform draws), so its
     * values do not repeat Python's for the same seed.
     *
     * @param input the residual branch's output, (N, ...)
     * @param p the probability of zeroing, in [0, 1]
     * @param mode {@code "row"} (one draw per sample) or {@code "batch"} (one draw for the whole
     *     batch)
     * @param training whether to drop (the op is the identity when false)
     */
    public static Tensor stochasticDepth(Tensor input, double p, String mode, boolean training) {
        check(p, mode);
        if (!training || p == 0.0) {
            return input;
        }
        if (input.dim() == 0) {
            throw new IllegalArgumentException("stochastic_depth needs an input with a batch dimension, got shape "
                    + Shapes.format(input.shape()));
        }
        double survival = 1.0 - p;
        long[] size = new long[input.dim()];
        Arrays.fill(size, 1);
        if ("row".equals(mode)) {
            size[0] = input.size(0);
        }
        Tensor noise = Torch.rand(size).lt(survival).to(input.device(), input.dtype());
        if (survival > 0.0) {
            noise = noise.div(survival);
        }
        return input.mul(noise);
    }

    @Override
    public Tensor forward(Tensor input) {
        return stochasticDepth(input, p, mode, isTraining());
    }

    @Override
    public String torchScript() {
        double survival = 1.0 - p;
        String size = "row".equals(mode) ? "[input.size(0)] + [1] * (input.dim() - 1)" : "[1] * input.dim()";
        return "def forward(self, input: Tensor) -> Tensor:\n"
                + "    if not self.training or " + p + " == 0.0:\n"
                + "        return input\n"
                + "    size = " + size + "\n"
                + "    noise = torch.empty(size, dtype=input.dtype, device=input.device)\n"
                + "    noise = noise.bernoulli_(" + survival + ")\n"
                + (survival > 0.0 ? "    noise.div_(" + survival + ")\n" : "")
                + "    return input * noise\n";
    }

    @Override
    public String extraRepr() {
        return "p=" + p + ", mode=" + mode;
    }
}
