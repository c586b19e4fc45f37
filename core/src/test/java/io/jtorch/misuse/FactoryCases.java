package io.jtorch.misuse;

import static io.jtorch.misuse.MisuseCase.Outcome.ERROR;
import static io.jtorch.misuse.MisuseCase.Outcome.NULL_ARGUMENT;
import static io.jtorch.misuse.MisuseCase.Outcome.RESULT_OR_ERROR;
import static io.jtorch.misuse.MisuseCase.of;
import static io.jtorch.misuse.Results.check;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Generator;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tensor factories with sizes that are negative, overflow a long, or ask for more memory than
 * any machine has; Java arrays that do not fit the shape; devices that are not there.
 */
final class FactoryCases {
    private static final long HUGE = 1L << 40;

    private FactoryCases() {}

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        long[][] badShapes = {{-1}, {3, -2}, {HUGE, HUGE}, {Long.MAX_VALUE}, {1L << 31, 1L << 31, 1L << 31}, {HUGE}, {Long.MIN_VALUE, 0}};
        for (long[] shape : badShapes) {
            String s = Arrays.toString(shape);
            out.add(of("factory Torch.zeros(" + s + ")", ERROR, () -> Torch.zeros(shape)));
            out.add(of("factory Torch.ones(" + s + ")", ERROR, () -> Torch.ones(shape)));
            out.add(of("factory Torch.randn(" + s + ")", ERROR, () -> Torch.randn(shape)));
            out.add(of("factory Torch.rand(" + s + ")", ERROR, () -> Torch.rand(shape)));
            out.add(of("factory Torch.empty(" + s + ")", ERROR, () -> Torch.empty(shape)));
            out.add(of("factory Torch.full(" + s + ", 1)", ERROR, () -> Torch.full(shape, 1)));
            out.add(of("factory Torch.zeros(int64, " + s + ")", ERROR, () -> Torch.zeros(DType.INT64, shape)));
            out.add(of("factory Torch.ones(bool, " + s + ")", ERROR, () -> Torch.ones(DType.BOOL, shape)));
            out.add(of("factory Torch.randint(0, 5, " + s + ")", ERROR, () -> Torch.randint(0, 5, shape)));
            out.add(of("factory Torch.tensor(float[0], " + s + ")", ERROR, () -> Torch.tensor(new float[0], shape)));
            out.add(of("factory Torch.tensor(long[0], " + s + ")", ERROR, () -> Torch.tensor(new long[0], shape)));
            out.add(of("factory Torch.fromBytes(byte[0], float32, " + s + ")", ERROR,
                    () -> Torch.fromBytes(new byte[0], DType.FLOAT32, shape)));
            out.add(of("factory Torch.fromBytes(byte[8], int64, " + s + ")", ERROR,
                    () -> Torch.fromBytes(new byte[8], DType.INT64, shape)));
        }
        out.add(of("factory Torch.fromBytes(byte[0], float32, 2^62) (byte count overflows to 0)", ERROR,
                () -> Torch.fromBytes(new byte[0], DType.FLOAT32, 1L << 62)));
        out.add(of("factory Torch.fromBytes(byte[0], float64, 2^61, 4)", ERROR,
                () -> Torch.fromBytes(new byte[0], DType.FLOAT64, 1L << 61, 4)));
        for (DType dtype : DType.values()) {
            for (int length : new int[] {0, 1, 3, 7, 8, 9}) {
                out.add(of("factory Torch.fromBytes(byte[" + length + "], " + dtype + ", 2)", RESULT_OR_ERROR, () -> {
                    Tensor t = Torch.fromBytes(new byte[length], dtype, 2);
                    check(length == 2 * dtype.elementSize(), "accepted " + length + " bytes for 2 elements of " + dtype);
                    check(t.dtype() == dtype && t.numel() == 2, "wrong tensor " + t);
                    Results.touch(t);
                }));
            }
            out.add(of("factory Torch.tensor(byte[4], " + dtype + ", 4)", RESULT_OR_ERROR, () -> {
                Tensor t = Torch.tensor(new byte[] {1, 0, 2, (byte) 255}, dtype, 4);
                check(dtype.elementSize() == 1, "accepted bytes for " + dtype);
                Results.touch(t);
            }));
        }
        out.add(of("factory Torch.tensor(float[6], 4, 2)", ERROR, () -> Torch.tensor(new float[6], 4, 2)));
        out.add(of("factory Torch.tensor(double[3], 0)", ERROR, () -> Torch.tensor(new double[3], 0)));
        out.add(of("factory Torch.tensor(float[0], 0, 5)", RESULT_OR_ERROR, () -> {
            check(Torch.tensor(new float[0], 0, 5).numel() == 0, "not empty");
        }));
        out.add(of("factory Torch.tensor(ragged float[][])", ERROR, () -> Torch.tensor(new float[][] {{1, 2}, {3}})));
        out.add(of("factory Torch.tensor(float[0][])", RESULT_OR_ERROR, () -> {
            check(Arrays.equals(Torch.tensor(new float[0][]).shape(), new long[] {0, 0}), "shape");
        }));
        out.add(of("factory Torch.tensor((float[]) null)", NULL_ARGUMENT, () -> Torch.tensor((float[]) null)));
        out.add(of("factory Torch.tensor(float[][] with a null row)", NULL_ARGUMENT, () -> Torch.tensor(new float[][] {{1}, null})));
        out.add(of("factory Torch.fromBytes(null, float32, 1)", NULL_ARGUMENT, () -> Torch.fromBytes(null, DType.FLOAT32, 1)));
        out.add(of("factory Torch.zeros((long[]) null)", NULL_ARGUMENT, () -> Torch.zeros((long[]) null)));
        out.add(of("factory Torch.eye(-1)", ERROR, () -> Torch.eye(-1)));
        out.add(of("factory Torch.eye(2^40)", ERROR, () -> Torch.eye(HUGE)));
        out.add(of("factory Torch.eye(2^32)", ERROR, () -> Torch.eye(1L << 32)));
        out.add(of("factory Torch.eye(0)", RESULT_OR_ERROR, () -> check(Torch.eye(0).numel() == 0, "not empty")));
        out.add(of("factory Torch.arange(-1)", ERROR, () -> Torch.arange(-1)));
        out.add(of("factory Torch.arange(0)", RESULT_OR_ERROR, () -> check(Torch.arange(0).numel() == 0, "not empty")));
        out.add(of("factory Torch.arange(Long.MAX_VALUE)", ERROR, () -> Torch.arange(Long.MAX_VALUE)));
        out.add(of("factory Torch.arange(0, 1, -1)", ERROR, () -> Torch.arange(0, 1, -1)));
        out.add(of("factory Torch.arange(0, 1, 0)", ERROR, () -> Torch.arange(0, 1, 0)));
        out.add(of("factory Torch.arange(NaN, 1, 1)", ERROR, () -> Torch.arange(Double.NaN, 1, 1)));
        out.add(of("factory Torch.arange(0, inf, 1)", ERROR, () -> Torch.arange(0, Double.POSITIVE_INFINITY, 1)));
        out.add(of("factory Torch.arange(0, 1, 1e-300)", ERROR, () -> Torch.arange(0, 1, 1e-300)));
        out.add(of("factory Torch.arange(0, 1, NaN)", ERROR, () -> Torch.arange(0, 1, Double.NaN)));
        out.add(of("factory Torch.randint(5, 5, 3)", ERROR, () -> Torch.randint(5, 5, 3)));
        out.add(of("factory Torch.randint(Long.MIN_VALUE, Long.MAX_VALUE, 3)", RESULT_OR_ERROR,
                () -> Results.touch(Torch.randint(Long.MIN_VALUE, Long.MAX_VALUE, 3))));
        out.add(of("factory Torch.randperm(-1)", ERROR, () -> Torch.randperm(-1)));
        out.add(of("factory Torch.randperm(2^50)", ERROR, () -> Torch.randperm(1L << 50)));
        out.add(of("factory Torch.randperm(0)", RESULT_OR_ERROR, () -> check(Torch.randperm(0).numel() == 0, "not empty")));
        out.add(of("factory Torch.full([2], NaN)", RESULT_OR_ERROR,
                () -> check(Double.isNaN(Torch.full(new long[] {2}, Double.NaN).sum().item()), "not NaN")));
        out.add(of("factory Torch.cat([], 0)", ERROR, () -> Torch.cat(List.of(), 0)));
        out.add(of("factory Torch.stack([], 0)", ERROR, () -> Torch.stack(List.of(), 0)));
        out.add(of("factory Torch.cat(null, 0)", NULL_ARGUMENT, () -> Torch.cat((List<Tensor>) null, 0)));
        out.add(of("factory Torch.stack([ok, null], 0)", NULL_ARGUMENT, () -> Torch.stack(Arrays.asList(Op.ok(2), null), 0)));
        out.add(of("factory Torch.setNumThreads(0)", ERROR, () -> Torch.setNumThreads(0)));
        out.add(of("factory Torch.setNumThreads(-3)", ERROR, () -> Torch.setNumThreads(-3)));
        out.add(of("device Device.of(\"cuda:x\")", ERROR, () -> Device.of("cuda:x")));
        out.add(of("device Device.of(\"tpu\")", ERROR, () -> Device.of("tpu")));
        out.add(of("device Device.cuda(-1)", ERROR, () -> Device.cuda(-1)));
        out.add(of("device Device.of(null)", NULL_ARGUMENT, () -> Device.of(null)));
        out.add(of("dtype DType.fromPythonName(\"complex64\")", ERROR, () -> DType.fromPythonName("complex64")));
        out.add(of("generator randperm(-1)", ERROR, () -> new Generator().randperm(-1)));
        out.add(of("generator randperm(2^50)", ERROR, () -> new Generator().randperm(1L << 50)));
        out.add(of("generator setState(float tensor)", ERROR, () -> new Generator().setState(Torch.randn(5))));
        out.add(of("generator setState(empty uint8 tensor)", ERROR, () -> new Generator().setState(Torch.zeros(DType.UINT8, 0))));
        out.add(of("generator setState(uint8 tensor of wrong size)", ERROR, () -> new Generator().setState(Torch.zeros(DType.UINT8, 7))));
        out.add(of("generator setState(meta state)", ERROR,
                () -> new Generator().setState(new Generator().getState().to(Device.meta()))));
        out.add(of("generator setState(non-contiguous state)", RESULT_OR_ERROR, () -> {
            Generator g = new Generator().manualSeed(3);
            Tensor state = g.getState();
            Tensor strided = Torch.stack(List.of(state, state), 1).select(1, 0);
            long first = g.randomLong();
            g.setState(strided);
            check(g.randomLong() == first, "the restored state draws another number");
        }));
        out.add(of("generator setState(released state)", MisuseCase.Outcome.RELEASED,
                () -> new Generator().setState(ShapeOps.released(new Generator().getState()))));
        out.add(of("generator setState(null)", NULL_ARGUMENT, () -> new Generator().setState(null)));
        out.add(of("generator manualSeed(-1) twice gives the same numbers", RESULT_OR_ERROR, () -> {
            long a = new Generator().manualSeed(-1).randomLong();
            check(a == new Generator().manualSeed(-1).randomLong(), "different numbers for one seed");
        }));
        return out;
    }
}
