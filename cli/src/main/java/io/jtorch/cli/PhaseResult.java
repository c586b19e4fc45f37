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
}
