package io.jtorch.serialization;

import java.util.AbstractSet;
import java.util.Iterator;

/**
 * A Python set as loaded from a pickle: a modifiable {@link java.util.Set} in insertion order
 * whose lookups stay fast whatever the items (see {@link PyDict}, which holds them).
 */
final class PySet extends AbstractSet<Object> {
    private final PyDict items = new PyDict();

    @Override
    public boolean add(Object item) {
        return items.put(item, Boolean.TRUE) == null;
    }

    @Override
    public boolean contains(Object item) {
        return items.containsKey(item);
    }

    @Override
    public boolean remove(Object item) {
        return items.remove(item) != null;
    }

    @Override
    public Iterator<Object> iterator() {
        return items.keySet().iterator();
    }

    @Override
    public int size() {
        return items.size();
    }
}
