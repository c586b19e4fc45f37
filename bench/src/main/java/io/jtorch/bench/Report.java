package io.jtorch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints bench/run's table: every measurement of one run, and each target of the project with
 * the ratio it reached. Reads the folder bench/run writes: jmh.json, python-default.txt,
 * python-1.txt (absent when Python with torch is not installed) and memory.txt.
 */
public final class Report {
    private Report() {}

    /** Args: the results folder. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, Double> jmh = new LinkedHashMap<>();
        List<JsonNode> runs = new java.util.ArrayList<>();
        for (String file : new String[] {"jmh.json", "jmh-resnet18.json"}) {
            if (Files.exists(dir.resolve(file))) {
                new ObjectMapper().readTree(dir.resolve(file).toFile()).forEach(runs::add);
            }
        }
        for (JsonNode run : runs) {
            String name = run.get("benchmark").asText().replace("io.jtorch.bench.", "");
            StringBuilder key = new StringBuilder(name);
            run.path("params").fields().forEachRemaining(p -> key.append(' ').append(p.getKey()).append('=').append(p.getValue().asText()));
            jmh.put(key.toString(), run.get("primaryMetric").get("score").asDouble());
        }
        Double pyDefault = python(dir.resolve("python-default.txt"), "ms_per_step ");
        Double pyOne = python(dir.resolve("python-1.txt"), "ms_per_step ");
        Double pyDefaultPre = python(dir.resolve("python-default.txt"), "ms_per_step_prebatched ");
        Double pyOnePre = python(dir.resolve("python-1.txt"), "ms_per_step_prebatched ");
        long[] rss = memory(dir.resolve("memory.txt"));

        System.out.println("Measurements (one run)");
        System.out.println("----------------------");
        row("seed loop, io.jtorch, default threads", jmh.get("SeedLoopBench.jtorch threads=default"), "ms/step");
        row("seed loop, raw presets, default threads", jmh.get("SeedLoopBench.rawPresets threads=default"), "ms/step");
        row("seed loop, raw presets copying batches, default", jmh.get("SeedLoopBench.rawPresetsCopyingBatches threads=default"), "ms/step");
        row("seed loop, Python PyTorch, default threads", pyDefault, "ms/step");
        row("seed loop, Python, pre-sliced batches, default", pyDefaultPre, "ms/step");
        row("seed loop, io.jtorch, 1 thread", jmh.get("SeedLoopBench.jtorch threads=1"), "ms/step");
        row("seed loop, raw presets, 1 thread", jmh.get("SeedLoopBench.rawPresets threads=1"), "ms/step");
        row("seed loop, raw presets copying batches, 1 thread", jmh.get("SeedLoopBench.rawPresetsCopyingBatches threads=1"), "ms/step");
        row("seed loop, Python PyTorch, 1 thread", pyOne, "ms/step");
        row("seed loop, Python, pre-sliced batches, 1 thread", pyOnePre, "ms/step");
        row("head-only epoch, feature cache on", jmh.get("FinetuneEpochBench.headOnlyEpoch cache=true"), "ms/epoch");
        row("head-only epoch, feature cache off", jmh.get("FinetuneEpochBench.headOnlyEpoch cache=false"), "ms/epoch");
        row("ResNet-18 head-only epoch, feature cache on", jmh.get("ResNet18EpochBench.epoch cache=true phase=head"), "ms/epoch");
        row("ResNet-18 head-only epoch, feature cache off", jmh.get("ResNet18EpochBench.epoch cache=false phase=head"), "ms/epoch");
        row("ResNet-18 layer4+fc epoch, feature cache on", jmh.get("ResNet18EpochBench.epoch cache=true phase=layer4"), "ms/epoch");
        row("ResNet-18 layer4+fc epoch, feature cache off", jmh.get("ResNet18EpochBench.epoch cache=false phase=layer4"), "ms/epoch");
        row("image-folder epoch, batches on the loop's thread", jmh.get("LoaderBench.trainEpoch workers=0"), "ms/epoch");
        row("image-folder epoch, batches on 1 worker thread", jmh.get("LoaderBench.trainEpoch workers=1"), "ms/epoch");
        Double b1 = jmh.get("InferenceBench.forward batch=1");
        Double b64 = jmh.get("InferenceBench.forward batch=64");
        row("TorchScript inference, batch 1", b1, "images/s");
        row("TorchScript inference, batch 64", b64 == null ? null : b64 * 64, "images/s");
        row("resident memory after 1,000 seed steps", rss == null ? null : rss[0] / 1048576.0, "MB");
        row("resident memory after 20,000 seed steps", rss == null ? null : rss[1] / 1048576.0, "MB");

        System.out.println();
        System.out.println("Targets");
        System.out.println("-------");
        target("io.jtorch step / raw presets step, default threads", ratio(jmh.get("SeedLoopBench.jtorch threads=default"),
                jmh.get("SeedLoopBench.rawPresets threads=default")), "<= 1.05", r -> r <= 1.05);
        target("io.jtorch step / raw presets step, 1 thread", ratio(jmh.get("SeedLoopBench.jtorch threads=1"),
                jmh.get("SeedLoopBench.rawPresets threads=1")), "<= 1.05", r -> r <= 1.05);
        target("Python step / io.jtorch step, default threads", ratio(pyDefault, jmh.get("SeedLoopBench.jtorch threads=default")),
                ">= 1.3", r -> r >= 1.3);
        target("Python step / io.jtorch step, 1 thread", ratio(pyOne, jmh.get("SeedLoopBench.jtorch threads=1")), ">= 1.3",
                r -> r >= 1.3);
        Double copying = ratio(jmh.get("SeedLoopBench.jtorch threads=default"), jmh.get("SeedLoopBench.rawPresetsCopyingBatches threads=default"));
        if (copying != null) {
            System.out.printf(Locale.ROOT, "%-52s %8.2f  (no target: the same work on both sides)%n",
                    "io.jtorch step / raw step copying batches, default", copying);
        }
        Double pre = ratio(pyDefaultPre, jmh.get("SeedLoopBench.jtorch threads=default"));
        if (pre != null) {
            System.out.printf(Locale.ROOT, "%-52s %8.2f  (no target: Python without its DataLoader)%n",
                    "Python pre-sliced step / io.jtorch step, default", pre);
        }
        target("head-only epoch without cache / with cache", ratio(jmh.get("FinetuneEpochBench.headOnlyEpoch cache=false"),
                jmh.get("FinetuneEpochBench.headOnlyEpoch cache=true")), ">= 10", r -> r >= 10);
        target("ResNet-18 head-only epoch without cache / with", ratio(jmh.get("ResNet18EpochBench.epoch cache=false phase=head"),
                jmh.get("ResNet18EpochBench.epoch cache=true phase=head")), ">= 10", r -> r >= 10);
        Double phase2 = ratio(jmh.get("ResNet18EpochBench.epoch cache=false phase=layer4"), jmh.get("ResNet18EpochBench.epoch cache=true phase=layer4"));
        if (phase2 != null) {
            System.out.printf(Locale.ROOT, "%-52s %8.2f  (target >= 10; bound about 2.1: see BENCHMARKS.md)%n",
                    "ResNet-18 layer4+fc epoch without cache / with", phase2);
        }
        Double workers = ratio(jmh.get("LoaderBench.trainEpoch workers=0"), jmh.get("LoaderBench.trainEpoch workers=1"));
        if (workers != null) {
            System.out.printf(Locale.ROOT, "%-52s %8.2f  (no target: what a worker thread saves on decoded images)%n",
                    "image-folder epoch, no worker / 1 worker", workers);
        }
        target("resident memory at 20,000 steps / at 1,000", rss == null ? null : (double) rss[1] / rss[0], "<= 1.10",
                r -> r <= 1.10);
        ContendedReport.print(dir);
        if (pyDefault == null) {
            System.out.println("(Python rows skipped: /usr/bin/python3 with torch is not installed; apt-get install python3-torch)");
        }
    }

    private static Double python(Path file, String prefix) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.split(" ")[1]);
            }
        }
        return null;
    }

    private static long[] memory(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.startsWith("rss ")).toList();
        if (lines.size() < 2) {
            return null;
        }
        return new long[] {Long.parseLong(lines.get(0).split(" ")[2]), Long.parseLong(lines.get(lines.size() - 1).split(" ")[2])};
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    private static void row(String what, Double value, String unit) {
        System.out.printf(Locale.ROOT, "%-50s %10s %s%n", what, value == null ? "skipped" : String.format(Locale.ROOT, "%.3f", value), unit);
    }

    private static void target(String what, Double value, String goal, java.util.function.DoublePredicate ok) {
        String v = value == null ? "skipped" : String.format(Locale.ROOT, "%.2f", value);
        String verdict = value == null ? "" : ok.test(value) ? "met" : "NOT met";
        System.out.printf(Locale.ROOT, "%-52s %8s  (target %s)  %s%n", what, v, goal, verdict);
    }
}
