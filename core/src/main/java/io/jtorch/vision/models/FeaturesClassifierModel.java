package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;

/**
 * A torchvision model laid out as {@code features}, a global average pooling, a flatten and
 * {@code classifier} (EfficientNet, MobileNet V2 and V3; ConvNeXt, whose classifier flattens
 * itself): their shared accessors, forward and TorchScript. Mirrors the part of those torchvision classes that reads {@code model.features}
 * and {@code model.classifier}.
 *
 * @param <M> the model's own type, returned by the chained calls of {@link VisionModel}
 */
public abstract class FeaturesClassifierModel<M extends FeaturesClassifierModel<M>> extends VisionModel<M> implements TorchScriptable {
    /** Creates an empty model; the subclass registers {@code features}, the pooling and {@code classifier}. */
    protected FeaturesClassifierModel() {}

    /** {@return the convolutional trunk; mirrors {@code model.features}} */
    public Sequential features() {
        return Parts.sequential(this, "features", child("features"));
    }

    /** {@return the head, a {@code Sequential} ending in the final {@code Linear}; mirrors {@code model.classifier}} */
    public Sequential classifier() {
        return Parts.sequential(this, "classifier", child("classifier"));
    }

    /**
     * Replaces the trunk; mirrors {@code model.features = ...}.
     *
     * @param features the new feature extractor
     */
    public void setFeatures(Module features) {
        registerModule("features", features);
    }

    /**
     * Replaces the head; mirrors {@code model.classifier = ...}.
     *
     * @param classifier the new classification head
     */
    public void setClassifier(Module classifier) {
        registerModule("classifier", classifier);
    }

    /**
     * {@return the pooled features, shape {@code (N, C, 1, 1)}: the {@code avgpool} child by default}
     *
     * @param features the trunk's output, shape {@code (N, C, H, W)}
     */
    protected Tensor pool(Tensor features) {
        return child("avgpool").forward(features);
    }

    /** {@return the TorchScript line of {@link #pool}, assigning {@code x}} */
    protected String poolScript() {
        return "    x = self.avgpool.forward(x)\n";
    }

    /**
     * {@return what {@code classifier} receives: the pooled features flattened to {@code (N, C)}
     * by default}
     *
     * @param pooled the pooled features, shape {@code (N, C, 1, 1)}
     */
    protected Tensor classifierInput(Tensor pooled) {
        return pooled.flatten(1, -1);
    }

    /** {@return the TorchScript line of {@link #classifierInput}, assigning {@code x}; empty when it passes {@code x} on} */
    protected String classifierInputScript() {
        return "    x = torch.flatten(x, 1)\n";
    }

    @Override
    public Tensor forward(Tensor x) {
        x = pool(child("features").forward(x));
        return child("classifier").forward(classifierInput(x));
    }

    @Override
    public String torchScript() {
        return "def forward(self, x: Tensor) -> Tensor:\n"
                + "    x = self.features.forward(x)\n"
                + poolScript()
                + classifierInputScript()
                + "    return self.classifier.forward(x)\n";
    }
}
