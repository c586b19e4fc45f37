package io.jtorch.misuse;

import static io.jtorch.misuse.Results.check;

import io.jtorch.DType;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.misuse.Kinds.Kind;
import io.jtorch.misuse.MisuseCase.Outcome;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Functional.Reduction;
import io.jtorch.nn.Loss;
import io.jtorch.nn.MSELoss;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Losses with bad logits and bad labels: every {@link Kinds kind} of tensor in either place, and
 * labels that are out of range, negative, of the wrong dtype or shape. A loss that comes back is
 * checked for its shape, and for being NaN exactly when PyTorch's would be; then it is
 * backpropagated.
 */
final class LossCases {
    private LossCases() {}

    private record Criterion(String name, Supplier<Loss> make) {}

    private record Labels(String name, Function<Long, Tensor> make) {}

    private static List<Criterion> criteria() {
        return List.of(
                new Criterion("CrossEntropyLoss()", CrossEntropyLoss::new),
                new Criterion("CrossEntropyLoss(weight, smoothing 0.1, sum)", () -> CrossEntropyLoss.builder()
                        .weight(Torch.tensor(1f, 2f, 0.5f)).labelSmoothing(0.1).reduction(Reduction.SUM).build()),
                new Criterion("CrossEntropyLoss(ignoreIndex 1, none)", () -> CrossEntropyLoss.builder().ignoreIndex(1)
                        .reduction(Reduction.NONE).build()),
                new Criterion("CrossEntropyLoss(weight of 2 classes)", () -> CrossEntropyLoss.builder().weight(Torch.tensor(1f, 2f)).build()),
                new Criterion("MSELoss()", MSELoss::new));
    }

    /** Labels for 4 samples of 3 classes, right and wrong. */
    private static List<Labels> labels() {
        return List.of(
                new Labels("int64 class indices", n -> Torch.randint(0, 3, n)),
                new Labels("class 3 of 3", n -> Torch.full(new long[] {n}, 3).to(DType.INT64)),
                new Labels("class -1", n -> Torch.full(new long[] {n}, -1).to(DType.INT64)),
                new Labels("class Long.MIN_VALUE", n -> Torch.tensor(new long[] {Long.MIN_VALUE, 0, 0, 0})),
                new Labels("ignore index -100 everywhere", n -> Torch.full(new long[] {n}, -100).to(DType.INT64)),
                new Labels("int32 indices", n -> Torch.randint(0, 3, n).to(DType.INT32)),
                new Labels("uint8 indices", n -> Torch.randint(0, 3, n).to(DType.UINT8)),
                new Labels("bool", n -> Torch.randn(n).gt(0.0)),
                new Labels("float indices", n -> Torch.randint(0, 3, n).to(DType.FLOAT32)),
                new Labels("float probabilities (4, 3)", n -> Torch.rand(n, 3).softmax(1)),
                new Labels("float64 probabilities (4, 3)", n -> Torch.rand(n, 3).softmax(1).to(DType.FLOAT64)),
                new Labels("indices of shape (4, 1)", n -> Torch.randint(0, 3, n, 1)),
                new Labels("indices of shape (5)", n -> Torch.randint(0, 3, n + 1)),
                new Labels("0-dim index", n -> Torch.tensor(new long[] {1}, new long[0])),
                new Labels("empty indices", n -> Torch.randint(0, 3, 0)),
                new Labels("released indices", n -> ShapeOps.released(Torch.randint(0, 3, n))),
                new Labels("indices from a finished batch", n -> Kinds.get("released-by-batch").of(n).to(DType.INT64)),
                new Labels("meta indices", n -> Torch.randint(0, 3, n).to(io.jtorch.Device.meta())),
                new Labels("NaN targets (4, 3)", n -> Torch.full(new long[] {n, 3}, Double.NaN)));
    }

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        for (Criterion c : criteria()) {
            for (Kind kind : Kinds.all()) {
                out.add(loss(c, "logits " + kind.name(), kind.released(), () -> kind.of(4, 3), () -> Torch.randint(0, 3, 4)));
            }
            for (Labels l : labels()) {
                boolean released = l.name().startsWith("released") || l.name().contains("finished batch");
                out.add(loss(c, "labels " + l.name(), released, () -> Torch.randn(4, 3).requiresGrad(true), () -> l.make().apply(4L)));
            }
        }
        return out;
    }

    private static MisuseCase loss(Criterion c, String what, boolean released, Supplier<Tensor> logits, Supplier<Tensor> labels) {
        return MisuseCase.of("loss " + c.name() + " with " + what, released ? Outcome.RELEASED : Outcome.RESULT_OR_ERROR, () -> {
            Loss criterion = c.make().get();
            Tensor input = logits.get();
            Tensor target = labels.get();
            Tensor loss = criterion.forward(input, target);
            Results.touch(loss);
            boolean none = criterion.reduction() == Reduction.NONE;
            check(none || loss.dim() == 0, "a reduced loss of shape " + java.util.Arrays.toString(loss.shape()));
            if (!loss.device().isCpu() || loss.numel() == 0) {
                return;
            }
            Tensor wide = input.device().isCpu() ? input.detach().to(DType.FLOAT64) : null;
            boolean inputNaN = wide != null && wide.numel() > 0 && wide.ne(wide).sum().item() > 0;
            if (inputNaN && !c.name().contains("ignoreIndex")) {
                check(Double.isNaN(loss.sum().item()), "NaN logits gave a loss without NaN: " + loss);
            }
            if (loss.requiresGrad()) {
                loss.sum().backward();
                Results.touch(input.grad());
            }
        });
    }
}
