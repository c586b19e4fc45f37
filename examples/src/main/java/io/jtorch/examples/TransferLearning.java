package io.jtorch.examples;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;

/**
 * The transfer-learning recipe from the question this project starts from, ported line for line:
 * freeze a trained network, replace its last layer for a new number of classes, train that
 * layer, then unfreeze the layer before it and nudge it with a lower learning rate.
 *
 * <p>The "trained network" here is a small MLP trained for a few epochs on ten Gaussian blobs,
 * so the example runs anywhere in seconds. The new task has three classes, each a group of the
 * old ones, so the features learned before are useful: the situation transfer learning is for.
 */
public final class TransferLearning {
    private TransferLearning() {}

    /** Runs the recipe and prints the accuracy on the new task before and after each phase. */
    public static void main(String[] args) {
        Torch.manualSeed(0);
        int nNewClasses = 3;

        Tensor centres = Torch.randn(10, 20).mul(2.0).retain();
        Sequential model = pretrainedModel(centres);
        DataLoader trainLoader = new DataLoader(newTask(centres, 4000, nNewClasses), 8, true).seed(0);
        System.out.println("Model: " + model);

        // Freeze the original layers
        for (Parameter param : model.parameters()) param.requiresGrad(false);

        // Replace the last layer with a new one that outputs nNewClasses
        model.set(-1, new Linear(model.get(-1, Linear.class).inFeatures(), nNewClasses));

        // Learn weights for the new layer
        SGD optimizer = new SGD(model.parameters(), 1e-3);
        for (int epoch = 0; epoch < 3; epoch++) {
            for (Batch batch : trainLoader) {
                optimizer.zeroGrad();
                Tensor outputs = model.forward(batch.inputs());
                Tensor loss = new CrossEntropyLoss().forward(outputs, batch.labels());
                loss.backward();
                optimizer.step();
            }
        }

        // Unfreeze the second-to-last layer
        for (Parameter param : model.get(-2).parameters()) param.requiresGrad(true);

        // Tweak the trainable weights using a smaller learning rate
        optimizer = new SGD(model.parameters(), 1e-4);
        for (int epoch = 0; epoch < 1; epoch++) {
            for (Batch batch : trainLoader) {
                optimizer.zeroGrad();
                Tensor outputs = model.forward(batch.inputs());
                Tensor loss = new CrossEntropyLoss().forward(outputs, batch.labels());
                loss.backward();
                optimizer.step();
            }
        }
        System.out.printf("new task (%d classes, chance %.3f): accuracy %.3f after the recipe%n", nNewClasses, 1.0 / nNewClasses,
                accuracy(model, trainLoader));

        // Indexing also shows intermediate outputs, as model[:2](input) does in PyTorch
        Tensor sample = Torch.randn(1, 20);
        System.out.println("model[:2](input) has shape " + java.util.Arrays.toString(model.slice(0, 2).forward(sample).shape()));
    }

    /** A 20-32-16-10 MLP trained briefly to tell the ten blobs apart. */
    static Sequential pretrainedModel(Tensor centres) {
        Sequential model = new Sequential(
                new Linear(20, 32), new ReLU(),
                new Sequential(new Linear(32, 16), new ReLU()),
                new Linear(16, 10));
        SGD optimizer = new SGD(model.parameters(), 0.05).momentum(0.9);
        for (int epoch = 0; epoch < 5; epoch++) {
            for (Batch batch : new DataLoader(blobs(centres, 1024), 64, true).seed(epoch)) {
                optimizer.zeroGrad();
                new CrossEntropyLoss().forward(model.forward(batch.inputs()), batch.labels()).backward();
                optimizer.step();
            }
        }
        return model;
    }

    /** Points around the ten centres, labelled with their centre. */
    static TensorDataset blobs(Tensor centres, int n) {
        Tensor labels = Torch.randint(0, centres.size(0), n);
        Tensor inputs = centres.indexSelect(0, labels).add(Torch.randn(n, 20));
        return new TensorDataset(inputs, labels);
    }

    /** The same points, labelled with a group of centres: centre c belongs to class c % classes. */
    static TensorDataset newTask(Tensor centres, int n, int classes) {
        TensorDataset points = blobs(centres, n);
        long[] groups = points.labels().toLongArray();
        for (int i = 0; i < groups.length; i++) {
            groups[i] %= classes;
        }
        return new TensorDataset(points.inputs(), Torch.tensor(groups));
    }

    static double accuracy(Sequential model, DataLoader loader) {
        long correct = 0;
        long total = 0;
        model.eval();
        try (var noGrad = Torch.noGrad()) {
            for (Batch batch : loader) {
                correct += model.forward(batch.inputs()).argmax(1).eq(batch.labels()).sum().itemLong();
                total += batch.size();
            }
        }
        model.train();
        return (double) correct / total;
    }
}
