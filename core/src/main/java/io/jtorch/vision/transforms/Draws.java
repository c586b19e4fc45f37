package io.jtorch.vision.transforms;

import io.jtorch.Generator;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.WorkerInfo;

/**
 * The random numbers the random transforms draw, each the torch call torchvision makes, from the
 * calling thread's generator ({@link WorkerInfo#currentGenerator()}: the global one, or a data
 * loader worker's).
 */
final class Draws {
    private Draws() {}

    static Generator generator() {
        return WorkerInfo.currentGenerator();
    }

    /** {@code torch.rand(1) < p}. */
    static boolean chance(double p) {
        return RawOps.rand1(generator()) < p;
    }

    /** {@code torch.randint(low, high, size=(1,)).item()}. */
    static long randint(long low, long high) {
        return RawOps.randint(generator(), low, high);
    }

    /** {@code float(torch.empty(1).uniform_(from, to))}. */
    static double uniform(double from, double to) {
        return RawOps.uniform1(generator(), from, to).item();
    }

    /**
     * One attempt of RandomResizedCrop's and RandomErasing's loop: {@code area *
     * torch.empty(1).uniform_(scale[0], scale[1]).item()} and
     * {@code torch.exp(torch.empty(1).uniform_(log_ratio[0], log_ratio[1])).item()}, with
     * {@code log_ratio = torch.log(torch.tensor(ratio))} in float32.
     */
    static double[] areaAndAspect(double area, double[] scale, double[] logRatio) {
        double target = area * RawOps.uniform1(generator(), scale[0], scale[1]).item();
        double aspect = RawOps.uniform1(generator(), logRatio[0], logRatio[1]).exp().item();
        return new double[] {target, aspect};
    }

    /** {@code torch.log(torch.tensor(ratio))} as doubles of its float32 values. */
    static double[] logRatio(double[] ratio) {
        Tensor t = Torch.tensor(new float[] {(float) ratio[0], (float) ratio[1]}).log();
        return t.toDoubleArray();
    }

    /** Checks a (min, max) pair of a random transform, naming it. */
    static double[] pair(double[] values, String name) {
        if (values == null || values.length != 2) {
            throw new IllegalArgumentException(name + " should be a sequence of length 2");
        }
        return values.clone();
    }
}
