package io.jtorch.misuse;

import io.jtorch.Tensor;
import io.jtorch.misuse.Kinds.Kind;
import io.jtorch.misuse.MisuseCase.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every tensor operation of {@link TensorOps} and {@link ShapeOps} on every {@link Kinds kind} of
 * tensor, then random chains of operations. A released tensor must be refused with
 * {@link IllegalStateException}; a view with an unusual layout must give exactly the values its
 * contiguous copy gives; everything else must give a readable result or a documented exception.
 */
final class TensorCases {
    private static final java.util.Set<String> RELEASE_AWARE = java.util.Set.of("x.isReleased()", "x.toString()");

    private TensorCases() {}

    static List<Op> ops() {
        List<Op> ops = new ArrayList<>();
        ops.addAll(TensorOps.arithmetic());
        ops.addAll(TensorOps.comparison());
        ops.addAll(TensorOps.reductions());
        ops.addAll(TensorOps.conversions());
        ops.addAll(ShapeOps.shapes());
        ops.addAll(ShapeOps.indexing());
        ops.addAll(ShapeOps.strided());
        ops.addAll(ShapeOps.inPlace());
        ops.addAll(ShapeOps.reading());
        ops.addAll(ShapeOps.autograd());
        ops.addAll(ShapeOps.joining());
        return ops;
    }

    /** Each operation on each kind of tensor. */
    static List<MisuseCase> grid() {
        List<MisuseCase> out = new ArrayList<>();
        for (Op op : ops()) {
            for (Kind kind : Kinds.all()) {
                out.add(chain(kind, List.of(op)));
            }
        }
        return out;
    }

    /**
     * {@code count} chains of two to four random operations, each applied to the previous one's
     * result, starting from a random kind of tensor.
     */
    static List<MisuseCase> randomChains(Random random, int count) {
        List<Op> chainable = new ArrayList<>();
        for (Op op : ops()) {
            // Results with 2^40 elements are fine to make but take hours to reduce.
            if (!op.name().contains("2^") && !op.name().contains("Long.MAX_VALUE")) {
                chainable.add(op);
            }
        }
        List<Kind> kinds = Kinds.all();
        List<MisuseCase> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = kinds.get(random.nextInt(kinds.size()));
            List<Op> ops = new ArrayList<>();
            for (int n = 2 + random.nextInt(3); n > 0; n--) {
                ops.add(chainable.get(random.nextInt(chainable.size())));
            }
            out.add(chain(kind, ops));
        }
        return out;
    }

    private static MisuseCase chain(Kind kind, List<Op> ops) {
        StringBuilder name = new StringBuilder("tensor ");
        for (Op op : ops) {
            name.append(name.length() == 7 ? "" : " then ").append(op.name());
        }
        name.append(" with x ").append(kind.name());
        boolean byValue = ops.stream().allMatch(Op::byValue);
        // isReleased() and toString() are the two methods documented to work on a released tensor.
        boolean askReleased = RELEASE_AWARE.contains(ops.get(0).name());
        Outcome outcome = kind.released() && !askReleased ? Outcome.RELEASED : Outcome.RESULT_OR_ERROR;
        return MisuseCase.of(name.toString(), outcome, () -> {
            Tensor x = kind.of(4, 3);
            if (x.isReleased() && askReleased) {
                Object first = ops.get(0).apply().apply(x);
                Results.check(first.equals(true) || first.equals("tensor(<released>)"), "a released tensor gave " + first);
                return;
            }
            Tensor copy = kind.layoutOnly() && byValue ? x.contiguous().clone() : null;
            Object result = apply(ops, x);
            Results.touch(result);
            if (copy != null) {
                // The same values laid out contiguously must give the same answer.
                Object expected;
                try {
                    expected = apply(ops, copy);
                } catch (RuntimeException e) {
                    return;
                }
                Results.assertSame(expected, result, "compared with a contiguous copy");
            }
        });
    }

    private static Object apply(List<Op> ops, Tensor x) {
        Object value = x;
        for (Op op : ops) {
            if (!(value instanceof Tensor t)) {
                break;
            }
            value = op.apply().apply(t);
        }
        return value;
    }
}
