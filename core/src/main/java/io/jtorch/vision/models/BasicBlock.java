package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;

/**
 * ResNet's two-convolution residual block (ResNet-18 and -34). Mirrors
 * {@code torchvision.models.resnet.BasicBlock}: children {@code conv1, bn1, relu, conv2, bn2} and,
 * when the shortcut changes shape, {@code downsample}.
 *
 * <p>Input: (N, inplanes, H, W). Output: (N, planes, H / stride, W / stride).
 */
public class BasicBlock extends Module implements TorchScriptable {
    /** The ratio of output to {@code planes} channels; mirrors {@code BasicBlock.expansion}. */
    public static final int EXPANSION = 1;

    /**
     * A block; mirrors {@code BasicBlock(inplanes, planes, stride, downsample)}.
     *
     * @param inplanes the block's input channels
     * @param planes the block's base width; the output has {@code planes * expansion} channels
     * @param stride the stride of the first 3x3 convolution (2 halves the spatial size)
     * @param downsample the shortcut's projection, or {@code null} for the identity
     */
    public BasicBlock(long inplanes, long planes, long stride, Module downsample) {
        registerModule("conv1", conv3x3(inplanes, planes, stride, 1, 1));
        registerModule("bn1", new BatchNorm2d(planes));
        registerModule("relu", new ReLU(true));
        registerModule("conv2", conv3x3(planes, planes, 1, 1, 1));
        registerModule("bn2", new BatchNorm2d(planes));
        if (downsample != null) {
            registerModule("downsample", downsample);
        }
    }

    /** A 3x3 convolution without bias, padded by its dilation; mirrors torchvision's {@code conv3x3}. */
    static Conv2d conv3x3(long in, long out, long stride, long groups, long dilation) {
        return new Conv2d(in, out, 3, Conv2d.options().stride(stride).padding(dilation).dilation(dilation).groups(groups).bias(false));
    }

    /** A 1x1 convolution without bias; mirrors torchvision's {@code conv1x1}. */
    static Conv2d conv1x1(long in, long out, long stride) {
        return new Conv2d(in, out, 1, Conv2d.options().stride(stride).bias(false));
    }

    @Override
    public Tensor forward(Tensor x) {
        // the block's intermediate activations are released as it returns (Scope.keepResult)
        return io.jtorch.Scope.keepResult(() -> {
            Tensor out = child("relu").forward(child("bn1").forward(child("conv1").forward(x)));
            out = child("bn2").forward(child("conv2").forward(out));
            Tensor identity = namedChildren().containsKey("downsample") ? child("downsample").forward(x) : x;
            return child("relu").forward(out.add_(identity)); // out += identity, as torchvision adds
        });
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    out = self.relu.forward(self.bn1.forward(self.conv1.forward(x)))\n"
                + "    out = self.bn2.forward(self.conv2.forward(out))\n"
                + (namedChildren().containsKey("downsample") ? "    identity = self.downsample.forward(x)\n" : "    identity = x\n")
                + "    return self.relu.forward(out + identity)\n";
    }
}
