package io.jtorch.serialization;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The values a pickle built, finished in place: every leaf (a value that is not a list, tuple or
 * dict) is passed through a function, which turns tensor placeholders into tensors and refuses
 * what must not be handed to the caller. Walks without recursion and visits each container once,
 * so shared and cyclic structures cost no more than their size.
 */
final class LoadedGraph {
    private LoadedGraph() {}

    /** {@code root} with every leaf {@code x} replaced by {@code leaf.apply(x)}; containers are updated in place. */
    @SuppressWarnings("unchecked")
    static Object replaceLeaves(Object root, UnaryOperator<Object> leaf) {
        if (!isContainer(root)) {
            return leaf.apply(root);
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        seen.add(root);
        todo.push(root);
        while (!todo.isEmpty()) {
            Object container = todo.pop();
            if (container instanceof Map) {
                for (Map.Entry<Object, Object> e : ((Map<Object, Object>) container).entrySet()) {
                    e.setValue(visit(e.getValue(), leaf, seen, todo));
                }
            } else if (container instanceof Tuple) {
                Tuple tuple = (Tuple) container;
                for (int i = 0; i < tuple.size(); i++) {
                    tuple.replace(i, visit(tuple.get(i), leaf, seen, todo));
                }
            } else {
                List<Object> list = (List<Object>) container;
                for (int i = 0; i < list.size(); i++) {
                    list.set(i, visit(list.get(i), leaf, seen, todo));
                }
            }
        }
        return root;
    }

    private static Object visit(Object value, UnaryOperator<Object> leaf, Set<Object> seen, Deque<Object> todo) {
        if (!isContainer(value)) {
            return leaf.apply(value);
        }
        if (seen.add(value)) {
            todo.push(value);
        }
        return value;
    }

    /** Lists, tuples and dicts; sets hold only scalars (see {@link PyValues#isHashable}) and need no visit. */
    private static boolean isContainer(Object o) {
        return o instanceof List || o instanceof Map;
    }
}
