package io.jtorch.vision.models;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The Vision Transformer (Dosovitskiy et al., 2020): the image cut into patches by a strided
 * convolution, a class token prepended, a transformer {@link Encoder}, and a linear head on the
 * class token. Mirrors {@code torchvision.models.VisionTransformer}, with the same children
 * ({@code conv_proj}, {@code encoder}, {@code heads} holding {@code head}), parameter
 * {@code class_token} and state dict keys, so torchvision's {@code vit_b_16-c867db91.pth},
 * {@code vit_b_32-d86f8d99.pth} and {@code vit_l_16-852ce7e3.pth} load strictly (at
 * {@code imageSize} 224; the SWAG weights need 384 or 512).
 *
 * <p>Shapes: input (N, 3, image_size, image_size), output (N, num_classes). Replace the head as
 * in Python ({@code model.heads.head = nn.Linear(768, 10)}):
 * {@code model.heads().set(-1, new Linear(768, 10))}. Not mirrored: {@code representation_size}
 * (a pre-logits layer) and convolutional stems, which no torchvision builder uses by default.
 */
public class VisionTransformer extends VisionModel<VisionTransformer> implements TorchScriptable {
    private final long imageSize;
    private final long patchSize;
    private final long hiddenDim;

    /**
     * The general form; mirrors {@code VisionTransformer(image_size, patch_size, num_layers, num_heads, hidden_dim,
     * mlp_dim, dropout, attention_dropout, num_classes)}.
     *
     * @param imageSize the height and width of the input images, a multiple of the patch size (224
     *     by default)
     * @param patchSize the height and width of each patch
     * @param numLayers the number of encoder blocks
     * @param numHeads the number of attention heads; {@code hiddenDim} must be divisible by it
     * @param hiddenDim the width {@code D} of each token
     * @param mlpDim the hidden width of each block's MLP
     * @param attentionDropout the dropout probability of the attention weights
     * @param dropout the dropout probability before the classifier
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public VisionTransformer(long imageSize, long patchSize, long numLayers, long numHeads, long hiddenDim, long mlpDim,
                             double dropout, double attentionDropout, long numClasses) {
        if (patchSize <= 0 || imageSize <= 0 || imageSize % patchSize != 0) {
            throw new IllegalArgumentException("VisionTransformer: image_size " + imageSize + " is not divisible by patch_size "
                    + patchSize);
        }
        this.imageSize = imageSize;
        this.patchSize = patchSize;
        this.hiddenDim = hiddenDim;
        Conv2d convProj = registerModule("conv_proj", new Conv2d(3, hiddenDim, new long[] {patchSize, patchSize},
                new long[] {patchSize, patchSize}, new long[] {0, 0}, new long[] {1, 1}, 1, true));
        registerParameter("class_token", new Parameter(Torch.zeros(1, 1, hiddenDim)));
        long seqLength = (imageSize / patchSize) * (imageSize / patchSize) + 1;
        registerModule("encoder", new Encoder(seqLength, numLayers, numHeads, hiddenDim, mlpDim, dropout, attentionDropout));
        LinkedHashMap<String, Module> heads = new LinkedHashMap<>();
        Linear head = new Linear(hiddenDim, numClasses);
        heads.put("head", head);
        registerModule("heads", Parts.named(heads));
        WeightInit.truncNormal(convProj.weight(), Math.sqrt(1.0 / (3 * patchSize * patchSize)));
        Init.zeros_(convProj.bias());
        Init.zeros_(head.weight());
        Init.zeros_(head.bias());
    }

    private static VisionTransformer build(long patch, long layers, long heads, long hidden, long mlp, long numClasses, long imageSize) {
        return new VisionTransformer(imageSize, patch, layers, heads, hidden, mlp, 0.0, 0.0, numClasses);
    }

    /**
     * Mirrors {@code torchvision.models.vit_b_16(num_classes=n, image_size=s)}: patch 16, 12
     * layers, 12 heads, width 768.
     *
     * @param imageSize the height and width of the input images, a multiple of the patch size (224
     *     by default)
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VisionTransformer vitB16(long numClasses, long imageSize) {
        return build(16, 12, 12, 768, 3072, numClasses, imageSize);
    }

    /**
     * {@link #vitB16(long, long)} at image size 224.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VisionTransformer vitB16(long numClasses) {
        return vitB16(numClasses, 224);
    }

    /**
     * Mirrors {@code torchvision.models.vit_b_32(num_classes=n, image_size=s)}: patch 32, 12
     * layers, 12 heads, width 768.
     *
     * @param imageSize the height and width of the input images, a multiple of the patch size (224
     *     by default)
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VisionTransformer vitB32(long numClasses, long imageSize) {
        return build(32, 12, 12, 768, 3072, numClasses, imageSize);
    }

    /**
     * {@link #vitB32(long, long)} at image size 224.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VisionTransformer vitB32(long numClasses) {
        return vitB32(numClasses, 224);
    }

    /**
     * Mirrors {@code torchvision.models.vit_l_16(num_classes=n, image_size=s)}: patch 16, 24
     * layers, 16 heads, width 1024.
     *
     * @param imageSize the height and width of the input images, a multiple of the patch size (224
     *     by default)
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VisionTransformer vitL16(long numClasses, long imageSize) {
        return build(16, 24, 16, 1024, 4096, numClasses, imageSize);
    }

    /**
     * {@link #vitL16(long, long)} at image size 224.
     *
     * @return a new model, initialised as torchvision initialises it
     * @param numClasses the number of outputs of the classification head (torchvision's
     *     {@code num_classes})
     */
    public static VisionTransformer vitL16(long numClasses) {
        return vitL16(numClasses, 224);
    }

    /** {@return {@code vit_b_16} for 1000 classes at image size 224} */
    public static VisionTransformer vitB16() {
        return vitB16(1000);
    }

    /**
     * {@return {@code vit_b_16} with {@code weights} loaded strictly from {@code file}, at the
     * weights' image size}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VisionTransformer vitB16(ViTB16Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return vitB16(weights.numClasses(), weights.meta().cropSize()).loadWeights(file);
    }

    /** {@return {@code vit_b_32} for 1000 classes at image size 224} */
    public static VisionTransformer vitB32() {
        return vitB32(1000);
    }

    /**
     * {@return {@code vit_b_32} with {@code weights} loaded strictly from {@code file}, at the
     * weights' image size}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VisionTransformer vitB32(ViTB32Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return vitB32(weights.numClasses(), weights.meta().cropSize()).loadWeights(file);
    }

    /** {@return {@code vit_l_16} for 1000 classes at image size 224} */
    public static VisionTransformer vitL16() {
        return vitL16(1000);
    }

    /**
     * {@return {@code vit_l_16} with {@code weights} loaded strictly from {@code file}, at the
     * weights' image size}
     *
     * @param weights the pretrained weights; they fix the number of classes
     * @param file the weights file ({@code .pth} state dict or {@code .safetensors}) downloaded
     *     from the weights' URL
     * @throws java.io.IOException if the file cannot be read or is not a state dict; keys missing,
     *     unexpected or of another shape are an {@code IllegalArgumentException}
     */
    public static VisionTransformer vitL16(ViTL16Weights weights, java.nio.file.Path file) throws java.io.IOException {
        return vitL16(weights.numClasses(), weights.meta().cropSize()).loadWeights(file);
    }

    /** {@return the input's height and width; mirrors {@code image_size}} */
    public long imageSize() {
        return imageSize;
    }

    /** {@return the patch side; mirrors {@code patch_size}} */
    public long patchSize() {
        return patchSize;
    }

    /** {@return the token width; mirrors {@code hidden_dim}} */
    public long hiddenDim() {
        return hiddenDim;
    }

    /**
     * {@return the head, a {@code Sequential} with child {@code head}; mirrors {@code model.heads}}
     */
    public Sequential heads() {
        return Parts.sequential(this, "heads", child("heads"));
    }

    /**
     * Replaces the head; mirrors {@code model.heads = ...}.
     *
     * @param heads the new head
     */
    public void setHeads(Module heads) {
        registerModule("heads", heads);
    }

    /** {@return the transformer; mirrors {@code model.encoder}} */
    public Encoder encoder() {
        return (Encoder) child("encoder");
    }

    /** The final classifier layer, {@code heads.head}, as torchvision names it. */
    @Override
    public String headPath() {
        return "heads.head";
    }

    /** Puts {@code module} in place of {@code heads.head}; mirrors {@code model.heads.head = module}. Returns this. */
    @Override
    public VisionTransformer setHead(Module module) {
        heads().set(-1, module);
        return this;
    }

    @Override
    public Tensor forward(Tensor x) {
        long[] s = x.shape();
        if (s.length != 4 || s[2] != imageSize || s[3] != imageSize) {
            throw new IllegalArgumentException("VisionTransformer expects input of shape [N, 3, " + imageSize + ", " + imageSize
                    + "], got " + Shapes.format(s));
        }
        long n = s[0];
        long patches = (imageSize / patchSize) * (imageSize / patchSize);
        x = child("conv_proj").forward(x).reshape(n, hiddenDim, patches).permute(0, 2, 1);
        Tensor classTokens = Torch.cat(Collections.nCopies((int) n, parameter("class_token")), 0);
        x = Torch.cat(List.of(classTokens, x), 1);
        x = child("encoder").forward(x);
        return child("heads").forward(x.select(1, 0));
    }

    @Override
    public String torchScript() {
        long patches = (imageSize / patchSize) * (imageSize / patchSize);
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    torch._assert(x.size(2) == " + imageSize + ", \"Wrong image height! Expected " + imageSize + "\")\n"
                + "    torch._assert(x.size(3) == " + imageSize + ", \"Wrong image width! Expected " + imageSize + "\")\n"
                + "    n = x.size(0)\n"
                + "    x = self.conv_proj.forward(x)\n"
                + "    x = x.reshape(n, " + hiddenDim + ", " + patches + ")\n"
                + "    x = x.permute(0, 2, 1)\n"
                + "    batch_class_token = self.class_token.expand(n, -1, -1)\n"
                + "    x = torch.cat([batch_class_token, x], dim=1)\n"
                + "    x = self.encoder.forward(x)\n"
                + "    x = x[:, 0]\n"
                + "    return self.heads.forward(x)\n";
    }
}
