package io.jtorch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jtorch.jit.ScriptModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files a run writes, staged in a folder beside {@code --out} and moved into it only when
 * all of them are complete: a run that fails or is killed leaves {@code --out} as it was, and
 * each file there is replaced by a rename, never rewritten in place.
 */
final class Outputs implements AutoCloseable {
    static final String MODEL = "finetuned.pt";
    static final String METRICS = "metrics.json";
    static final String CHART = "curves.png";

    private final Path out;
    private final Path staging;
    private final List<String> files = new ArrayList<>();

    private Outputs(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
    }

    static Outputs stage(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UserError("--out " + out + " is a file, not a folder");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // Named after this process, so that the next run deletes what a killed run left behind.
        Path staging = io.jtorch.serialization.AtomicFiles.stagingDirectory(target);
        Files.createDirectories(staging.resolve(".work"));
        return new Outputs(target, staging);
    }

    /** A folder for temporary files of the run, deleted at the end. */
    Path scratchDir() {
        return staging.resolve(".work");
    }

    void writeModel(ScriptModule model, ModelInfo info) throws IOException {
        model.save(staging.resolve(MODEL), Map.of(ModelInfo.EXTRA_FILE, info.toJson()));
        files.add(MODEL);
    }

    void writeMetrics(Finetune.Settings s, TaskData task, Transfer.Built built, List<PhaseResult> phases) throws IOException {
        writeMetrics(s, s.model() == null ? "built-in backbone" : s.model().toString(), task, built, phases);
    }

    /** As above, with {@code model} saying where the model came from (a file, or {@code --arch resnet50 with FILE}). */
    void writeMetrics(Finetune.Settings s, String model, TaskData task, Transfer.Built built, List<PhaseResult> phases) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode config = root.putObject("config");
        config.put("model", model);
        config.put("head", built.headPath());
        config.put("data", task.source());
        ArrayNode classes = config.putArray("classes");
        task.classes().forEach(classes::add);
        config.put("per_class", s.perClass());
        config.put("train_images", task.train().size());
        config.put("val_images", task.val().size());
        config.put("epochs", s.epochs());
        config.put("lr", s.lr());
        config.put("lr_factor", s.lrFactor());
        config.put("optimizer", s.optimizer());
        config.put("batch_size", s.batchSize());
        config.put("seed", s.seed());
        config.put("unfreeze", s.unfreeze());
        config.put("drop_top", s.dropTop());
        config.put("hidden", s.hidden());
        config.put("device", s.device().toString());
        config.put("feature_cache", s.featureCache());
        config.put("head_features", built.features());
        ArrayNode list = root.putArray("phases");
        for (PhaseResult p : phases) {
            ObjectNode n = list.addObject();
            n.put("name", p.name);
            n.put("description", p.description);
            n.put("trainable_parameters", p.trainableParameters);
            n.put("frozen_parameters", p.frozenParameters);
            n.put("lr", p.learningRate);
            n.put("seconds", p.wallSeconds);
            ArrayNode epochs = n.putArray("epochs");
            for (PhaseResult.Epoch e : p.epochs) {
                ObjectNode en = epochs.addObject();
                en.put("epoch", e.epoch());
                en.put("train_loss", e.trainLoss());
                en.put("val_loss", e.valLoss());
                en.put("val_accuracy", e.valAccuracy());
                en.put("seconds", e.seconds());
                en.put("cached_features", e.cachedFeatures());
            }
        }
        Path file = staging.resolve(METRICS);
        Files.writeString(file, root.toPrettyString() + "\n");
        files.add(METRICS);
    }

    void writeChart(List<PhaseResult> phases) throws IOException {
        List<Integer> offsets = new ArrayList<>();
        for (PhaseResult p : phases) {
            offsets.add(p.name.equals(Finetune.FINETUNE) && !phases.isEmpty() ? phases.get(0).epochs.size() : 0);
        }
        Curves.write(phases, offsets, staging.resolve(CHART));
        files.add(CHART);
    }

    /** Moves every staged file into {@code --out}, each with one rename. */
    void commit() throws IOException {
        Files.createDirectories(out);
        for (String f : files) {
            Path src = staging.resolve(f);
            try (FileChannel ch = FileChannel.open(src, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(src, out.resolve(f), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(src, out.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() throws IOException {
        io.jtorch.serialization.AtomicFiles.deleteTree(staging);
    }
}
