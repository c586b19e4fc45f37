package io.jtorch.cli;

import java.util.ArrayList;
import java.util.List;

/** What one training phase did, epoch by epoch: the numbers behind the table, metrics.json and the chart. */
final class PhaseResult {
    /** One epoch's numbers. */
    record Epoch(int epoch, double trainLoss, double valLoss, double valAccuracy, double seconds, boolean cachedFeatures) {}

    final String name;
    final String description;
    final long trainableParameters;
    final long frozenParameters;
    final double learningRate;
    final List<Epoch> epochs = new ArrayList<>();
    double wallSeconds;

    PhaseResult(String name, String description, long trainableParameters, long frozenParameters, double learningRate) {
        this.name = name;
        this.description = description;
        this.trainableParameters = trainableParameters;
        this.frozenParameters = frozenParameters;
        this.learningRate = learningRate;
    }

    Epoch last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The results as JSON, to carry them in a checkpoint. */
    static String toJson(List<PhaseResult> phases) {
        com.fasterxml.jackson.databind.node.ArrayNode list = JSON.createArrayNode();
        for (PhaseResult p : phases) {
            com.fasterxml.jackson.databind.node.ObjectNode n = list.addObject();
            n.put("name", p.name).put("description", p.description).put("trainable", p.trainableParameters)
                    .put("frozen", p.frozenParameters).put("lr", p.learningRate).put("seconds", p.wallSeconds);
            com.fasterxml.jackson.databind.node.ArrayNode epochs = n.putArray("epochs");
            for (Epoch e : p.epochs) {
                epochs.addObject().put("epoch", e.epoch()).put("train_loss", e.trainLoss()).put("val_loss", e.valLoss())
                        .put("val_accuracy", e.valAccuracy()).put("seconds", e.seconds()).put("cached", e.cachedFeatures());
            }
        }
        return list.toString();
    }

    /** Results read back from {@link #toJson}. */
    static List<PhaseResult> fromJson(String json) {
        List<PhaseResult> out = new ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode n : JSON.readTree(json)) {
                PhaseResult p = new PhaseResult(n.get("name").asText(), n.get("description").asText(), n.get("trainable").asLong(),
                        n.get("frozen").asLong(), n.get("lr").asDouble());
                p.wallSeconds = n.get("seconds").asDouble();
                for (com.fasterxml.jackson.databind.JsonNode e : n.get("epochs")) {
                    p.epochs.add(new Epoch(e.get("epoch").asInt(), e.get("train_loss").asDouble(), e.get("val_loss").asDouble(),
                            e.get("val_accuracy").asDouble(), e.get("seconds").asDouble(), e.get("cached").asBoolean()));
                }
                out.add(p);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NullPointerException e) {
            throw new UserError("the checkpoint's results are unreadable: " + e.getMessage(), e);
        }
        return out;
    }
}
