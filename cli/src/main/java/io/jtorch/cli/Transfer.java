package io.jtorch.cli;

import io.jtorch.NoGrad;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.Init;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the transfer-learning model from a TorchScript classifier: its body up to the head (or
 * up to a few layers below it, with --drop-top), then a new head for the new classes (deeper
 * with --hidden). The result is a Java {@link Sequential}: {@code model.get(-1)} is the new head,
 * and when the backbone is a scripted {@code nn.Sequential} its layers are the model's layers,
 * so that {@code model.get(-2)} is "the layer before the head" as in the answer.
 */
final class Transfer {
    /**
     * The model and where its parts are.
     *
     * @param model the body's layers followed by the new head
     * @param layers the body's layers that count for --unfreeze, bottom to top
     * @param headPath the backbone's head that was replaced
     * @param features the size of what enters the new head
     * @param standIn the path in {@code model} of the frozen identity Linear that stands in for the
     *     old head inside the backbone ({@code "0.fc"}), or null when the body simply stops before
     *     the head; it is left out of parameter counts, freezing and re-initialisation, and
     *     {@link #forSaving} removes it from the saved model
     */
    record Built(Sequential model, List<Module> layers, String headPath, long features, String standIn) {
        /** Whether the parameter called {@code name} in {@link #model} belongs to the stand-in. */
        boolean isStandIn(String name) {
            return standIn != null && name.startsWith(standIn + ".");
        }
    }

    private Transfer() {}

    static Built build(ScriptModule backbone, String head, int dropTop, int hidden, int classes, Tensor sample) {
        List<String> linears = backbone.linearPaths();
        if (linears.isEmpty()) {
            throw new UserError("the model has no Linear layer to use as its head (" + backbone.originalName() + ")");
        }
        String headPath = head != null ? head : linears.get(linears.size() - 1);
        if (!linears.contains(headPath)) {
            throw new UserError("--head " + headPath + " is not a Linear layer of the model; its Linear layers are " + linears);
        }
        List<Module> body = new ArrayList<>();
        List<Module> layers = new ArrayList<>();
        boolean sequential = backbone.isSequential();
        List<String> children = new ArrayList<>(backbone.namedChildren().keySet());
        if (sequential && children.contains(headPath)) {
            int cut = children.indexOf(headPath);
            for (int k = 0; k < dropTop; k++) {
                cut = previousWithParameters(backbone, cut);
                if (cut < 0) {
                    throw new UserError("--drop-top " + dropTop + " drops more layers than the model has below its head");
                }
            }
            for (int i = 0; i < cut; i++) {
                ScriptModule child = backbone.get(i);
                body.add(child);
                if (!child.parameters().isEmpty()) {
                    layers.add(child);
                }
            }
        } else {
            if (dropTop > 0) {
                throw new UserError("--drop-top needs a model that is a scripted nn.Sequential with the head as a direct child; "
                        + backbone.originalName() + " has its own forward");
            }
            ScriptModule features = backbone.featuresBefore(headPath);
            body.add(features);
            layers.addAll(layersAtHeadDepth(features, headPath));
        }
        if (body.isEmpty()) {
            throw new UserError("--drop-top " + dropTop + " leaves no layer of the model");
        }
        Sequential bodyModel = new Sequential(body);
        long[] shape;
        bodyModel.eval();
        try (NoGrad g = Torch.noGrad()) {
            shape = bodyModel.forward(sample).shape();
        } catch (RuntimeException e) {
            throw new UserError("the model cannot run on inputs of shape " + Shapes.format(sample.shape()) + ": " + e.getMessage(), e);
        }
        if (shape.length > 2) {
            body.add(new Flatten());
        }
        long features = 1;
        for (int i = 1; i < shape.length; i++) {
            features *= shape[i];
        }
        Module newHead = hidden > 0
                ? new Sequential(new Linear(features, hidden), new ReLU(), new Linear(hidden, classes))
                : new Linear(features, classes);
        List<Module> all = new ArrayList<>(body);
        all.add(newHead);
        String standIn = sequential && children.contains(headPath) ? null : "0." + headPath;
        return new Built(new Sequential(all), layers, headPath, features, standIn);
    }

    /**
     * The layers that --unfreeze counts when the head is not a direct child of a top-level
     * Sequential: the modules with parameters at the depth where the head lives (as many dots in
     * their path as in the head's), before the head, in the model's order. On MobileNetV2
     * ({@code classifier.1}) these are {@code features.0} .. {@code features.18}; on a ResNet
     * ({@code fc}) they are {@code conv1}, {@code bn1}, {@code layer1} .. {@code layer4}.
     */
    static List<Module> layersAtHeadDepth(ScriptModule features, String headPath) {
        int depth = headPath.split("\\.").length;
        List<Module> out = new ArrayList<>();
        for (Map.Entry<String, Module> m : features.namedModules().entrySet()) {
            String path = m.getKey();
            if (path.equals(headPath)) {
                break;
            }
            if (!path.isEmpty() && path.split("\\.").length == depth && !m.getValue().parameters().isEmpty()) {
                out.add(m.getValue());
            }
        }
        return out;
    }

    /**
     * The model to save: when the body keeps the old head as an identity stand-in and the new head
     * is a single Linear on the backbone's own output, the trained backbone with that head put in
     * the old one's place (so the file is a plain ResNet or MobileNet, as Python's would be);
     * otherwise the Sequential as trained, scripted.
     */
    static ScriptModule forSaving(Built built) {
        Sequential model = built.model();
        if (built.standIn() == null || model.size() != 2 || !(model.get(0) instanceof ScriptModule)
                || !(model.get(1) instanceof Linear)) {
            return io.jtorch.jit.Jit.script(model);
        }
        ScriptModule backbone = (ScriptModule) model.get(0);
        Linear head = (Linear) model.get(1);
        Map<String, Parameter> trained = head.namedParameters();
        backbone.replaceLinear(built.headPath(), trained.get("weight").size(0));
        Map<String, Tensor> values = new java.util.LinkedHashMap<>();
        try (NoGrad g = Torch.noGrad()) {
            for (Map.Entry<String, Parameter> p : trained.entrySet()) {
                values.put(built.headPath() + "." + p.getKey(), p.getValue().detach());
            }
            backbone.loadStateDict(values, false);
        }
        return backbone;
    }

    private static int previousWithParameters(ScriptModule seq, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (!seq.get(i).parameters().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Gives every parameter and batch-norm statistic a fresh value, as a newly built network has;
     * the module at {@code keep} (the identity stand-in, or null) is left as it is.
     */
    static void reinitialise(Module model, String keep) {
        try (NoGrad g = Torch.noGrad()) {
            for (Map.Entry<String, Module> named : model.namedModules().entrySet()) {
                if (keep != null && (named.getKey().equals(keep) || named.getKey().startsWith(keep + "."))) {
                    continue;
                }
                Module m = named.getValue();
                Map<String, Parameter> own = ownParameters(m);
                Parameter weight = own.get("weight");
                Parameter bias = own.get("bias");
                if (weight != null && weight.dim() >= 2) {
                    Init.resetLikePyTorch(weight, bias);
                } else if (weight != null) {
                    weight.fill_(1.0);
                    if (bias != null) {
                        bias.zero_();
                    }
                }
                for (Map.Entry<String, Parameter> p : own.entrySet()) {
                    if (!p.getKey().equals("weight") && !p.getKey().equals("bias")) {
                        Init.normal_(p.getValue(), 0, 0.02);
                    }
                }
                resetBuffer(m, "running_mean", 0);
                resetBuffer(m, "running_var", 1);
                resetBuffer(m, "num_batches_tracked", 0);
            }
        }
    }

    private static Map<String, Parameter> ownParameters(Module m) {
        Map<String, Parameter> own = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : m.namedParameters().entrySet()) {
            if (!p.getKey().contains(".")) {
                own.put(p.getKey(), p.getValue());
            }
        }
        return own;
    }

    private static void resetBuffer(Module m, String name, long value) {
        Tensor b = m.buffer(name);
        if (b != null) {
            b.fill_(value);
        }
    }
}
