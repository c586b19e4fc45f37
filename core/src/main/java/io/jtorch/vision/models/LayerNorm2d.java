package io.jtorch.vision.models;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.LayerNorm;

/**
 * Layer normalisation over the channels of an (N, C, H, W) image: each pixel's C values are
 * normalised, as {@link LayerNorm} over the last dimension of the (N, H, W, C) view. Mirrors
 * {@code torchvision.models.convnext.LayerNorm2d}; parameters {@code weight} and {@code bias} of
 * shape (C).
 *
 * <p>Shapes: input (N, C, H, W), output the same.
 */
public class LayerNorm2d extends LayerNorm implements TorchScriptable {
    private final long channels;

    /**
     * A layer for {@code channels} channels with ConvNeXt's eps, 1e-6.
     *
     * @param channels the number of channels {@code C} of the (N, C, H, W) input
     */
    public LayerNorm2d(long channels) {
        this(channels, 1e-6);
    }

    /**
     * A layer for {@code channels} channels; mirrors {@code LayerNorm2d(channels, eps=eps)}.
     *
     * @param channels the number of channels {@code C} of the (N, C, H, W) input
     * @param eps the value added to the denominator for numerical stability
     */
    public LayerNorm2d(long channels, double eps) {
        super(new long[] {channels}, eps, true);
        this.channels = channels;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 4 || x.size(1) != channels) {
            throw new IllegalArgumentException("LayerNorm2d(" + channels + ") expects input of shape [N, " + channels + ", H, W], got "
                    + Shapes.format(x.shape()));
        }
        return super.forward(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    x = x.permute(0, 2, 3, 1)\n"
                + "    x = torch.layer_norm(x, [" + channels + "], self.weight, self.bias, " + eps() + ")\n"
                + "    return x.permute(0, 3, 1, 2)\n";
    }
}
