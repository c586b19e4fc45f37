package io.jtorch.bench;

import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;

/** The seed recipe's step (784-256-10 MLP, SGD at 0.01, cross-entropy) on one fixed batch of 64, seeded. */
final class SeedStep {
    private final Sequential model;
    private final SGD optimizer;
    private final CrossEntropyLoss criterion = new CrossEntropyLoss();
    private final Tensor x;
    private final Tensor y;

    SeedStep() {
        Torch.manualSeed(0);
        model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        optimizer = new SGD(model.parameters(), 0.01);
        x = Torch.randn(64, 784).retain();
        y = Torch.randint(0, 10, 64).retain();
    }

    /** One step: {@code zero_grad}, forward, loss, backward, {@code step}, its temporaries freed. */
    void run() {
        try (Scope s = Scope.open()) {
            optimizer.zeroGrad();
            criterion.forward(model.forward(x), y).backward();
            optimizer.step();
        }
    }
}
