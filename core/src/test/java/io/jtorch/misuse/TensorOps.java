package io.jtorch.misuse;

import static io.jtorch.misuse.Op.indices;
import static io.jtorch.misuse.Op.ok;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Torch;
import java.util.List;

/**
 * Every arithmetic, comparison and reduction method of {@link io.jtorch.Tensor}, with {@code x}
 * (shape (4, 3)) as the receiver and as the argument, including out-of-range dimensions and
 * values that have no answer (division by zero, clamp with min above max).
 */
final class TensorOps {
    private TensorOps() {}

    static List<Op> arithmetic() {
        return List.of(
                Op.of("x.add(ok)", x -> x.add(ok(4, 3))),
                Op.of("ok.add(x)", x -> ok(4, 3).add(x)),
                Op.of("x.add(ok, 2.5)", x -> x.add(ok(4, 3), 2.5)),
                Op.of("ok.add(x, -1)", x -> ok(4, 3).add(x, -1)),
                Op.of("x.add(2.5)", x -> x.add(2.5)),
                Op.of("x.add(3L)", x -> x.add(3L)),
                Op.of("x.sub(ok)", x -> x.sub(ok(4, 3))),
                Op.of("ok.sub(x)", x -> ok(4, 3).sub(x)),
                Op.of("x.sub(1.5)", x -> x.sub(1.5)),
                Op.of("x.sub(2L)", x -> x.sub(2L)),
                Op.of("x.mul(ok)", x -> x.mul(ok(4, 3))),
                Op.of("ok.mul(x)", x -> ok(4, 3).mul(x)),
                Op.of("x.mul(-2.0)", x -> x.mul(-2.0)),
                Op.of("x.mul(3L)", x -> x.mul(3L)),
                Op.of("x.div(ok)", x -> x.div(ok(4, 3))),
                Op.of("ok.div(x)", x -> ok(4, 3).div(x)),
                Op.of("x.div(0.0)", x -> x.div(0.0)),
                Op.of("x.div(0L)", x -> x.div(0L)),
                Op.of("x.div(x)", x -> x.div(x)),
                Op.of("x.neg()", x -> x.neg()),
                Op.of("x.pow(2)", x -> x.pow(2)),
                Op.of("x.pow(-1)", x -> x.pow(-1)),
                Op.of("x.pow(0.5)", x -> x.pow(0.5)),
                Op.of("x.pow(NaN)", x -> x.pow(Double.NaN)),
                Op.of("x.exp()", x -> x.exp()),
                Op.of("x.log()", x -> x.log()),
                Op.of("x.sqrt()", x -> x.sqrt()),
                Op.of("x.abs()", x -> x.abs()),
                Op.of("x.sigmoid()", x -> x.sigmoid()),
                Op.of("x.tanh()", x -> x.tanh()),
                Op.of("x.relu()", x -> x.relu()),
                Op.of("x.clamp(-0.5, 0.5)", x -> x.clamp(-0.5, 0.5)),
                Op.of("x.clamp(1, -1)", x -> x.clamp(1, -1)),
                Op.of("x.clamp(NaN, NaN)", x -> x.clamp(Double.NaN, Double.NaN)),
                Op.of("x.matmul(ok[3,2])", x -> x.matmul(ok(3, 2))),
                Op.of("ok[2,4].matmul(x)", x -> ok(2, 4).matmul(x)),
                Op.of("x.matmul(x)", x -> x.matmul(x)),
                Op.of("x.matmul(ok[3])", x -> x.matmul(ok(3))),
                Op.of("Torch.maximum(x, ok)", x -> Torch.maximum(x, ok(4, 3))),
                Op.of("Torch.maximum(ok, x)", x -> Torch.maximum(ok(4, 3), x)));
    }

    static List<Op> comparison() {
        return List.of(
                Op.of("x.eq(ok)", x -> x.eq(ok(4, 3))),
                Op.of("x.eq(0.0)", x -> x.eq(0.0)),
                Op.of("x.eq(1L)", x -> x.eq(1L)),
                Op.of("x.ne(ok)", x -> x.ne(ok(4, 3))),
                Op.of("x.ne(NaN)", x -> x.ne(Double.NaN)),
                Op.of("x.gt(ok)", x -> x.gt(ok(4, 3))),
                Op.of("x.gt(0L)", x -> x.gt(0L)),
                Op.of("x.ge(0.0)", x -> x.ge(0.0)),
                Op.of("x.lt(ok)", x -> x.lt(ok(4, 3))),
                Op.of("ok.lt(x)", x -> ok(4, 3).lt(x)),
                Op.of("x.le(1L)", x -> x.le(1L)),
                Op.of("x.equal(ok)", x -> x.equal(ok(4, 3))),
                Op.of("ok.equal(x)", x -> ok(4, 3).equal(x)),
                Op.of("x.equal(x)", x -> x.equal(x)),
                Op.of("x.allclose(ok)", x -> x.allclose(ok(4, 3), 1e-5, 1e-8)),
                Op.of("ok.allclose(x)", x -> ok(4, 3).allclose(x, 1e-5, 1e-8)),
                Op.of("x.allclose(x, NaN tolerances)", x -> x.allclose(x, Double.NaN, -1)));
    }

    static List<Op> reductions() {
        return List.of(
                Op.of("x.sum()", x -> x.sum()),
                Op.of("x.sum(1, false)", x -> x.sum(1, false)),
                Op.of("x.sum(-1, true)", x -> x.sum(-1, true)),
                Op.of("x.sum(5, true)", x -> x.sum(5, true)),
                Op.of("x.mean()", x -> x.mean()),
                Op.of("x.mean(0, false)", x -> x.mean(0, false)),
                Op.of("x.mean(-3, false)", x -> x.mean(-3, false)),
                Op.of("x.max()", x -> x.max()),
                Op.of("x.min()", x -> x.min()),
                Op.of("x.argmax()", x -> x.argmax()),
                Op.of("x.argmax(1)", x -> x.argmax(1)),
                Op.of("x.argmax(1, true)", x -> x.argmax(1, true)),
                Op.of("x.argmax(7)", x -> x.argmax(7)),
                Op.of("x.argmax(-3)", x -> x.argmax(-3)),
                Op.of("x.softmax(1)", x -> x.softmax(1)),
                Op.of("x.softmax(-1)", x -> x.softmax(-1)),
                Op.of("x.softmax(4)", x -> x.softmax(4)),
                Op.of("x.logSoftmax(0)", x -> x.logSoftmax(0)),
                Op.of("x.logSoftmax(-5)", x -> x.logSoftmax(-5)));
    }

    static List<Op> conversions() {
        return List.of(
                Op.of("x.detach()", x -> x.detach()),
                Op.of("x.clone()", x -> x.clone()),
                Op.of("x.contiguous()", x -> x.contiguous()),
                Op.of("x.to(meta)", x -> x.to(Device.meta())),
                Op.of("x.to(cpu)", x -> x.to(Device.CPU)),
                Op.of("x.to(cuda)", x -> x.to(Device.cuda())),
                Op.of("x.to(cuda:3)", x -> x.to(Device.cuda(3))),
                Op.of("x.to(float64)", x -> x.to(DType.FLOAT64)),
                Op.of("x.to(bool)", x -> x.to(DType.BOOL)),
                Op.of("x.to(int64)", x -> x.to(DType.INT64)),
                Op.of("x.to(uint8)", x -> x.to(DType.UINT8)),
                Op.of("x.to(meta, float16)", x -> x.to(Device.meta(), DType.FLOAT16)),
                Op.of("x.to(cpu, bfloat16)", x -> x.to(Device.CPU, DType.BFLOAT16)),
                Op.of("Torch.zerosLike(x)", x -> Torch.zerosLike(x)),
                Op.of("Torch.onesLike(x)", x -> Torch.onesLike(x)),
                Op.of("x.retain()", x -> x.retain()),
                Op.of("x.indexSelect(0, [0, 2])", x -> x.indexSelect(0, indices(0, 2))));
    }
}
