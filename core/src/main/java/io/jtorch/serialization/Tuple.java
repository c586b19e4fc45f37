package io.jtorch.serialization;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple as loaded from a pickle: an unmodifiable list. Kept as its own class so that
 * saving a loaded checkpoint writes tuples back as tuples.
 */
final class Tuple extends AbstractList<Object> implements RandomAccess {
    static final Tuple EMPTY = new Tuple(new Object[0]);

    private final Object[] items;

    private Tuple(Object[] items) {
        this.items = items;
    }

    static Tuple of(List<Object> items) {
        return items.isEmpty() ? EMPTY : new Tuple(items.toArray());
    }

    static Tuple of(Object... items) {
        return items.length == 0 ? EMPTY : new Tuple(items.clone());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Replaces an item while a loaded graph is finished (placeholders become tensors); not for users. */
    void replace(int index, Object value) {
        items[index] = value;
    }
}
