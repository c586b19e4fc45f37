package io.jtorch.misuse;

import static io.jtorch.misuse.MisuseCase.Outcome.ERROR;
import static io.jtorch.misuse.MisuseCase.Outcome.NULL_ARGUMENT;
import static io.jtorch.misuse.MisuseCase.Outcome.RELEASED;
import static io.jtorch.misuse.MisuseCase.Outcome.RESULT_OR_ERROR;
import static io.jtorch.misuse.MisuseCase.of;
import static io.jtorch.misuse.Results.check;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TorchScript modules called with the wrong number or kinds of arguments, heads replaced at paths
 * that are not Linear layers, slices and lookups out of range, saving to places that cannot be
 * written, and loading from a device that is not there.
 */
final class ScriptCases {
    private ScriptCases() {}

    private static ScriptModule seq() {
        return LayerCases.script("sequential.pt");
    }

    private static Tensor image() {
        return Torch.randn(2, 3, 16, 16);
    }

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        for (String model : List.of("sequential.pt", "resnet.pt", "mobilenet.pt")) {
            String p = "script " + model + " ";
            out.add(of(p + "forward()", ERROR, () -> LayerCases.script(model).forward(new Tensor[0])));
            out.add(of(p + "forward(x, x)", ERROR, () -> LayerCases.script(model).forward(image(), image())));
            out.add(of(p + "forward(x, x, x)", ERROR, () -> LayerCases.script(model).forward(image(), image(), image())));
            out.add(of(p + "forwardAll(x)", RESULT_OR_ERROR, () -> Results.touch(LayerCases.script(model).forwardAll(image()))));
            out.add(of(p + "forward(int64)", ERROR, () -> LayerCases.script(model).forward(Torch.randint(0, 3, 2, 3, 16, 16))));
            out.add(of(p + "forward(float64)", ERROR, () -> LayerCases.script(model).forward(image().to(DType.FLOAT64))));
            out.add(of(p + "forward(meta)", RESULT_OR_ERROR, () -> Results.touch(LayerCases.script(model).forward(image().to(Device.meta())))));
            out.add(of(p + "forward(released)", RELEASED, () -> LayerCases.script(model).forward(ShapeOps.released(image()))));
            out.add(of(p + "forward((Tensor) null)", NULL_ARGUMENT, () -> LayerCases.script(model).forward((Tensor) null)));
            out.add(of(p + "forward(2-D)", ERROR, () -> LayerCases.script(model).forward(Torch.randn(4, 3))));
            out.add(of(p + "forward(1 channel)", ERROR, () -> LayerCases.script(model).forward(Torch.randn(2, 1, 16, 16))));
            out.add(of(p + "forward(1x1 image)", RESULT_OR_ERROR, () -> Results.touch(LayerCases.script(model).forward(Torch.randn(2, 3, 1, 1)))));
            out.add(of(p + "forward(empty batch)", RESULT_OR_ERROR, () -> {
                ScriptModule m = LayerCases.script(model);
                m.eval();
                Tensor y = m.forward(Torch.randn(0, 3, 16, 16));
                check(y.size(0) == 0, "an empty batch gave " + java.util.Arrays.toString(y.shape()));
            }));
            out.add(of(p + "forward(NaN image) in eval", RESULT_OR_ERROR, () -> {
                ScriptModule m = LayerCases.script(model);
                m.eval();
                check(Double.isNaN(m.forward(Torch.full(new long[] {2, 3, 16, 16}, Double.NaN)).sum().item()), "NaN lost");
            }));
            out.add(of(p + "replaceLinear(\"\")", ERROR, () -> LayerCases.script(model).replaceLinear("", 3)));
            out.add(of(p + "replaceLinear(\"0\")", ERROR, () -> LayerCases.script(model).replaceLinear("0", 3)));
            out.add(of(p + "replaceLinear(\"no.such.path\")", ERROR, () -> LayerCases.script(model).replaceLinear("no.such.path", 3)));
            out.add(of(p + "replaceLinear(\"..\")", ERROR, () -> LayerCases.script(model).replaceLinear("..", 3)));
            out.add(of(p + "replaceLinear(null)", NULL_ARGUMENT, () -> LayerCases.script(model).replaceLinear(null, 3)));
            out.add(of(p + "replaceHead(0)", ERROR, () -> LayerCases.script(model).replaceHead(0)));
            out.add(of(p + "replaceHead(-5)", ERROR, () -> LayerCases.script(model).replaceHead(-5)));
            out.add(of(p + "replaceHead(2^40)", ERROR, () -> LayerCases.script(model).replaceHead(1L << 40)));
            out.add(of(p + "replaceHead(7) twice, then forward", RESULT_OR_ERROR, () -> {
                ScriptModule m = LayerCases.script(model);
                m.replaceHead(7);
                m.replaceHead(7);
                check(m.forward(image()).size(1) == 7, "wrong head");
            }));
            out.add(of(p + "get(100)", ERROR, () -> LayerCases.script(model).get(100)));
            out.add(of(p + "get(-100)", ERROR, () -> LayerCases.script(model).get(-100)));
            out.add(of(p + "get(\"nope\")", ERROR, () -> LayerCases.script(model).get("nope")));
            out.add(of(p + "slice(5, 1)", RESULT_OR_ERROR, () -> LayerCases.script(model).slice(5, 1)));
            out.add(of(p + "slice(-100, 100) forward", RESULT_OR_ERROR,
                    () -> Results.touch(LayerCases.script(model).slice(-100, 100).forward(image()))));
            out.add(of(p + "empty slice forward", RESULT_OR_ERROR, () -> {
                Tensor x = image();
                Results.assertSame(x, LayerCases.script(model).slice(2, 2).forward(x), "an empty slice is the identity");
            }));
            out.add(of(p + "featuresBefore(\"nope\")", ERROR, () -> LayerCases.script(model).featuresBefore("nope")));
            out.add(of(p + "to(int64)", ERROR, () -> LayerCases.script(model).to(DType.INT64)));
            out.add(of(p + "to(cuda) without CUDA", ERROR, () -> LayerCases.script(model).to(Device.cuda())));
            out.add(of(p + "to(float64) then forward(float32)", ERROR, () -> {
                ScriptModule m = LayerCases.script(model);
                m.to(DType.FLOAT64);
                m.forward(image());
            }));
            out.add(of(p + "to(meta) then forward(cpu)", RESULT_OR_ERROR, () -> {
                ScriptModule m = LayerCases.script(model);
                m.to(Device.meta());
                Results.touch(m.forward(image()));
            }));
            out.add(of(p + "save to a folder", ERROR, () -> LayerCases.script(model).save(Files.createTempDirectory("misuse"))));
            out.add(of(p + "save into a missing folder", ERROR, () -> LayerCases.script(model).save(Path.of("/nonexistent/dir/m.pt"))));
            out.add(of(p + "loadStateDict of another model", ERROR,
                    () -> LayerCases.script(model).loadStateDict(LayerCases.script("vgg.pt").stateDict(), true)));
        }
        out.add(of("script load onto cuda without CUDA", ERROR, () -> ScriptModule.load(fixture(), Device.cuda())));
        out.add(of("script load onto meta", RESULT_OR_ERROR, () -> Results.touch(ScriptModule.load(fixture(), Device.meta()).stateDict())));
        out.add(of("script Jit.script of a Java module with its own forward", ERROR, () -> Jit.script(new ModuleCases.Holder())));
        out.add(of("script Jit.script of a Sequential holding a released parameter", RELEASED, () -> {
            Linear l = new Linear(2, 2);
            l.weight().raw().deallocate();
            Jit.script(new Sequential(l, new ReLU()));
        }));
        out.add(of("script Jit.script(null)", NULL_ARGUMENT, () -> Jit.script(null)));
        out.add(of("script Jit.load(null)", NULL_ARGUMENT, () -> Jit.load(null)));
        out.add(of("script extraFile of a missing name", RESULT_OR_ERROR,
                () -> check(Jit.extraFile(fixture(), "nope.txt").isEmpty(), "found a missing extra file")));
        return out;
    }

    private static Path fixture() throws java.net.URISyntaxException {
        return Path.of(ScriptCases.class.getResource("/fixtures/jit/sequential.pt").toURI());
    }
}
