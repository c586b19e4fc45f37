package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;

/**
 * ResNet's 1x1-3x3-1x1 residual block (ResNet-50 and deeper, ResNeXt, Wide ResNet), with the
 * stride on the 3x3 convolution (ResNet V1.5). Mirrors {@code torchvision.models.resnet.Bottleneck}:
 * children {@code conv1, bn1, conv2, bn2, conv3, bn3, relu} and, when the shortcut changes
 * shape, {@code downsample}.
 *
 * <p>Input: (N, inplanes, H, W). Output: (N, planes·4, H / stride, W / stride). The inner width
 * is {@code floor(planes · baseWidth / 64) · groups}.
 */
public class Bottleneck extends Module implements TorchScriptable {
    /** The ratio of output to {@code planes} channels; mirrors {@code Bottleneck.expansion}. */
    public static final int EXPANSION = 4;

    /**
     * A plain block (groups 1, base width 64, no dilation); mirrors {@code Bottleneck(inplanes,
     * planes, stride, downsample)}.
     *
     * @param inplanes the block's input channels
     * @param planes the block's base width; the output has {@code planes * expansion} channels
     * @param stride the stride of the 3x3 convolution (2 halves the spatial size)
     * @param downsample the shortcut's projection when shapes change, or {@code null} for the
     *     identity
     */
    public Bottleneck(long inplanes, long planes, long stride, Module downsample) {
        this(inplanes, planes, stride, downsample, 1, 64, 1);
    }

    /**
     * The general block; mirrors {@code Bottleneck(inplanes, planes, stride, downsample, groups,
     * base_width, dilation)}.
     *
     * @param inplanes the block's input channels
     * @param planes the block's base width; the output has {@code planes * expansion} channels
     * @param stride the stride of the 3x3 convolution (2 halves the spatial size)
     * @param groups the groups of the 3x3 convolution (32 for ResNeXt)
     * @param baseWidth the channels per group at width 64 (torchvision's {@code base_width})
     * @param dilation the dilation of the 3x3 convolution
     * @param downsample the shortcut's projection, or {@code null} for the identity
     */
    public Bottleneck(long inplanes, long planes, long stride, Module downsample, long groups, long baseWidth, long dilation) {
        long width = (long) (planes * (baseWidth / 64.0)) * groups;
        registerModule("conv1", BasicBlock.conv1x1(inplanes, width, 1));
        registerModule("bn1", new BatchNorm2d(width));
        registerModule("conv2", BasicBlock.conv3x3(width, width, stride, groups, dilation));
        registerModule("bn2", new BatchNorm2d(width));
        registerModule("conv3", BasicBlock.conv1x1(width, planes * EXPANSION, 1));
        registerModule("bn3", new BatchNorm2d(planes * EXPANSION));
        registerModule("relu", new ReLU(true));
        if (downsample != null) {
            registerModule("downsample", downsample);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        // the block's intermediate activations are released as it returns (Scope.keepResult)
        return io.jtorch.Scope.keepResult(() -> {
            Module relu = child("relu");
            Tensor out = relu.forward(child("bn1").forward(child("conv1").forward(x)));
            out = relu.forward(child("bn2").forward(child("conv2").forward(out)));
            out = child("bn3").forward(child("conv3").forward(out));
            Tensor identity = namedChildren().containsKey("downsample") ? child("downsample").forward(x) : x;
            return relu.forward(out.add_(identity)); // out += identity, as torchvision adds
        });
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    out = self.relu.forward(self.bn1.forward(self.conv1.forward(x)))\n"
                + "    out = self.relu.forward(self.bn2.forward(self.conv2.forward(out)))\n"
                + "    out = self.bn3.forward(self.conv3.forward(out))\n"
                + (namedChildren().containsKey("downsample") ? "    identity = self.downsample.forward(x)\n" : "    identity = x\n")
                + "    return self.relu.forward(out + identity)\n";
    }
}
