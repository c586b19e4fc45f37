package io.jtorch.vision.models;

import io.jtorch.nn.Module;
import io.jtorch.nn.Sequential;

/** Small helpers shared by the model families of this package. */
final class Parts {
    private Parts() {}

    /**
     * {@code v} rounded to the nearest multiple of {@code divisor}, at least {@code minValue}, and
     * never more than 10% below {@code v}; mirrors torchvision's {@code _make_divisible}.
     */
    static long makeDivisible(double v, long divisor, long minValue) {
        long newV = Math.max(minValue, (long) (v + divisor / 2.0) / divisor * divisor);
        if (newV < 0.9 * v) {
            newV += divisor;
        }
        return newV;
    }

    /** {@link #makeDivisible(double, long, long)} with {@code minValue = divisor}. */
    static long makeDivisible(double v, long divisor) {
        return makeDivisible(v, divisor, divisor);
    }

    /**
     * A {@link Sequential} whose children have the given names, as Python's
     * {@code nn.Sequential(OrderedDict(...))}.
     */
    static Sequential named(java.util.LinkedHashMap<String, ? extends Module> modules) {
        return new Sequential(modules);
    }

    /** {@code m} as a {@link Sequential}, or an exception naming the model's attribute when it was replaced by another module. */
    static Sequential sequential(Module owner, String attribute, Module m) {
        if (!(m instanceof Sequential)) {
            throw new ClassCastException(owner.getClass().getSimpleName() + "." + attribute + " is a " + m.getClass().getSimpleName()
                    + ", not a Sequential (it was replaced); use getSubmodule(\"" + attribute + "\")");
        }
        return (Sequential) m;
    }
}
