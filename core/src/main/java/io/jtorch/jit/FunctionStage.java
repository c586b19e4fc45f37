package io.jtorch.jit;

import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import io.jtorch.nn.Module;
import java.util.List;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;

/**
 * One call of a compiled TorchScript function inside a chain, such as the
 * {@code torch.nn.functional.adaptive_avg_pool2d(x, (1, 1))} of a scripted torchvision
 * MobileNetV2, run on the running value and the call's constant arguments. Parameter-free and
 * deterministic; it is in eval mode, since it has no behaviour of its own in training.
 */
final class FunctionStage extends Module {
    private final ScriptModule owner;   // keeps the compilation unit that holds the function alive
    private final Function function;
    private final String name;
    private final int position;
    private final List<IValue> constants;

    FunctionStage(ScriptModule owner, Function function, String name, int position, List<IValue> constants) {
        this.owner = owner;
        this.function = function;
        this.name = name;
        this.position = position;
        this.constants = constants;
        eval();
    }

    @Override
    public Tensor forward(Tensor input) {
        IValueVector args = new IValueVector();
        for (int i = 0, c = 0; i <= constants.size(); i++) {
            args.push_back(i == position ? new IValue(input.raw()) : constants.get(c++));
        }
        IValue out;
        try {
            out = function.apply(args);
        } catch (RuntimeException e) {
            throw Errors.translate(e, name + " (TorchScript, in " + owner.originalName() + ") on input " + Shapes.format(input.shape()));
        }
        if (!out.isTensor()) {
            throw new IllegalStateException(name + " returned a " + out.tagKind().getString() + ", not a tensor");
        }
        return ScriptResults.owned(out);
    }

    @Override
    protected String reprName() {
        return name;
    }
}
