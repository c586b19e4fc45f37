package io.jtorch.cli;

import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.DataLoader;
import io.jtorch.jit.ScriptModule;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.Adam;
import io.jtorch.optim.Optimizer;
import io.jtorch.optim.SGD;
import io.jtorch.train.Checkpoint;
import io.jtorch.train.EpochStats;
import io.jtorch.train.Evaluation;
import io.jtorch.train.Trainer;
import io.jtorch.vision.datasets.ImageFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fine-tuning job behind {@code jtorch finetune}: data, model surgery, three runs, outputs.
 *
 * <p>With {@code --checkpoint-every N} it writes {@code checkpoint.pt} into the output folder
 * every N epochs (atomically); {@code --resume} continues from such a file and ends with the
 * results an uninterrupted run would have had.
 */
final class Finetune {
    /** Everything the job needs to know, already checked. */
    record Settings(Path model, String head, Path data, List<String> classes, int perClass, int epochs, double lr, double lrFactor,
                    String optimizer, int batchSize, long seed, int unfreeze, int dropTop, int hidden, int[] resize, Device device,
                    boolean featureCache, Integer workers, Path out, int checkpointEvery, Path resume, double[] mean, double[] std) {
        /**
         * The settings that decide the results, as the options that give them ({@code --epochs 15;
         * --lr 0.01; ...}); a checkpoint resumes only a run with the same ones.
         */
        String fingerprint() {
            return String.join("; ", "--model " + (model == null ? "(built-in)" : model), "--head " + (head == null ? "(last Linear)" : head),
                    "--data " + (data == null ? "(built-in)" : data), "--classes " + (classes == null ? "(all)" : String.join(",", classes)),
                    "--per-class " + perClass, "--epochs " + epochs, "--lr " + lr, "--lr-factor " + lrFactor, "--optimizer " + optimizer,
                    "--batch-size " + batchSize, "--seed " + seed, "--unfreeze " + unfreeze, "--drop-top " + dropTop,
                    "--hidden " + hidden, "--resize " + (resize == null ? "(none)" : resize[0] + "x" + resize[1]),
                    "--mean " + (mean == null ? "(the model's)" : FinetuneCommand.formatList(mean)),
                    "--std " + (std == null ? "(the model's)" : FinetuneCommand.formatList(std)));
        }

        /** The options of {@code other} (a checkpoint's fingerprint) that differ from these settings, as that run gave them. */
        String differences(String other) {
            java.util.List<String> mine = java.util.List.of(fingerprint().split("; "));
            java.util.List<String> diff = new java.util.ArrayList<>();
            for (String option : other.split("; ")) {
                if (!mine.contains(option)) {
                    diff.add(option);
                }
            }
            return diff.isEmpty() ? other : String.join("; ", diff);
        }
    }

    static final String HEAD_ONLY = "1. head only";
    static final String FINETUNE = "2. + layers below";
    static final String SCRATCH = "3. from scratch";
    static final String CHECKPOINT = "checkpoint.pt";

    private final Settings s;
    private final Progress progress;
    private final Distribution dist;
    private ArchModel arch;

    /** The job, run by this process alone or as one worker of a data-parallel run (see {@link Distribution}). */
    Finetune(Settings settings, Progress progress, Distribution dist) {
        this.s = settings;
        this.progress = progress;
        this.dist = dist;
    }

    /** Builds the model from a torchvision architecture and weights file ({@code --arch}, {@code --weights}) instead of --model. Returns this. */
    Finetune arch(ArchModel architecture) {
        this.arch = architecture;
        return this;
    }

    /** The settings that decide the results; with --arch, also the architecture and weights file. */
    private String fingerprint() {
        return arch == null ? s.fingerprint() : s.fingerprint() + "; --arch " + arch.arch() + "; --weights "
                + (arch.weights() == null ? "(random)" : arch.weights());
    }

    /** Runs the three phases (or what is left of them after a checkpoint) and writes the outputs; returns the phases' results. */
    List<PhaseResult> run() throws IOException {
        long started = System.nanoTime();
        // NNPACK cannot start on many CPUs and says so on stderr; libtorch's other kernels serve instead.
        org.bytedeco.pytorch.global.torch.globalContext().setUserEnabledNNPACK(false);
        Checkpoint resumed = s.resume() == null ? null : Checkpoint.load(s.resume());
        if (resumed != null && !fingerprint().equals(resumed.extraString("settings"))) {
            throw new UserError("--resume " + s.resume() + " was written by a run with other settings; repeat that run's options: "
                    + s.differences(resumed.extraString("settings")));
        }
        if (resumed != null && resumed.epoch() > s.epochs()) {
            throw new UserError("--resume " + s.resume() + " says epoch " + resumed.epoch() + " is done, but the run has " + s.epochs()
                    + " epochs per phase (a damaged or edited checkpoint)");
        }
        try (Outputs outputs = Outputs.stage(s.out())) {
            Path modelPath = arch != null ? null : s.model() != null ? s.model() : ModelInfo.extractDefaultModel(outputs.scratchDir());
            ModelInfo info = arch != null ? ModelInfo.ofPreset(arch.preset(), s.mean(), s.std())
                    : s.model() != null ? ModelInfo.of(modelPath) : ModelInfo.defaultModel();
            if (s.mean() != null && arch == null) {
                info = info.withNormalization(s.mean(), s.std());
            }
            if (arch != null) {
                if (arch.weights() == null) {
                    progress.info("warning: no --weights: " + arch.arch() + " starts from random weights");
                }
                progress.info("preprocessing: " + arch.presetSource() + ": resize " + info.preset().resizeSize() + ", center crop "
                        + info.preset().cropSize() + ", mean " + FinetuneCommand.formatList(info.mean()) + ", std "
                        + FinetuneCommand.formatList(info.std()));
            }
            ScriptModule backbone = arch != null ? arch.build(true) : loadModel(modelPath);
            int channels = info.inputShape() != null ? (int) info.inputShape()[0] : (s.data() == null ? 1 : 3);
            int[] size = info.inputShape() != null ? new int[] {(int) info.inputShape()[1], (int) info.inputShape()[2]} : null;
            if (info.mean() != null && info.mean().length != 1 && info.mean().length != channels) {
                throw new UserError("--mean and --std have " + info.mean().length + " values but the images have " + channels
                        + " channel(s): give one value or one per channel");
            }
            TaskData task = TaskData.load(new TaskData.Request(s.data(), s.classes(), s.perClass(), s.seed(), channels, size, s.resize(),
                    info.mean(), info.std(), info.preset()));
            if (task.skippedFiles() > 0) {
                progress.info("warning: skipped " + task.skippedFiles() + " files that are not images");
            }
            progress.info(String.format(Locale.ROOT, "data: %s; %d classes %s; %d training images (%d per class), %d validation images",
                    task.source(), task.classes().size(), task.classes(), task.train().size(), s.perClass(), task.val().size()));
            if (dist.worldSize() > 1) {
                progress.info(dist.describe(s.batchSize()));
            }
            Tensor sample = task.train().get(0).input().unsqueeze(0).retain();
            // Images decoded from files are batched on a worker thread while the step runs; data
            // already in memory is faster batched in place.
            int workers = s.workers() != null ? s.workers() : task.train() instanceof ImageFolder || task.train() instanceof TaskData.PresetImages ? 1 : 0;
            DataLoader train = dist.trainLoader(task.train(), s.batchSize(), s.seed()).numWorkers(workers);
            DataLoader val = new DataLoader(task.val(), 256).numWorkers(workers);
            int k = task.classes().size();

            Torch.manualSeed(s.seed());
            Transfer.Built built = Transfer.build(backbone, s.head(), s.dropTop(), s.hidden(), k, sample);
            String source = arch != null ? "--arch " + arch.arch() + (arch.weights() != null ? " with " + arch.weights() : "")
                    : s.model() != null ? modelPath.toString() : "the built-in backbone";
            progress.info("model: " + backbone.originalName() + " from " + source
                    + "; head '" + built.headPath() + "' replaced by " + built.model().get(-1) + " on " + built.features() + " features");
            Sequential model = built.model();
            model.to(s.device());
            List<Module> layers = built.layers();
            List<Module> unfrozen = layers.subList(Math.max(0, layers.size() - s.unfreeze()), layers.size());

            List<PhaseResult> results = resumed == null ? new ArrayList<>() : resumedResults(resumed);
            int startPhase = resumed == null ? 1 : (int) resumed.extraLong("phase", 1, 3);
            if (resumed != null) {
                progress.info("resuming from " + s.resume() + ": phase " + startPhase + ", after epoch " + resumed.epoch());
                if (startPhase == 3) {
                    model.loadStateDict(resumed.extraTensors("finetuned"), true);
                }
            }
            for (int phase = startPhase; phase <= 3; phase++) {
                Sequential net;
                Transfer.Built parts = built;
                String name;
                String description;
                double lr;
                if (phase < 3) {
                    // 1. Freeze the original layers and train the new head; 2. also unfreeze the layer(s) before it.
                    net = model;
                    for (Parameter p : model.parameters()) {
                        p.requiresGrad(false);
                    }
                    model.get(-1).requiresGrad(true);
                    model.train();
                    model.slice(0, -1).eval();
                    if (phase == 2) {
                        for (Module m : unfrozen) {
                            m.requiresGrad(true);
                            m.train();
                        }
                    }
                    name = phase == 1 ? HEAD_ONLY : FINETUNE;
                    description = phase == 1 ? "all layers frozen, new head trained"
                            : "head and the " + unfrozen.size() + " layer(s) below it, lr x " + s.lrFactor();
                    lr = phase == 1 ? s.lr() : s.lr() * s.lrFactor();
                } else {
                    // 3. The same network from scratch, for contrast.
                    Torch.manualSeed(s.seed());
                    parts = Transfer.build(arch != null ? arch.build(false) : loadModel(modelPath), s.head(), s.dropTop(), s.hidden(), k,
                            sample);
                    net = parts.model();
                    Transfer.reinitialise(net, parts.standIn());
                    net.to(s.device());
                    net.train();
                    name = SCRATCH;
                    description = "same network re-initialised, all layers trained";
                    lr = s.lr();
                }
                Checkpoint from = resumed != null && phase == startPhase ? resumed : null;
                PhaseResult partial = from != null && results.size() >= phase ? results.remove(phase - 1) : null;
                results.add(phase(phase, name, description, parts, lr, train, val, outputs, results, model, from, partial));
            }
            // Without the identity stand-in, when the new head can take the old one's place.
            ScriptModule finetuned = Transfer.forSaving(built);

            if (!dist.isMain()) {
                return results;
            }
            progress.info("");
            progress.info(SummaryTable.render(results));
            finetuned.eval();
            // What predict needs to prepare images as training did: the input shape, resizing, normalisation.
            outputs.writeModel(finetuned, info.withClasses(task.classes()).withInput(
                    java.util.Arrays.copyOfRange(sample.shape(), 1, sample.dim()), s.resize() != null));
            outputs.writeMetrics(s, arch != null ? source : s.model() == null ? "built-in backbone" : s.model().toString(), task, built,
                    results);
            outputs.writeChart(results);
            outputs.commit();
            progress.info(String.format(Locale.ROOT, "wrote %s, %s and %s in %s (%.1f s in all)", Outputs.MODEL, Outputs.METRICS,
                    Outputs.CHART, s.out(), (System.nanoTime() - started) / 1e9));
            return results;
        }
    }

    /** The results of the phases a checkpoint saved, checked as data from outside. */
    private List<PhaseResult> resumedResults(Checkpoint resumed) {
        List<PhaseResult> results;
        try {
            results = PhaseResult.fromJson(resumed.extraString("results"));
        } catch (IllegalArgumentException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError("--resume " + s.resume() + ": checkpoint field 'extra.results' is not the results a run saves ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (results.size() > 3) {
            throw new UserError("--resume " + s.resume() + ": checkpoint field 'extra.results' holds " + results.size()
                    + " phases; a run has 3");
        }
        return results;
    }

    private ScriptModule loadModel(Path path) throws IOException {
        ScriptModule m = ModelLoading.load(path, s.device());
        if (m.linearPaths().isEmpty()) {
            throw new UserError(path + " has no Linear layer that could be replaced by a new head");
        }
        return m;
    }

    /**
     * Trains one phase for the remaining epochs and returns its results.
     *
     * @param finetuned the model of phases 1 and 2, saved into checkpoints taken during phase 3
     * @param from the checkpoint to continue from, or null
     * @param partial the phase's results up to the checkpoint, or null
     */
    private PhaseResult phase(int number, String name, String description, Transfer.Built parts, double lr, DataLoader train,
                              DataLoader val, Outputs outputs, List<PhaseResult> done, Sequential finetuned, Checkpoint from,
                              PhaseResult partial) throws IOException {
        Sequential model = parts.model();
        long trainable = 0;
        long frozen = 0;
        for (Map.Entry<String, Parameter> named : model.namedParameters().entrySet()) {
            Parameter p = named.getValue();
            if (parts.isStandIn(named.getKey())) {
                continue;
            }
            if (p.requiresGrad()) {
                trainable += p.numel();
            } else {
                frozen += p.numel();
            }
        }
        PhaseResult result = partial != null ? partial : new PhaseResult(name, description, trainable, frozen, lr);
        Optimizer optimizer = s.optimizer().equals("adam") ? new Adam(model.parameters(), lr)
                : new SGD(model.parameters(), lr).momentum(0.9);
        int firstEpoch = 1;
        if (from != null) {
            firstEpoch = from.restore(model, optimizer, null, train) + 1;
        }
        Trainer trainer = new Trainer(dist.replicate(model), optimizer, new CrossEntropyLoss()).featureCache(s.featureCache())
                .device(s.device());
        progress.info(name + ": " + description + " (" + String.format(Locale.ROOT, "%,d", trainable) + " trainable parameters, lr "
                + lr + "; feature cache " + trainer.featureCacheStatus(train) + ")");
        long start = System.nanoTime();
        for (int epoch = firstEpoch; epoch <= s.epochs(); epoch++) {
            dist.beforeEpoch();
            EpochStats stats = dist.combine(trainer.trainEpoch(train, progress.epoch(name, epoch, s.epochs())));
            if (!dist.isMain()) {
                continue;
            }
            Evaluation ev = trainer.evaluate(val);
            result.epochs.add(new PhaseResult.Epoch(epoch, stats.meanLoss(), ev.meanLoss(), ev.accuracy(), stats.seconds() + ev.seconds(),
                    stats.cached()));
            progress.epochDone(name, epoch, s.epochs(), stats.meanLoss(), ev.accuracy(), stats.seconds() + ev.seconds(), stats.cached());
            result.wallSeconds += (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            if (s.checkpointEvery() > 0 && epoch % s.checkpointEvery() == 0) {
                List<PhaseResult> sofar = new ArrayList<>(done);
                sofar.add(result);
                Files.createDirectories(s.out());
                Checkpoint.Writer w = Checkpoint.of(model, optimizer).loader(train).epoch(epoch).extra("phase", (long) number)
                        .extra("settings", fingerprint()).extra("results", PhaseResult.toJson(sofar));
                if (number == 3) {
                    w.extra("finetuned", finetuned.stateDict());
                }
                w.save(s.out().resolve(CHECKPOINT));
            }
        }
        return result;
    }
}
