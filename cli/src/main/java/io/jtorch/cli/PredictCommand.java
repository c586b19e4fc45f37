package io.jtorch.cli;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import io.jtorch.vision.datasets.Images;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jtorch predict --model finetuned.pt IMAGE...}: the top classes of each image, with probabilities. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classifies images with a model saved by jtorch finetune (or any TorchScript classifier).")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "the TorchScript model")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files (PNG, JPEG, BMP, TIFF), or folders of them")
    List<Path> images;

    @Option(names = "--top", paramLabel = "K", description = "how many classes to show per image (default: ${DEFAULT-VALUE})")
    int top = 3;

    @Option(names = "--resize", paramLabel = "HxW", description = "resize images to H x W pixels first (not for models saved by "
            + "finetune --arch, whose recorded preset resizes and crops them)")
    String resize;

    @Option(names = "--trust-model-code", description = "load a model whose code runs while it loads or reaches files "
            + "(TorchScript __setstate__, torch.from_file...); only for models from authors you trust")
    boolean trustModelCode;

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        FinetuneCommand.check(top >= 1, "--top must be at least 1");
        ModelLoading.trustCode(trustModelCode);
        ScriptModule m = ModelLoading.load(model, io.jtorch.Device.CPU);
        m.eval();
        ModelInfo info = ModelInfo.of(model);
        int channels = info.inputShape() != null ? (int) info.inputShape()[0] : 3;
        int[] size = FinetuneCommand.parseResize(resize);
        int height = size != null ? size[0] : info.inputShape() != null ? (int) info.inputShape()[1] : 0;
        int width = size != null ? size[1] : info.inputShape() != null ? (int) info.inputShape()[2] : 0;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Images are prepared as in training: resized when the model was trained with --resize (or --resize is given here).
        boolean doResize = size != null || info.resize();
        // A model built with finetune --arch records its weights' preset, which replaces all of the above.
        FinetuneCommand.check(info.preset() == null || size == null, "--resize: " + model + " records its preprocessing (resize "
                + (info.preset() == null ? 0 : info.preset().resizeSize()) + ", center crop " + (info.preset() == null ? 0
                : info.preset().cropSize()) + "), which predict applies; leave --resize out");
        int failed = 0;
        for (Path image : ImageArguments.expand(images)) {
            Tensor x;
            try {
                x = info.preset() != null ? info.preset().apply(Images.readImage(image, 3))
                        : Images.read(image, channels, height, width, doResize, info.mean(), info.std());
            } catch (RuntimeException e) {
                // One unreadable image is reported and skipped; the others are still classified.
                err.println("jtorch: " + Main.describeOrClass(e));
                failed++;
                continue;
            }
            Tensor probs;
            try (NoGrad g = Torch.noGrad()) {
                probs = m.forward(x.unsqueeze(0)).softmax(1).get(0);
            }
            float[] p = probs.toFloatArray();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                order.add(i);
            }
            order.sort((a, b) -> Float.compare(p[b], p[a]));
            StringBuilder line = new StringBuilder(image.toString()).append(':');
            for (int i = 0; i < Math.min(top, p.length); i++) {
                int c = order.get(i);
                String name = c < info.classes().size() ? info.classes().get(c) : "class " + c;
                line.append(String.format(Locale.ROOT, "%s %s %.3f", i == 0 ? "" : ",", name, p[c]));
            }
            out.println(line);
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : Main.BAD_INPUT;
    }
}
