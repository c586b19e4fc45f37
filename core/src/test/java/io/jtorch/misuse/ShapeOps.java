package io.jtorch.misuse;

import static io.jtorch.misuse.Op.indices;
import static io.jtorch.misuse.Op.ok;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.Arrays;
import java.util.List;

/**
 * Every shape, indexing, view, in-place, reading and autograd method of {@link Tensor} and the
 * joining functions of {@link Torch}, with {@code x} (shape (4, 3)) in each position: bad
 * dimensions and indices, sizes that do not divide, views past the end of the storage.
 */
final class ShapeOps {
    private ShapeOps() {}

    static List<Op> shapes() {
        return List.of(
                Op.of("x.reshape(-1)", x -> x.reshape(-1)),
                Op.of("x.reshape(3, 4)", x -> x.reshape(3, 4)),
                Op.of("x.reshape(5, 5)", x -> x.reshape(5, 5)),
                Op.of("x.reshape(-1, -1)", x -> x.reshape(-1, -1)),
                Op.of("x.reshape(-2, 6)", x -> x.reshape(-2, 6)),
                Op.of("x.reshape(0, -1)", x -> x.reshape(0, -1)),
                Op.of("x.view(12)", x -> x.view(12)),
                Op.of("x.view(-1, 6)", x -> x.view(-1, 6)),
                Op.of("x.view(7)", x -> x.view(7)),
                Op.of("x.view(Long.MAX_VALUE, 2)", x -> x.view(Long.MAX_VALUE, 2)),
                Op.of("x.view(float64)", x -> x.view(DType.FLOAT64)),
                Op.of("x.view(int8)", x -> x.view(DType.INT8)),
                Op.of("x.view(bool)", x -> x.view(DType.BOOL)),
                Op.of("x.view(int64)", x -> x.view(DType.INT64)),
                Op.of("x.view(float16)", x -> x.view(DType.FLOAT16)),
                Op.of("x.flatten()", x -> x.flatten()),
                Op.of("x.flatten(0, 1)", x -> x.flatten(0, 1)),
                Op.of("x.flatten(1, 0)", x -> x.flatten(1, 0)),
                Op.of("x.flatten(0, 5)", x -> x.flatten(0, 5)),
                Op.of("x.t()", x -> x.t()),
                Op.of("x.transpose(0, 1)", x -> x.transpose(0, 1)),
                Op.of("x.transpose(0, 5)", x -> x.transpose(0, 5)),
                Op.of("x.permute(1, 0)", x -> x.permute(1, 0)),
                Op.of("x.permute(0, 0)", x -> x.permute(0, 0)),
                Op.of("x.permute(0)", x -> x.permute(0)),
                Op.of("x.permute(0, 1, 2)", x -> x.permute(0, 1, 2)),
                Op.of("x.permute(-1, -9)", x -> x.permute(-1, -9)),
                Op.of("x.squeeze()", x -> x.squeeze()),
                Op.of("x.squeeze(0)", x -> x.squeeze(0)),
                Op.of("x.squeeze(5)", x -> x.squeeze(5)),
                Op.of("x.unsqueeze(0)", x -> x.unsqueeze(0)),
                Op.of("x.unsqueeze(2)", x -> x.unsqueeze(2)),
                Op.of("x.unsqueeze(-9)", x -> x.unsqueeze(-9)),
                Op.of("x.unsqueeze(9)", x -> x.unsqueeze(9)),
                Op.of("x.shape()", x -> x.shape()),
                Op.of("x.size(0)", x -> x.size(0)),
                Op.of("x.size(7)", x -> x.size(7)),
                Op.of("x.size(-9)", x -> x.size(-9)),
                Op.of("x.dim()", x -> x.dim()),
                Op.of("x.numel()", x -> x.numel()),
                Op.of("x.dtype()", x -> x.dtype().toString()),
                Op.of("x.device()", x -> x.device().toString()),
                Op.notByValue("x.strides()", x -> x.strides()),
                Op.notByValue("x.storageOffset()", x -> x.storageOffset()),
                Op.notByValue("x.isContiguous()", x -> x.isContiguous()));
    }

    static List<Op> indexing() {
        return List.of(
                Op.of("x.get(0)", x -> x.get(0)),
                Op.of("x.get(3)", x -> x.get(3)),
                Op.of("x.get(4)", x -> x.get(4)),
                Op.of("x.get(-5)", x -> x.get(-5)),
                Op.of("x.get(Long.MIN_VALUE)", x -> x.get(Long.MIN_VALUE)),
                Op.of("x.select(1, 2)", x -> x.select(1, 2)),
                Op.of("x.select(1, 3)", x -> x.select(1, 3)),
                Op.of("x.select(2, 0)", x -> x.select(2, 0)),
                Op.of("x.narrow(0, 1, 2)", x -> x.narrow(0, 1, 2)),
                Op.of("x.narrow(0, 3, 5)", x -> x.narrow(0, 3, 5)),
                Op.of("x.narrow(0, -1, 1)", x -> x.narrow(0, -1, 1)),
                Op.of("x.narrow(1, 0, -1)", x -> x.narrow(1, 0, -1)),
                Op.of("x.narrow(9, 0, 1)", x -> x.narrow(9, 0, 1)),
                Op.of("x.narrow(0, Long.MAX_VALUE, 2)", x -> x.narrow(0, Long.MAX_VALUE, 2)),
                Op.of("x.indexSelect(0, [7])", x -> x.indexSelect(0, indices(7))),
                Op.of("x.indexSelect(0, [-1])", x -> x.indexSelect(0, indices(-1))),
                Op.of("x.indexSelect(0, [Long.MIN_VALUE])", x -> x.indexSelect(0, indices(Long.MIN_VALUE))),
                Op.of("x.indexSelect(1, float [0])", x -> x.indexSelect(1, Torch.tensor(0f))),
                Op.of("x.indexSelect(1, int32 [2])", x -> x.indexSelect(1, Torch.tensor(2))),
                Op.of("x.indexSelect(0, 2-D index)", x -> x.indexSelect(0, Torch.tensor(new long[] {0, 1}, 1, 2))),
                Op.of("x.indexSelect(5, [0])", x -> x.indexSelect(5, indices(0))),
                Op.of("x.indexSelect(0, meta index)", x -> x.indexSelect(0, indices(0).to(Device.meta()))),
                Op.of("x.indexSelect(0, released index)", x -> x.indexSelect(0, released(indices(0)))),
                Op.of("ok.indexSelect(0, x)", x -> ok(4, 3).indexSelect(0, x)),
                Op.of("ok.indexSelect(1, x.flatten())", x -> ok(4, 3).indexSelect(1, x.flatten())));
    }

    static List<Op> strided() {
        return List.of(
                Op.notByValue("x.asStrided([4,3], [3,1], 0)", x -> x.asStrided(new long[] {4, 3}, new long[] {3, 1}, 0)),
                Op.notByValue("x.asStrided([100], [1], 0)", x -> x.asStrided(new long[] {100}, new long[] {1}, 0)),
                Op.notByValue("x.asStrided([2], [1], 1000)", x -> x.asStrided(new long[] {2}, new long[] {1}, 1000)),
                Op.notByValue("x.asStrided([2], [-1], 1)", x -> x.asStrided(new long[] {2}, new long[] {-1}, 1)),
                Op.notByValue("x.asStrided([2], [1], -1)", x -> x.asStrided(new long[] {2}, new long[] {1}, -1)),
                Op.notByValue("x.asStrided([-2], [1], 0)", x -> x.asStrided(new long[] {-2}, new long[] {1}, 0)),
                Op.notByValue("x.asStrided([0], [1], 2^40)", x -> x.asStrided(new long[] {0}, new long[] {1}, 1L << 40)),
                Op.notByValue("x.asStrided([3], [1, 1], 0)", x -> x.asStrided(new long[] {3}, new long[] {1, 1}, 0)),
                Op.notByValue("x.asStrided([2^40], [0], 0)", x -> x.asStrided(new long[] {1L << 40}, new long[] {0}, 0)),
                Op.notByValue("x.asStrided([2^62, 4], [4, 2^62], 0)", x -> x.asStrided(new long[] {1L << 62, 4}, new long[] {4, 1L << 62}, 0)),
                Op.notByValue("x.asStrided([2, 2], [Long.MAX_VALUE, 1], 0)", x -> x.asStrided(new long[] {2, 2}, new long[] {Long.MAX_VALUE, 1}, 0)),
                Op.notByValue("x.asStrided([3], [1], Long.MAX_VALUE)", x -> x.asStrided(new long[] {3}, new long[] {1}, Long.MAX_VALUE)),
                Op.notByValue("x.asStrided([4, 4], [0, 1], 0).add_(1)", x -> x.asStrided(new long[] {4, 4}, new long[] {0, 1}, 0).add_(1.0)));
    }

    static List<Op> inPlace() {
        return List.of(
                Op.of("x.add_(ok)", x -> x.add_(ok(4, 3))),
                Op.of("x.add_(ok, 2)", x -> x.add_(ok(4, 3), 2)),
                Op.of("x.add_(1.5)", x -> x.add_(1.5)),
                Op.of("x.add_(2L)", x -> x.add_(2L)),
                Op.of("x.add_(ok[1,3] broadcast)", x -> x.add_(ok(1, 3))),
                Op.of("x.add_(ok[2,4,3] larger)", x -> x.add_(ok(2, 4, 3))),
                Op.of("ok.add_(x)", x -> ok(4, 3).add_(x)),
                Op.of("x.sub_(ok)", x -> x.sub_(ok(4, 3))),
                Op.of("x.mul_(ok)", x -> x.mul_(ok(4, 3))),
                Op.of("x.mul_(2.0)", x -> x.mul_(2.0)),
                Op.of("x.mul_(2L)", x -> x.mul_(2L)),
                Op.of("x.div_(ok)", x -> x.div_(ok(4, 3))),
                Op.of("x.div_(zeros)", x -> x.div_(Torch.zeros(4, 3))),
                Op.of("x.addcmul_(ok, ok, 0.5)", x -> x.addcmul_(ok(4, 3), ok(4, 3), 0.5)),
                Op.of("ok.addcmul_(x, x, 1)", x -> ok(4, 3).addcmul_(x, x, 1)),
                Op.of("x.addcdiv_(ok, zeros, 1)", x -> x.addcdiv_(ok(4, 3), Torch.zeros(4, 3), 1)),
                Op.of("x.zero_()", x -> x.zero_()),
                Op.of("x.fill_(NaN)", x -> x.fill_(Double.NaN)),
                Op.of("x.fill_(7L)", x -> x.fill_(7L)),
                Op.of("x.fill_(Long.MAX_VALUE)", x -> x.fill_(Long.MAX_VALUE)),
                Op.of("x.copy_(ok)", x -> x.copy_(ok(4, 3))),
                Op.of("x.copy_(meta)", x -> x.copy_(ok(4, 3).to(Device.meta()))),
                Op.of("x.copy_(ok[5,3])", x -> x.copy_(ok(5, 3))),
                Op.of("ok.copy_(x)", x -> ok(4, 3).copy_(x)),
                Op.of("x.copy_(x.t())", x -> x.copy_(x.t())),
                Op.of("x.add_(x.flip view)", x -> x.add_(x.transpose(0, 1).transpose(0, 1))),
                Op.notByValue("x.uniform_(0, 1)", x -> x.uniform_(0, 1)),
                Op.of("x.uniform_(1, 0)", x -> x.uniform_(1, 0)),
                Op.of("x.uniform_(NaN, 1)", x -> x.uniform_(Double.NaN, 1)),
                Op.notByValue("x.normal_(0, 1)", x -> x.normal_(0, 1)),
                Op.of("x.normal_(0, -1)", x -> x.normal_(0, -1)));
    }

    static List<Op> reading() {
        return List.of(
                Op.of("x.item()", x -> x.item()),
                Op.of("x.itemLong()", x -> x.itemLong()),
                Op.of("x.sum().item()", x -> x.sum().item()),
                Op.of("x.toFloatArray()", x -> x.toFloatArray()),
                Op.of("x.toDoubleArray()", x -> x.toDoubleArray()),
                Op.of("x.toLongArray()", x -> x.toLongArray()),
                Op.of("x.toIntArray()", x -> Arrays.stream(x.toIntArray()).asLongStream().toArray()),
                Op.of("x.toByteArray()", x -> x.toByteArray().length),
                Op.of("x.toBooleanArray()", x -> x.toBooleanArray().length),
                Op.of("x.toString()", x -> x.toString()),
                Op.of("x.isReleased()", x -> x.isReleased()),
                Op.of("x.requiresGrad()", x -> x.requiresGrad()),
                Op.of("x.isLeaf()", x -> x.isLeaf()),
                Op.of("x.grad()", x -> x.grad()));
    }

    static List<Op> autograd() {
        return List.of(
                Op.of("x.backward()", x -> {
                    x.backward();
                    return x.grad();
                }),
                Op.of("x.sum().backward()", x -> {
                    x.sum().backward();
                    return x.grad();
                }),
                Op.of("x.requiresGrad(true).mul(2).sum().backward()", x -> {
                    Tensor leaf = x.requiresGrad(true);
                    leaf.mul(2.0).sum().backward();
                    return leaf.grad();
                }),
                Op.of("x.requiresGrad(true).sum() backward twice", x -> {
                    Tensor y = x.requiresGrad(true).exp().sum();
                    y.backward();
                    y.backward();
                    return x.grad();
                }),
                Op.of("x.backward(ok)", x -> {
                    x.backward(ok(4, 3));
                    return x.grad();
                }),
                Op.of("x.requiresGrad(true).backward(ok[2])", x -> {
                    x.requiresGrad(true).mul(1.0).backward(ok(2));
                    return x.grad();
                }),
                Op.of("x.requiresGrad(true)", x -> x.requiresGrad(true)),
                Op.of("x.requiresGrad(true).add_(1)", x -> x.requiresGrad(true).add_(1.0)));
    }

    static List<Op> joining() {
        return List.of(
                Op.of("Torch.cat([x, ok], 0)", x -> Torch.cat(List.of(x, ok(4, 3)), 0)),
                Op.of("Torch.cat([ok, x], 1)", x -> Torch.cat(List.of(ok(4, 3), x), 1)),
                Op.of("Torch.cat([x], 5)", x -> Torch.cat(List.of(x), 5)),
                Op.of("Torch.cat([x, x, x], -1)", x -> Torch.cat(List.of(x, x, x), -1)),
                Op.of("Torch.cat([x, ok[2]], 0)", x -> Torch.cat(List.of(x, ok(2)), 0)),
                Op.of("Torch.stack([x, ok], 0)", x -> Torch.stack(List.of(x, ok(4, 3)), 0)),
                Op.of("Torch.stack([x, x], 2)", x -> Torch.stack(List.of(x, x), 2)),
                Op.of("Torch.stack([x, x], 3)", x -> Torch.stack(List.of(x, x), 3)),
                Op.of("Torch.stack([ok, x], -4)", x -> Torch.stack(List.of(ok(4, 3), x), -4)));
    }

    /** {@code t}'s handle released, as when its scope closed. */
    static Tensor released(Tensor t) {
        Tensor out;
        try (Scope s = Scope.open()) {
            out = t.clone();
        }
        return out;
    }
}
