package io.jtorch;

import static io.jtorch.Assertions2.assertBitEqual;
import static io.jtorch.Assertions2.assertClose;
import static io.jtorch.Assertions2.assertStateClose;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import io.jtorch.optim.SGD;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed answer's recipe, ported line for line, against the numbers real PyTorch produced for
 * the same seed (tools/fixtures/core_fixtures.py).
 */
class RecipeTest {
    private static Sequential recipeModel() {
        return new Sequential(
                new Sequential(new Linear(8, 16), new ReLU()),
                new Sequential(new Linear(16, 12), new ReLU()),
                new Linear(12, 5));
    }

    private static Map<String, Tensor> snapshot(Sequential model) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> out.put(k, v.clone().retain()));
        return out;
    }

    /** The exact recipe of the answer: lr 1e-3 for 3 epochs, then lr 1e-4 for 1 epoch. */
    @Test
    void portContractMatchesPyTorchAndFreezesWhatItShould() {
        JsonNode fx = Fixtures.core().get("recipe");
        Torch.manualSeed(0);
        Sequential model = recipeModel();
        Tensor inputs = Torch.randn(64, 8);
        Tensor labels = Torch.randint(0, 3, 64);
        int nNewClasses = 3;
        DataLoader trainLoader = new DataLoader(new TensorDataset(inputs, labels), 16);

        // Same seed, same initial weights and data as PyTorch: default init and the generator match.
        assertStateClose(Fixtures.stateDict(fx.get("initial")), model.stateDict(), 0, 0);
        assertClose(Fixtures.tensor(fx.get("inputs")), inputs, 0, 0, "inputs");
        assertClose(Fixtures.tensor(fx.get("labels")), labels, 0, 0, "labels");
        Map<String, Tensor> before = snapshot(model);

        // Freeze the original layers
        for (Parameter param : model.parameters()) param.requiresGrad(false);

        // Replace the last layer with a new one that outputs nNewClasses
        model.set(-1, new Linear(model.get(-1, Linear.class).inFeatures(), nNewClasses));
        assertClose(Fixtures.tensor(fx.get("new_head").get("weight")), model.get(-1, Linear.class).weight(), 0, 0, "new head");
        Tensor headBefore = model.get(-1, Linear.class).weight().clone().retain();

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

        Map<String, Tensor> afterPhase1 = snapshot(model);
        for (String frozen : new String[] {"0.0.weight", "0.0.bias", "1.0.weight", "1.0.bias"}) {
            assertBitEqual(before.get(frozen), afterPhase1.get(frozen), frozen + " must not change while frozen");
        }
        assertFalse(headBefore.equal(model.get(-1, Linear.class).weight()), "the new head must have been trained");
        assertStateClose(Fixtures.stateDict(fx.get("after_phase1")), afterPhase1, 1e-5, 1e-7);

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

        Map<String, Tensor> after = snapshot(model);
        assertBitEqual(before.get("0.0.weight"), after.get("0.0.weight"), "the first layer stays frozen");
        assertBitEqual(before.get("0.0.bias"), after.get("0.0.bias"), "the first layer stays frozen");
        assertFalse(afterPhase1.get("1.0.weight").equal(after.get("1.0.weight")), "the second-to-last layer moves in phase 2");
        assertStateClose(Fixtures.stateDict(fx.get("final")), after, 1e-5, 1e-7);
    }

    /** The same recipe with rates large enough that every trained weight moves far from its start. */
    @ParameterizedTest
    @ValueSource(strings = {"recipe_strong"})
    void recipeWithLargeStepsMatchesPyTorch(String fixture) {
        JsonNode fx = Fixtures.core().get(fixture);
        Torch.manualSeed(0);
        Sequential model = recipeModel();
        Tensor inputs = Torch.randn(64, 8);
        Tensor labels = Torch.randint(0, 3, 64);
        DataLoader trainLoader = new DataLoader(new TensorDataset(inputs, labels), 16);

        for (Parameter param : model.parameters()) param.requiresGrad(false);
        model.set(-1, new Linear(model.get(-1, Linear.class).inFeatures(), 3));
        train(model, trainLoader, new SGD(model.parameters(), fx.get("lr1").asDouble()), fx.get("epochs1").asInt());
        Map<String, Tensor> afterPhase1 = snapshot(model);
        assertStateClose(Fixtures.stateDict(fx.get("after_phase1")), afterPhase1, 1e-5, 1e-6);

        for (Parameter param : model.get(-2).parameters()) param.requiresGrad(true);
        train(model, trainLoader, new SGD(model.parameters(), fx.get("lr2").asDouble()), fx.get("epochs2").asInt());
        Map<String, Tensor> after = snapshot(model);
        assertStateClose(Fixtures.stateDict(fx.get("final")), after, 1e-5, 1e-6);

        // The deltas, not only the end points, agree: each trained tensor moved, and as PyTorch's did.
        Map<String, Tensor> expectedFinal = Fixtures.stateDict(fx.get("final"));
        Map<String, Tensor> expectedMid = Fixtures.stateDict(fx.get("after_phase1"));
        for (String k : new String[] {"1.0.weight", "2.weight"}) {
            Tensor expectedDelta = expectedFinal.get(k).sub(expectedMid.get(k));
            Tensor actualDelta = after.get(k).sub(afterPhase1.get(k));
            assertTrue(expectedDelta.abs().max().item() > 1e-3, k + " should move in phase 2");
            assertClose(expectedDelta, actualDelta, 1e-3, 1e-6, k + " phase-2 update");
        }
    }

    private static void train(Sequential model, DataLoader loader, SGD optimizer, int epochs) {
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                criterion.forward(model.forward(batch.inputs()), batch.labels()).backward();
                optimizer.step();
            }
        }
    }
}
