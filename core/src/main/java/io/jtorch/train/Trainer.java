package io.jtorch.train;

import io.jtorch.Device;
import io.jtorch.NoGrad;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.distributed.DistributedDataParallel;
import io.jtorch.nn.Loss;
import io.jtorch.nn.Module;
import io.jtorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain training loop of the seed answer, packaged: zero the gradients, forward, loss,
 * backward, step, for every batch of an epoch; plus evaluation. It adds two things the loop
 * written by hand does not have: progress reporting, and a {@link FeatureCache} that computes a
 * frozen, deterministic prefix of the model once instead of every epoch: the leading children of
 * an {@link io.jtorch.nn.Sequential}, or the leading stages of a {@link io.jtorch.nn.Staged}
 * model (the Java vision models, a TorchScript model whose forward calls its children in a
 * chain, such as a scripted or traced torchvision ResNet). Training only the head, the epoch
 * runs the head on cached features; with the top layers unfrozen too ({@code layer4} and
 * {@code fc}), it runs those on the cached output of the layers below them.
 *
 * <p>With or without the cache the numbers are the same (to float rounding); the cache
 * switches itself off, logging why once, whenever it would not be: when the first stage is
 * trainable, when a frozen layer that behaves differently in training (batch norm, dropout) is
 * in training mode, and when the dataset applies random augmentation ({@code Dataset.isRandom()}).
 * {@link #featureCacheStatus} says which. A trainer is used from one thread.
 *
 * <p>The model may be a {@link DistributedDataParallel}: the cache then looks at the module it
 * wraps, and the trainable layers run on cached features with the wrapper's gradient averaging.
 * <pre>{@code
 * Trainer trainer = new Trainer(model, new SGD(model.parameters(), 1e-3), new CrossEntropyLoss());
 * for (int epoch = 0; epoch < 3; epoch++) {
 *     EpochStats stats = trainer.trainEpoch(trainLoader);
 *     Evaluation val = trainer.evaluate(valLoader);
 * }
 * }</pre>
 */
public final class Trainer {
    private static final System.Logger LOG = System.getLogger(Trainer.class.getName());

    private final Module model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final FeatureCache cache = new FeatureCache();
    private boolean useCache = true;
    private String lastReason = "";
    private Device device;

    /**
     * A trainer that updates {@code model} with {@code optimizer} to reduce {@code loss}.
     *
     * @param model the model to train, possibly a {@link DistributedDataParallel}
     * @param optimizer the optimizer over the model's trainable parameters
     * @param loss the loss of the model's output against the batch's labels
     */
    public Trainer(Module model, Optimizer optimizer, Loss loss) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
    }

    /**
     * Turns the frozen-prefix feature cache on (the default) or off; returns this.
     *
     * @param enabled whether to use the cache; turning it off drops the features cached so far
     * @return this, for chaining
     */
    public Trainer featureCache(boolean enabled) {
        this.useCache = enabled;
        if (!enabled) {
            cache.clear();
        }
        return this;
    }

    /**
     * Moves every batch to {@code device} before the model sees it (the model itself is moved
     * with {@code model.to(device)}); returns this. For a CUDA device, batches are first put in
     * page-locked memory and copied without blocking, as {@code DataLoader(pin_memory=True)} and
     * {@code .to(device, non_blocking=True)} do.
     *
     * @param device the device the model runs on, or {@code null} to leave batches where the
     *     loader puts them
     * @return this, for chaining
     */
    public Trainer device(Device device) {
        this.device = device;
        return this;
    }

    /** {@return the model being trained, as it was given} */
    public Module model() {
        return model;
    }

    /**
     * Trains for one pass over {@code loader}: for each batch, zero the gradients, forward, loss,
     * backward, step (on cached features for the frozen prefix when the cache is on).
     *
     * @param loader the training data
     * @return what the pass measured
     */
    public EpochStats trainEpoch(DataLoader loader) {
        return trainEpoch(loader, ProgressListener.NONE);
    }

    /**
     * Trains for one pass over {@code loader} as {@link #trainEpoch(DataLoader)} does, reporting
     * to {@code listener} after each batch.
     *
     * @param loader the training data
     * @param listener called after each batch with the progress of the epoch
     * @return what the pass measured
     */
    public EpochStats trainEpoch(DataLoader loader, ProgressListener listener) {
        Plan plan = plan(loader);
        long start = System.nanoTime();
        long samples = 0;
        long batches = 0;
        double lossSum = 0;
        long total = plan.loader.size();
        for (Batch raw : plan.loader) {
            Batch b = onDevice(raw);
            optimizer.zeroGrad();
            Tensor out = plan.net.forward(b.inputs());
            Tensor l = loss.forward(out, b.labels());
            l.backward();
            optimizer.step();
            long n = b.size();
            lossSum += l.item() * n;
            samples += n;
            batches++;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onBatch(batches, total, lossSum / samples, seconds > 0 ? samples / seconds : 0);
        }
        return new EpochStats(samples > 0 ? lossSum / samples : Double.NaN, samples, batches, (System.nanoTime() - start) / 1e9,
                plan.cached);
    }

    /**
     * {@return the mean loss and the accuracy of the model on {@code loader}'s data, in eval
     * mode and without gradients} Each module's training mode is put back afterwards.
     *
     * @param loader the evaluation data
     */
    public Evaluation evaluate(DataLoader loader) {
        long start = System.nanoTime();
        List<Boolean> modes = new ArrayList<>();
        for (Module m : model.modules()) {
            modes.add(m.isTraining());
        }
        model.eval();
        long samples = 0;
        long correct = 0;
        double lossSum = 0;
        try (NoGrad g = Torch.noGrad()) {
            Plan plan = plan(loader);
            for (Batch raw : plan.loader) {
                Batch b = onDevice(raw);
                Tensor out = plan.net.forward(b.inputs());
                long n = b.size();
                lossSum += loss.forward(out, b.labels()).item() * n;
                correct += out.argmax(1).eq(b.labels()).sum().itemLong();
                samples += n;
            }
        } finally {
            List<Module> all = model.modules();
            for (int i = 0; i < all.size(); i++) {
                all.get(i).train(modes.get(i));
            }
        }
        return new Evaluation(samples > 0 ? lossSum / samples : Double.NaN, samples > 0 ? (double) correct / samples : Double.NaN,
                samples, (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@return whether the cache is in use for {@code loader}, and if not, why: a line starting
     * with {@code "on: "} or {@code "off"}, for logs and summaries}
     *
     * @param loader the loader whose dataset would be cached
     */
    public String featureCacheStatus(DataLoader loader) {
        if (!useCache) {
            return "off (turned off)";
        }
        FeatureCache.Analysis a = FeatureCache.analyse(unwrapped(), loader.dataset());
        if (a.whyNot() != null) {
            return "off: " + a.whyNot();
        }
        List<String> names = a.prefixNames();
        return "on: layers " + names.get(0) + "-" + names.get(names.size() - 1) + " computed once per dataset";
    }

    private Batch onDevice(Batch b) {
        if (device == null || b.inputs().device().equals(device)) {
            return b;
        }
        return device.isCuda() && b.inputs().device().isCpu() ? b.pinMemory().to(device, true) : b.to(device);
    }

    /** The model, or the module a DistributedDataParallel wraps. */
    private Module unwrapped() {
        return model instanceof DistributedDataParallel ? ((DistributedDataParallel) model).module() : model;
    }

    /** What to run for one pass: the whole model on the data, or the trainable suffix on cached features. */
    private record Plan(Module net, DataLoader loader, boolean cached) {}

    private Plan plan(DataLoader loader) {
        FeatureCache.Analysis analysis = useCache ? FeatureCache.analyse(unwrapped(), loader.dataset()) : null;
        String why = analysis == null ? "turned off" : analysis.whyNot();
        if (why != null) {
            if (useCache && !why.equals(lastReason)) {
                LOG.log(System.Logger.Level.INFO, "feature cache off: " + why);
                lastReason = why;
            }
            cache.drop(loader.dataset());
            return new Plan(model, loader, false);
        }
        DataLoader cached = loader.withDataset(cache.featuresOf(analysis, loader.dataset(), loader.batchSize(), device));
        Module suffix = analysis.suffixModule();
        return new Plan(model instanceof DistributedDataParallel ? ((DistributedDataParallel) model).around(suffix) : suffix, cached, true);
    }
}
