package io.jtorch.misuse;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.misuse.Kinds.Kind;
import io.jtorch.misuse.MisuseCase.Outcome;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm1d;
import io.jtorch.nn.BatchNorm2d;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.GELU;
import io.jtorch.nn.Identity;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every layer's {@code forward}, in training and in eval mode, with and without autograd, on
 * every {@link Kinds kind} of input made for the shape the layer expects. A result must have the
 * right batch size and be readable, and for inputs that differ only in layout it must equal the
 * result for the contiguous copy; a released input must be refused.
 */
final class LayerCases {
    /** A layer and the input shape it expects. */
    record Layer(String name, Supplier<Module> make, long[] inputShape) {}

    private LayerCases() {}

    static List<Layer> layers() {
        return List.of(
                new Layer("Linear(3, 2)", () -> new Linear(3, 2), new long[] {4, 3}),
                new Layer("Linear(3, 2, bias=false)", () -> new Linear(3, 2, false), new long[] {4, 3}),
                new Layer("Linear(0, 2)", () -> new Linear(0, 2), new long[] {4, 0}),
                new Layer("Conv2d(3, 2, 3, padding 1)", () -> new Conv2d(3, 2, 3, 1, 1), new long[] {2, 3, 5, 5}),
                new Layer("Conv2d(3, 6, 2, groups 3)", () -> new Conv2d(3, 6, new long[] {2}, new long[] {1}, new long[] {0},
                        new long[] {1}, 3, true), new long[] {2, 3, 4, 4}),
                new Layer("Conv2d(3, 2, 7) larger than the image", () -> new Conv2d(3, 2, 7), new long[] {2, 3, 5, 5}),
                new Layer("BatchNorm1d(3)", () -> new BatchNorm1d(3), new long[] {4, 3}),
                new Layer("BatchNorm2d(3)", () -> new BatchNorm2d(3), new long[] {2, 3, 4, 4}),
                new Layer("MaxPool2d(2)", () -> new MaxPool2d(2), new long[] {2, 3, 4, 4}),
                new Layer("MaxPool2d(5) larger than the image", () -> new MaxPool2d(5), new long[] {2, 3, 4, 4}),
                new Layer("MaxPool2d(0)", () -> new MaxPool2d(0), new long[] {2, 3, 4, 4}),
                new Layer("MaxPool2d(kernel [], stride [])", () -> new MaxPool2d(new long[0], new long[0], new long[0], false),
                        new long[] {2, 3, 4, 4}),
                new Layer("MaxPool2d(2, stride -1, padding 5)", () -> new MaxPool2d(2, -1, 5), new long[] {2, 3, 4, 4}),
                new Layer("AdaptiveAvgPool2d(2)", () -> new AdaptiveAvgPool2d(2), new long[] {2, 3, 4, 4}),
                new Layer("AdaptiveAvgPool2d(0)", () -> new AdaptiveAvgPool2d(0), new long[] {2, 3, 4, 4}),
                new Layer("AdaptiveAvgPool2d(-1)", () -> new AdaptiveAvgPool2d(-1), new long[] {2, 3, 4, 4}),
                new Layer("AdaptiveAvgPool2d(2^40)", () -> new AdaptiveAvgPool2d(1L << 40), new long[] {2, 3, 4, 4}),
                new Layer("Flatten()", Flatten::new, new long[] {4, 3}),
                new Layer("Flatten(2, 1)", () -> new Flatten(2, 1), new long[] {4, 3}),
                new Layer("Dropout(0.5)", Dropout::new, new long[] {4, 3}),
                new Layer("Dropout(1.0)", () -> new Dropout(1.0), new long[] {4, 3}),
                new Layer("ReLU()", ReLU::new, new long[] {4, 3}),
                new Layer("GELU(tanh)", () -> new GELU(true), new long[] {4, 3}),
                new Layer("Identity()", Identity::new, new long[] {4, 3}),
                new Layer("Sequential(Linear, ReLU, Linear)", () -> new Sequential(new Linear(3, 5), new ReLU(), new Linear(5, 2)),
                        new long[] {4, 3}),
                new Layer("Jit.script(Sequential(Linear, BatchNorm1d, ReLU))",
                        () -> Jit.script(new Sequential(new Linear(3, 5), new BatchNorm1d(5), new ReLU())), new long[] {4, 3}),
                new Layer("ScriptModule sequential.pt", () -> script("sequential.pt"), new long[] {2, 3, 16, 16}),
                new Layer("ScriptModule resnet.pt", () -> script("resnet.pt"), new long[] {2, 3, 16, 16}));
    }

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        for (Layer layer : layers()) {
            for (Kind kind : Kinds.all()) {
                for (String mode : List.of("train", "eval+noGrad")) {
                    out.add(forward(layer, kind, mode));
                }
            }
        }
        return out;
    }

    private static MisuseCase forward(Layer layer, Kind kind, String mode) {
        String name = "layer " + layer.name() + " (" + mode + ") forward with input " + kind.name();
        boolean random = layer.name().startsWith("Dropout(0.5") && mode.equals("train");
        // Identity hands its input back without touching it, released or not, as PyTorch's does.
        boolean identity = layer.name().equals("Identity()");
        return MisuseCase.of(name, kind.released() && !identity ? Outcome.RELEASED : Outcome.RESULT_OR_ERROR, () -> {
            Module m = layer.make().get();
            Tensor x = kind.of(layer.inputShape());
            if (identity && x.isReleased()) {
                Results.check(m.forward(x) == x, "Identity did not return its input");
                return;
            }
            Tensor copy = kind.layoutOnly() && !random ? x.contiguous().clone() : null;
            Module twin = null;
            if (copy != null) {
                twin = layer.make().get();
                twin.loadStateDict(m.stateDict(), true);
            }
            Tensor y = run(m, x, mode);
            Results.touch(y);
            if (x.dim() == layer.inputShape().length && y.dim() > 0 && !layer.name().startsWith("Flatten(2")) {
                Results.check(y.size(0) == x.size(0), "batch size " + x.size(0) + " became " + y.size(0));
            }
            if (twin != null) {
                Results.assertSame(run(twin, copy, mode), y, "compared with a contiguous copy of the input");
            }
            if (kind.name().equals("nan") && x.numel() > 0 && y.numel() > 0 && y.device().isCpu() && !layer.name().startsWith("Dropout(1")) {
                Results.check(Double.isNaN(y.sum().item()), "NaN input gave a result without NaN");
            }
        });
    }

    private static Tensor run(Module m, Tensor x, String mode) {
        if (mode.equals("train")) {
            m.train();
            return m.forward(x);
        }
        m.eval();
        try (NoGrad g = Torch.noGrad()) {
            return m.forward(x);
        }
    }

    static ScriptModule script(String name) {
        try {
            return ScriptModule.load(Path.of(LayerCases.class.getResource("/fixtures/jit/" + name).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
