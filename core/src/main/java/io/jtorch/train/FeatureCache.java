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
import io.jtorch.nn.Staged;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Computes a frozen, deterministic prefix of a model once per dataset, so that later epochs
 * train only the layers after it.
 *
 * <p>While every layer below the trainable ones is frozen and runs deterministically, its
 * outputs never change; recomputing them every epoch (what the plain PyTorch loop does) is
 * wasted work. The model is read as a chain of stages:
 * <ul>
 *   <li>a {@link Sequential}: its children;</li>
 *   <li>a {@link Staged} module: its {@link Staged#stages()}: the Java vision models such as
 *       {@code io.jtorch.vision.models.ResNet} ({@code conv1} ... {@code layer4}, {@code avgpool},
 *       flatten, {@code fc}), and a {@link ScriptModule} whose TorchScript {@code forward} calls
 *       its children one after another (scripted or traced torchvision classifiers);</li>
 * </ul>
 * and a stage that has trainable parameters is itself read as stages when it can be, down to
 * the first stage that cannot be split further. The prefix is the run of stages before the
 * first one with a parameter that requires grad. So with a ResNet's {@code fc} trainable the
 * prefix is everything before it ({@code conv1} ... {@code avgpool} and the flatten); with
 * {@code layer4} and {@code fc} trainable (the second phase of fine-tuning) it is
 * {@code conv1} ... {@code layer3}, and an epoch costs {@code layer4} and {@code fc} only.
 *
 * <p>The cache is used only while all of these hold, and is dropped otherwise, the reason
 * logged once by the {@link Trainer}:
 * <ul>
 *   <li>the model's first stage has no trainable parameter;</li>
 *   <li>no prefix layer that behaves differently in training (dropout, batch norm, or a Java
 *       module this class does not know) is in training mode;</li>
 *   <li>the dataset does not apply random augmentation ({@link Dataset#isRandom()}): its inputs
 *       differ between epochs, so features computed once would be wrong.</li>
 * </ul>
 * Features are recomputed when any prefix parameter or buffer changed (libtorch counts every
 * in-place change) or was replaced, and when the prefix itself changes (a prefix layer made
 * trainable moves the split down; a layer frozen again moves it up).
 */
public final class FeatureCache {
    private static final Pattern MODE_DEPENDENT = Pattern.compile("(?i)dropout|batchnorm");

    private final Map<Dataset, Entry> features = new IdentityHashMap<>();

    /** An empty cache: features are computed the first time a dataset is trained on. */
    public FeatureCache() {}

    /** Features of one dataset, with what they were computed from. */
    private record Entry(List<String> prefix, long[] fingerprint, TensorDataset features) {}

    /**
     * {@return why the cache cannot be used for {@code model} on {@code dataset}, or {@code null}
     * when it can}
     *
     * @param model the model, read as a chain of stages
     * @param dataset the dataset the model would be trained on
     */
    public static String whyNot(Module model, Dataset dataset) {
        return analyse(model, dataset).whyNot();
    }

    /**
     * What one look at the model tells: its stages split into the frozen prefix and the rest
     * (by dotted names such as {@code "0.layer3"}), why the cache cannot be used ({@code null}
     * when it can), and the prefix's fingerprint (when it can).
     */
    record Analysis(List<String> prefixNames, List<Module> prefix, List<Module> suffix, String whyNot, long[] fingerprint) {
        /** How many stages the prefix has. */
        int split() {
            return prefix.size();
        }

        /** The prefix, to run on the data. */
        Sequential prefixModule() {
            return new Sequential(prefix);
        }

        /** The trainable rest, to run on the cached features. */
        Sequential suffixModule() {
            return new Sequential(suffix);
        }

        private Analysis off(String why) {
            return new Analysis(prefixNames, prefix, suffix, why, null);
        }
    }

    /**
     * Analyses {@code model} for {@code dataset} in one walk over the prefix's modules,
     * parameters and buffers: each epoch asks, and on a script module each walk goes through
     * libtorch's module lists.
     */
    static Analysis analyse(Module model, Dataset dataset) {
        LinkedHashMap<String, Module> top = new LinkedHashMap<>();
        String notStaged = stagesOf(model, top);
        if (notStaged != null) {
            return new Analysis(List.of(), List.of(), List.of(model), "the model is a " + model.getClass().getSimpleName()
                    + ", not a chain of stages with a frozen prefix (a Sequential, a Staged module such as a vision model, or a"
                    + " ScriptModule whose forward calls its children one after another): " + notStaged, null);
        }
        List<String> names = new ArrayList<>();
        List<Module> prefix = new ArrayList<>();
        List<Module> suffix = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        split(top, "", names, prefix, suffix, tensors);
        Analysis a = new Analysis(names, prefix, suffix, null, null);
        if (prefix.isEmpty()) {
            return a.off("the first layer has trainable parameters, so there is no frozen prefix");
        }
        if (suffix.isEmpty()) {
            return a.off("no layer has trainable parameters");
        }
        for (int i = 0; i < prefix.size(); i++) {
            for (Map.Entry<String, Module> m : prefix.get(i).namedModules().entrySet()) {
                String reason = modeDependence(m.getValue());
                if (reason != null) {
                    String where = m.getKey().isEmpty() ? names.get(i) : names.get(i) + "." + m.getKey();
                    return a.off("layer " + where + " is in training mode with " + reason + "; call eval() on the frozen layers");
                }
                tensors.addAll(m.getValue().buffers(false));
            }
        }
        if (dataset.isRandom()) {
            return a.off("the dataset applies random augmentation (Dataset.isRandom()), so the frozen layers' outputs differ"
                    + " between epochs and every epoch runs the whole model");
        }
        return new Analysis(names, prefix, suffix, null, fingerprint(tensors));
    }

    /** Puts the stages of {@code m} into {@code out}; returns why it has none, or null. */
    private static String stagesOf(Module m, LinkedHashMap<String, Module> out) {
        if (m instanceof Sequential) {
            out.putAll(m.namedChildren());
            return null;
        }
        if (m instanceof Staged) {
            try {
                out.putAll(((Staged) m).stages());
                return null;
            } catch (UnsupportedOperationException e) {
                return e.getMessage();
            }
        }
        return "it does not present its forward as stages";
    }

    /**
     * Appends the frozen leading stages of {@code stages} to {@code prefix} and the rest to
     * {@code suffix}, reading the first trainable stage as stages of its own when it can be.
     */
    private static void split(LinkedHashMap<String, Module> stages, String path, List<String> names, List<Module> prefix,
            List<Module> suffix, List<Tensor> tensors) {
        boolean frozen = true;
        for (Map.Entry<String, Module> s : stages.entrySet()) {
            Module m = s.getValue();
            if (!frozen) {
                suffix.add(m);
                continue;
            }
            List<Parameter> params = m.parameters();
            if (!hasTrainable(params)) {
                names.add(path + s.getKey());
                prefix.add(m);
                tensors.addAll(params);
                continue;
            }
            frozen = false;
            LinkedHashMap<String, Module> inner = new LinkedHashMap<>();
            if (stagesOf(m, inner) == null && inner.size() > 1) {
                split(inner, path + s.getKey() + ".", names, prefix, suffix, tensors);
            } else {
                suffix.add(m);
            }
        }
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
     * The outputs of the analysed prefix for every sample of {@code dataset}, in dataset order.
     * Computed on first use, and again whenever the prefix or any of its parameters or buffers
     * changed since (libtorch counts in-place changes).
     */
    TensorDataset featuresOf(Analysis analysis, Dataset dataset, int batchSize, io.jtorch.Device device) {
        long[] fingerprint = analysis.fingerprint();
        Entry cached = features.get(dataset);
        if (cached != null && cached.prefix.equals(analysis.prefixNames()) && java.util.Arrays.equals(cached.fingerprint, fingerprint)) {
            return cached.features;
        }
        features.remove(dataset);
        Sequential prefix = analysis.prefixModule();
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
        features.put(dataset, new Entry(List.copyOf(analysis.prefixNames()), fingerprint, computed));
        return computed;
    }

    /** Forgets the features of {@code dataset}, when the cache cannot be used for it any more. */
    void drop(Dataset dataset) {
        features.remove(dataset);
    }

    /** Whether features of {@code dataset} are held. */
    boolean holds(Dataset dataset) {
        return features.containsKey(dataset);
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
