package io.jtorch.cli;

import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.jit.Jit;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.Adam;
import io.jtorch.optim.Optimizer;
import io.jtorch.optim.SGD;
import io.jtorch.train.EpochStats;
import io.jtorch.train.Evaluation;
import io.jtorch.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fine-tuning job behind {@code jtorch finetune}: data, model surgery, three runs, outputs. */
final class Finetune {
    /** Everything the job needs to know, already checked. */
    record Settings(Path model, String head, Path data, List<String> classes, int perClass, int epochs, double lr, double lrFactor,
                    String optimizer, int batchSize, long seed, int unfreeze, int dropTop, int hidden, int[] resize, Device device,
                    boolean featureCache, Path out) {}

    static final String HEAD_ONLY = "1. head only";
    static final String FINETUNE = "2. + layers below";
    static final String SCRATCH = "3. from scratch";

    private final Settings s;
    private final Progress progress;
    private final Distribution dist;

    /** The job, run by this process alone or as one worker of a data-parallel run (see {@link Distribution}). */
    Finetune(Settings settings, Progress progress, Distribution dist) {
        this.s = settings;
        this.progress = progress;
        this.dist = dist;
    }

    /** Runs the three phases and writes the outputs; returns the phases' results. */
    List<PhaseResult> run() throws IOException {
        long started = System.nanoTime();
        // NNPACK cannot start on many CPUs and says so on stderr; libtorch's other kernels serve instead.
        org.bytedeco.pytorch.global.torch.globalContext().setUserEnabledNNPACK(false);
        try (Outputs outputs = Outputs.stage(s.out())) {
            Path modelPath = s.model() != null ? s.model() : ModelInfo.extractDefaultModel(outputs.scratchDir());
            ModelInfo info = s.model() != null ? ModelInfo.of(modelPath) : ModelInfo.defaultModel();
            ScriptModule backbone = loadModel(modelPath);
            int channels = info.inputShape() != null ? (int) info.inputShape()[0] : (s.data() == null ? 1 : 3);
            int[] size = info.inputShape() != null ? new int[] {(int) info.inputShape()[1], (int) info.inputShape()[2]} : null;
            TaskData task = TaskData.load(new TaskData.Request(s.data(), s.classes(), s.perClass(), s.seed(), channels, size, s.resize(),
                    info.mean(), info.std()));
            if (task.skippedFiles() > 0) {
                progress.info("warning: skipped " + task.skippedFiles() + " files that are not images");
            }
            progress.info(String.format(Locale.ROOT, "data: %s; %d classes %s; %d training images (%d per class), %d validation images",
                    task.source(), task.classes().size(), task.classes(), task.train().size(), s.perClass(), task.val().size()));
            if (dist.worldSize() > 1) {
                progress.info(dist.describe(s.batchSize()));
            }
            Tensor sample = task.train().get(0).input().unsqueeze(0).retain();
            DataLoader train = dist.trainLoader(task.train(), s.batchSize(), s.seed());
            DataLoader val = new DataLoader(task.val(), 256);
            int k = task.classes().size();

            Torch.manualSeed(s.seed());
            Transfer.Built built = Transfer.build(backbone, s.head(), s.dropTop(), s.hidden(), k, sample);
            progress.info("model: " + backbone.originalName() + " from " + (s.model() != null ? modelPath : "the built-in backbone")
                    + "; head '" + built.headPath() + "' replaced by " + built.model().get(-1) + " on " + built.features() + " features");
            Sequential model = built.model();
            model.to(s.device());
            List<PhaseResult> results = new ArrayList<>();

            // 1. Freeze the original layers, train the new head.
            for (Parameter p : model.parameters()) {
                p.requiresGrad(false);
            }
            model.get(-1).requiresGrad(true);
            model.train();
            model.slice(0, -1).eval();
            results.add(phase(HEAD_ONLY, "all layers frozen, new head trained", model, s.lr(), train, val));

            // 2. Unfreeze the layer(s) before the head, nudge them with a lower learning rate.
            List<Module> layers = built.layers();
            List<Module> unfrozen = layers.subList(Math.max(0, layers.size() - s.unfreeze()), layers.size());
            for (Module m : unfrozen) {
                m.requiresGrad(true);
                m.train();
            }
            results.add(phase(FINETUNE, "head and the " + unfrozen.size() + " layer(s) below it, lr x " + s.lrFactor(), model,
                    s.lr() * s.lrFactor(), train, val));
            ScriptModule finetuned = Jit.script(model);

            // 3. The same network from scratch, for contrast.
            Torch.manualSeed(s.seed());
            Sequential fresh = Transfer.build(loadModel(modelPath), s.head(), s.dropTop(), s.hidden(), k, sample).model();
            Transfer.reinitialise(fresh);
            fresh.to(s.device());
            fresh.train();
            results.add(phase(SCRATCH, "same network re-initialised, all layers trained", fresh, s.lr(), train, val));

            if (!dist.isMain()) {
                return results;
            }
            progress.info("");
            progress.info(SummaryTable.render(results));
            finetuned.eval();
            outputs.writeModel(finetuned, info.withClasses(task.classes()));
            outputs.writeMetrics(s, task, built, results);
            outputs.writeChart(results);
            outputs.commit();
            progress.info(String.format(Locale.ROOT, "wrote %s, %s and %s in %s (%.1f s in all)", Outputs.MODEL, Outputs.METRICS,
                    Outputs.CHART, s.out(), (System.nanoTime() - started) / 1e9));
            return results;
        }
    }

    private ScriptModule loadModel(Path path) throws IOException {
        ScriptModule m = ScriptModule.load(path, s.device());
        if (m.linearPaths().isEmpty()) {
            throw new UserError(path + " has no Linear layer that could be replaced by a new head");
        }
        return m;
    }

    private PhaseResult phase(String name, String description, Sequential model, double lr, DataLoader train, DataLoader val) {
        long trainable = 0;
        long frozen = 0;
        for (Parameter p : model.parameters()) {
            if (p.requiresGrad()) {
                trainable += p.numel();
            } else {
                frozen += p.numel();
            }
        }
        PhaseResult result = new PhaseResult(name, description, trainable, frozen, lr);
        Optimizer optimizer = s.optimizer().equals("adam") ? new Adam(model.parameters(), lr)
                : new SGD(model.parameters(), lr).momentum(0.9);
        Trainer trainer = new Trainer(dist.replicate(model), optimizer, new CrossEntropyLoss()).featureCache(s.featureCache())
                .device(s.device());
        progress.info(name + ": " + description + " (" + String.format(Locale.ROOT, "%,d", trainable) + " trainable parameters, lr "
                + lr + "; feature cache " + trainer.featureCacheStatus(train) + ")");
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            dist.beforeEpoch();
            EpochStats stats = dist.combine(trainer.trainEpoch(train, progress.epoch(name, epoch, s.epochs())));
            if (!dist.isMain()) {
                continue;
            }
            Evaluation ev = trainer.evaluate(val);
            result.epochs.add(new PhaseResult.Epoch(epoch, stats.meanLoss(), ev.meanLoss(), ev.accuracy(), stats.seconds() + ev.seconds(),
                    stats.cached()));
            progress.epochDone(name, epoch, s.epochs(), stats.meanLoss(), ev.accuracy(), stats.seconds() + ev.seconds(), stats.cached());
        }
        result.wallSeconds = (System.nanoTime() - start) / 1e9;
        return result;
    }
}
