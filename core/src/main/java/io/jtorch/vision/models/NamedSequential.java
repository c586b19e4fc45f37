package io.jtorch.vision.models;

import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import io.jtorch.jit.TorchScriptable;
import io.jtorch.nn.Module;
import java.util.Map;

/**
 * Named modules applied one after another, in registration order. Mirrors
 * {@code torch.nn.Sequential(OrderedDict([...]))} and the {@code Sequential} subclasses
 * torchvision builds with {@code add_module} (DenseNet's {@code features}, {@code _Transition}):
 * children keep their names ({@code conv0}, {@code denseblock1}), so state dict keys read
 * {@code features.conv0.weight}. Add children with {@link #registerModule}; registering an
 * existing name replaces that child in place.
 */
public class NamedSequential extends Module implements TorchScriptable, io.jtorch.nn.Staged {
    /**
     * Passes {@code input} through every child in order.
     *
     * @throws RuntimeException of the failing child's kind, its message prefixed with its name
     */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Map.Entry<String, Module> c : namedChildren().entrySet()) {
            try {
                x = c.getValue().forward(x);
            } catch (RuntimeException e) {
                throw Errors.withContext(e, reprName() + "." + c.getKey());
            }
        }
        return x;
    }

    /** The children, in order: the stages of {@link #forward}. */
    @Override
    public java.util.LinkedHashMap<String, Module> stages() {
        return new java.util.LinkedHashMap<>(namedChildren());
    }

    /** Printed as PyTorch prints it: {@code Sequential}. */
    @Override
    protected String reprName() {
        return "Sequential";
    }

    @Override
    public String torchScript() {
        StringBuilder s = new StringBuilder("def forward(self, x: Tensor) -> Tensor:\n");
        for (String name : namedChildren().keySet()) {
            s.append("    x = getattr(self, \"").append(name).append("\").forward(x)\n");
        }
        return s.append("    return x\n").toString();
    }
}
