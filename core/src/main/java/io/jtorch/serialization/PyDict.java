package io.jtorch.serialization;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Python dict as loaded from a pickle: a modifiable {@link Map} in insertion order, like
 * {@link LinkedHashMap}, whose lookups stay fast whatever the keys: each key is held as a
 * {@link PyKey}, so keys with colliding Java hash codes cost a logarithmic search, not a linear
 * one, and a dict of n keys is built in O(n log n) at worst. Keys must be hashable as
 * {@link PyValues#isHashable} says (scalars or tuples of scalars); values are anything.
 */
final class PyDict extends AbstractMap<Object, Object> {
    private final LinkedHashMap<PyKey, Object> map = new LinkedHashMap<>();

    private static PyKey key(Object k) {
        if (!PyValues.isHashable(k)) {
            throw new IllegalArgumentException("a loaded dict's keys may be str, int, float, bool, None or tuples of those, got "
                    + PyValues.typeName(k));
        }
        return new PyKey(k);
    }

    private static PyKey lookup(Object k) {
        return PyValues.isHashable(k) ? new PyKey(k) : null;
    }

    @Override
    public Object put(Object k, Object v) {
        return map.put(key(k), v);
    }

    @Override
    public Object get(Object k) {
        PyKey key = lookup(k);
        return key == null ? null : map.get(key);
    }

    @Override
    public boolean containsKey(Object k) {
        PyKey key = lookup(k);
        return key != null && map.containsKey(key);
    }

    @Override
    public Object remove(Object k) {
        PyKey key = lookup(k);
        return key == null ? null : map.remove(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Object, Object>> iterator() {
                Iterator<Map.Entry<PyKey, Object>> it = map.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<Object, Object> next() {
                        Map.Entry<PyKey, Object> e = it.next();
                        return new Map.Entry<>() {
                            @Override
                            public Object getKey() {
                                return e.getKey().value;
                            }

                            @Override
                            public Object getValue() {
                                return e.getValue();
                            }

                            @Override
                            public Object setValue(Object value) {
                                return e.setValue(value);
                            }

                            @Override
                            public boolean equals(Object o) {
                                return o instanceof Map.Entry && java.util.Objects.equals(getKey(), ((Map.Entry<?, ?>) o).getKey())
                                        && java.util.Objects.equals(getValue(), ((Map.Entry<?, ?>) o).getValue());
                            }

                            @Override
                            public int hashCode() {
                                return java.util.Objects.hashCode(getKey()) ^ java.util.Objects.hashCode(getValue());
                            }

                            @Override
                            public String toString() {
                                return getKey() + "=" + getValue();
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        it.remove();
                    }
                };
            }

            @Override
            public int size() {
                return map.size();
            }
        };
    }
}
