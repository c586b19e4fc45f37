package io.jtorch.serialization;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.optim.Optimizer;
import io.jtorch.optim.SGD;
import io.jtorch.train.Checkpoint;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real checkpoints of a small model (a {@code Linear(4, 3)} trained by SGD with momentum) with
 * one field changed as an attacker or a damaged disk would: retyped, out of range, removed.
 * {@link #restore} loads one into the same model, as {@code jtorch finetune --resume} does.
 */
final class CheckpointTampering {
    private CheckpointTampering() {}

    /** The model and optimizer a checkpoint of this class fits. */
    static Optimizer[] modelAndOptimizer(Linear[] model) {
        Torch.manualSeed(7);
        model[0] = new Linear(4, 3);
        return new Optimizer[] {new SGD(model[0].parameters(), 0.1).momentum(0.9)};
    }

    /** Writes a tampered checkpoint {@code base.pt} into {@code dir}. */
    @SuppressWarnings("unchecked")
    static Path write(Path dir, String base, Random random) throws IOException {
        Linear[] model = new Linear[1];
        Optimizer optimizer = modelAndOptimizer(model)[0];
        model[0].forward(Torch.ones(2, 4)).sum().backward();
        optimizer.step();
        Path file = dir.resolve(base + ".pt");
        Checkpoint.of(model[0], optimizer).epoch(2).extra("phase", 1L).save(file);
        Map<Object, Object> c = new LinkedHashMap<>((Map<Object, Object>) TorchSerialization.load(file));
        Object[] odd = {"3", 3.5, null, List.of(1L), Map.of("a", 1L), Torch.zeros(2), Boolean.TRUE, new BigInteger("1000000000000000000000"),
            -5L, 1_000_000_000_000L, (long) Integer.MAX_VALUE + 1, Long.MIN_VALUE};
        String[] fields = {"epoch", "model", "optimizer", "rng_state", "extra"};
        String field = fields[random.nextInt(fields.length)];
        switch (random.nextInt(4)) {
            case 0: c.remove(field); break;
            case 1: c.put(field, odd[random.nextInt(odd.length)]); break;
            case 2: c.put("epoch", odd[8 + random.nextInt(4)]); break;
            default: tamperInside(c, random, odd); break;
        }
        Torch.save(c, file);
        return file;
    }

    /** Changes a value inside the model's state dict or the optimizer's state. */
    @SuppressWarnings("unchecked")
    private static void tamperInside(Map<Object, Object> c, Random random, Object[] odd) {
        Object replacement = odd[random.nextInt(odd.length)];
        if (random.nextBoolean()) {
            Map<Object, Object> model = new LinkedHashMap<>((Map<Object, Object>) c.get("model"));
            List<Object> keys = new ArrayList<>(model.keySet());
            model.put(keys.get(random.nextInt(keys.size())), replacement);
            c.put("model", model);
        } else {
            Map<Object, Object> opt = new LinkedHashMap<>((Map<Object, Object>) c.get("optimizer"));
            List<Object> keys = new ArrayList<>(opt.keySet());
            Object key = keys.get(random.nextInt(keys.size()));
            Object inner = opt.get(key);
            if (inner instanceof Map && !((Map<?, ?>) inner).isEmpty() && random.nextBoolean()) {
                Map<Object, Object> m = new LinkedHashMap<>((Map<Object, Object>) inner);
                List<Object> innerKeys = new ArrayList<>(m.keySet());
                m.put(innerKeys.get(random.nextInt(innerKeys.size())), replacement);
                opt.put(key, m);
            } else if (inner instanceof List && !((List<?>) inner).isEmpty() && random.nextBoolean()) {
                List<Object> l = new ArrayList<>((List<Object>) inner);
                l.set(random.nextInt(l.size()), replacement);
                opt.put(key, l);
            } else {
                opt.put(key, replacement);
            }
            c.put("optimizer", opt);
        }
    }

    /** Loads {@code file} into a fresh model and optimizer; returns the epoch to continue after. */
    static int restore(Path file) throws IOException {
        Linear[] model = new Linear[1];
        Optimizer optimizer = modelAndOptimizer(model)[0];
        int epoch = Checkpoint.load(file).restore(model[0], optimizer, null, null);
        Tensor w = model[0].weight();
        w.sum().item();
        return epoch;
    }
}
