package io.jtorch.train;

import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.Dataset;
import io.jtorch.data.TensorDataset;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.AdaptiveAvgPool2d;
import io.jtorch.nn.BatchNorm;
import io.jtorch.nn.Conv2d;
import io.jtorch.nn.Dropout;
import io.jtorch.nn.Flatten;
import io.jtorch.nn.GELU;
import io.jtorch.nn.Identity;
import io.jtorch.nn.Linear;
import io.jtorch.nn.MaxPool2d;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Computes a frozen, deterministic prefix of a {@link Sequential} once per dataset, so that
 * later epochs train only the layers after it.
 *
 * <p>While every layer below the trainable ones is frozen and runs deterministically, its
 * outputs never change; recomputing them every epoch (what the plain PyTorch loop does) is
 * wasted work. The prefix is the run of leading children without a parameter that requires
 * grad. The cache is used only while all of these hold, and is dropped otherwise:
 * <ul>
 *   <li>the model is a {@code Sequential} whose first child has no trainable parameter;</li>
 *   <li>no prefix layer that behaves differently in training (dropout, batch norm, or a Java
 *       module this class does not know) is in training mode;</li>
 *   <li>the dataset does not apply random augmentation ({@link Dataset#isRandom()}).</li>
 * </ul>
 */
public final class FeatureCache {
    private static final Pattern MODE_DEPENDENT = Pattern.compile("(?i)dropout|batchnorm");

    private final Map<Dataset, Entry> features = new IdentityHashMap<>();

    /** Features of one dataset, with what they were computed from. */
    private record Entry(int split, long[] fingerprint, TensorDataset features) {}

    /** Why the cache cannot be used for {@code model} on {@code dataset}, or {@code null} when it can. */
    public static String whyNot(Module model, Dataset dataset) {
        return analyse(model, dataset).whyNot();
    }

    /**
     * What one look at the model tells: where its frozen prefix ends, why the cache cannot be
     * used ({@code null} when it can), and the prefix's fingerprint (when it can).
     */
    record Analysis(int split, String whyNot, long[] fingerprint) {}

    /**
     * Analyses {@code model} for {@code dataset} in one walk over the prefix's modules,
     * parameters and buffers: each epoch asks, and on a script module each walk goes through
     * libtorch's module lists.
     */
    static Analysis analyse(Module model, Dataset dataset) {
        if (!(model instanceof Sequential)) {
            return new Analysis(0, "the model is a " + model.getClass().getSimpleName() + ", not a Sequential with a frozen prefix", null);
        }
        Sequential seq = (Sequential) model;
        List<Tensor> tensors = new ArrayList<>();
        int split = 0;
        while (split < seq.size()) {
            List<Parameter> params = seq.get(split).parameters();
            if (hasTrainable(params)) {
                break;
            }
            tensors.addAll(params);
            split++;
        }
        if (split == 0) {
            return new Analysis(0, "the first layer has trainable parameters, so there is no frozen prefix", null);
        }
        if (split == seq.size()) {
            return new Analysis(split, "no layer has trainable parameters", null);
        }
        for (int i = 0; i < split; i++) {
            for (Map.Entry<String, Module> m : seq.get(i).namedModules().entrySet()) {
                String reason = modeDependence(m.getValue());
                if (reason != null) {
                    String where = m.getKey().isEmpty() ? Integer.toString(i) : i + "." + m.getKey();
                    return new Analysis(split, "layer " + where + " is in training mode with " + reason + "; call eval() on the frozen layers",
                            null);
                }
                tensors.addAll(m.getValue().buffers(false));
            }
        }
        if (dataset.isRandom()) {
            return new Analysis(split, "the dataset applies random augmentation, so features differ between epochs", null);
        }
        return new Analysis(split, null, fingerprint(tensors));
    }

    private static boolean hasTrainable(List<Parameter> params) {
        for (Parameter p : params) {
            if (p.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** What makes {@code m} behave differently in training mode, or null when nothing does or it is in eval mode. */
    private static String modeDependence(Module m) {
        if (!m.isTraining()) {
            return null;
        }
        if (m instanceof Dropout || m instanceof BatchNorm) {
            return m.toString();
        }
        if (m instanceof ScriptModule) {
            String name = ((ScriptModule) m).originalName();
            return MODE_DEPENDENT.matcher(name).find() ? name : null;
        }
        boolean known = m instanceof Sequential || m instanceof Linear || m instanceof Conv2d || m instanceof ReLU || m instanceof GELU
                || m instanceof Flatten || m instanceof MaxPool2d || m instanceof AdaptiveAvgPool2d || m instanceof Identity;
        return known ? null : m.getClass().getSimpleName() + ", whose behaviour in training mode is unknown";
    }

    /**
     * The outputs of the first {@code split} children of {@code model} for every sample of
     * {@code dataset}, in dataset order. Computed on first use, and again whenever any of those
     * children's parameters or buffers changed since (libtorch counts in-place changes).
     */
    TensorDataset featuresOf(Sequential model, Analysis analysis, Dataset dataset, int batchSize, io.jtorch.Device device) {
        int split = analysis.split();
        long[] fingerprint = analysis.fingerprint();
        Sequential prefix = model.slice(0, split);
        Entry cached = features.get(dataset);
        if (cached != null && cached.split == split && java.util.Arrays.equals(cached.fingerprint, fingerprint)) {
            return cached.features;
        }
        List<Tensor> outs = new ArrayList<>();
        List<Tensor> labels = new ArrayList<>();
        try (NoGrad g = Torch.noGrad()) {
            for (Batch raw : new DataLoader(dataset, batchSize)) {
                Batch b = device == null ? raw : raw.to(device);
                outs.add(prefix.forward(b.inputs()).retain());
                labels.add(b.labels().retain());
            }
        }
        TensorDataset computed = new TensorDataset(Torch.cat(outs, 0), Torch.cat(labels, 0));
        features.put(dataset, new Entry(split, fingerprint, computed));
        return computed;
    }

    /** The identity and version of every tensor the prefix computes with. */
    private static long[] fingerprint(List<Tensor> tensors) {
        long[] out = new long[tensors.size() * 2];
        for (int i = 0; i < tensors.size(); i++) {
            org.bytedeco.pytorch.Tensor raw = tensors.get(i).raw();
            out[2 * i] = raw.unsafeGetTensorImpl().address();
            out[2 * i + 1] = raw._version();
        }
        return out;
    }

    /** Forgets every cached feature set. */
    void clear() {
        features.clear();
    }
}
