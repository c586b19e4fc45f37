package io.jtorch.serialization;

import java.math.BigInteger;
import java.util.List;

/**
 * A dict key or set item of a loaded pickle (a scalar, or a tuple of scalars: see
 * {@link PyValues#isHashable}), wrapped so that a {@link java.util.HashMap} of them cannot
 * degrade: keys are totally ordered (by kind, then value), so a bucket of keys whose hash codes
 * collide becomes a balanced tree searched in logarithmic time, and the hash mixes every bit of
 * the value with a seed chosen per JVM, so colliding keys cannot be prepared in advance.
 * Equality is the key's own {@code equals}.
 */
final class PyKey implements Comparable<PyKey> {
    private static final long SEED = new java.security.SecureRandom().nextLong() | 1;

    final Object value;
    private final int hash;

    PyKey(Object value) {
        this.value = value;
        this.hash = (int) mix(bits(value) ^ SEED);
    }

    private static long bits(Object o) {
        if (o == null) {
            return 0x9e3779b97f4a7c15L;
        } else if (o instanceof Long) {
            return (Long) o;
        } else if (o instanceof Double) {
            return Double.doubleToLongBits((Double) o) * 31 + 7;
        } else if (o instanceof List) {
            long h = 17;
            for (Object item : (List<?>) o) {
                h = mix(h ^ bits(item)) * 31;
            }
            return h;
        }
        return o.hashCode() * 0x9e3779b97f4a7c15L + rank(o);
    }

    /** A bijective mix of 64 bits (SplitMix64's finaliser). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int rank(Object o) {
        if (o == null) {
            return 0;
        } else if (o instanceof Boolean) {
            return 1;
        } else if (o instanceof Long) {
            return 2;
        } else if (o instanceof BigInteger) {
            return 3;
        } else if (o instanceof Double) {
            return 4;
        } else if (o instanceof String) {
            return 5;
        } else if (o instanceof Enum) {
            return 6;
        } else if (o instanceof List) {
            return 7;
        }
        throw new IllegalArgumentException("not a key: " + PyValues.typeName(o));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case 0: return 0;
            case 4: return Double.compare((Double) a, (Double) b);
            case 6: {
                int byClass = a.getClass().getName().compareTo(b.getClass().getName());
                return byClass != 0 ? byClass : Integer.compare(((Enum) a).ordinal(), ((Enum) b).ordinal());
            }
            case 7: {
                List<?> x = (List<?>) a;
                List<?> y = (List<?>) b;
                for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                    int c = compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            default: return ((Comparable) a).compareTo(b);
        }
    }

    @Override
    public int compareTo(PyKey other) {
        return compare(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyKey && compare(value, ((PyKey) o).value) == 0;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
