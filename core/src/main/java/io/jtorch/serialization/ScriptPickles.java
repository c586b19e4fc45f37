package io.jtorch.serialization;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a TorchScript archive's pickles ({@code data.pkl}, {@code constants.pkl}, the
 * {@code .debug_pkl} files) may use, resolved to inert values: a {@code __torch__} class's object
 * becomes a {@link ScriptArchive.ScriptObject} whose state is only recorded (its
 * {@code __setstate__}, if any, never runs), a tensor a {@link ScriptArchive.TensorInfo} checked
 * against its storage's declared size with overflow-safe arithmetic. Any other name is refused.
 * Mirrors the names libtorch's {@code torch::jit::Unpickler} knows.
 */
final class ScriptPickles implements PickleReader.Resolver {
    private enum Function { REBUILD_TENSOR, REBUILD_QTENSOR, ORDERED_DICT, RESTORE_TYPE_TAG, BUILD_LIST, DEVICE }

    private record StorageClass(String name, int elementSize) {}

    private record ClassRef(String name) {}

    /** A storage a persistent id names: {@code numel} elements of {@code elementSize} bytes in entry {@code folder + key}. */
    record Storage(String key, String type, int elementSize, long numel) {
        long nbytes() {
            return Math.multiplyExact(numel, (long) elementSize);
        }
    }

    private static final Map<String, Object> GLOBALS = globals();
    private static final int MAX_DIMS = 64;
    /**
     * The deepest nesting of lists, tuples, dicts and objects a pickle may hold. libtorch turns a
     * pickle's values into IValues and infers their types recursively: 20,000 nested tuples in
     * {@code data.pkl} overflow a 512 KB thread stack (SIGSEGV), a list that contains itself
     * recurses without end. Real archives nest as deep as their modules, a few dozen levels.
     */
    static final int MAX_NESTING = 1000;

    private final String pickleName;
    private final boolean storagesAllowed;
    private final Map<String, Storage> storages = new LinkedHashMap<>();
    private final Set<String> classes = new LinkedHashSet<>();
    private long tensors;
    private long objects;

    /** A resolver for {@code pickleName}; only data and constants pickles may name storages. */
    ScriptPickles(String pickleName, boolean storagesAllowed) {
        this.pickleName = pickleName;
        this.storagesAllowed = storagesAllowed;
    }

    private static Map<String, Object> globals() {
        Map<String, Object> m = new HashMap<>();
        m.put("torch._utils._rebuild_tensor_v2", Function.REBUILD_TENSOR);
        m.put("torch._utils._rebuild_qtensor", Function.REBUILD_QTENSOR);
        m.put("collections.OrderedDict", Function.ORDERED_DICT);
        m.put("torch.jit._pickle.restore_type_tag", Function.RESTORE_TYPE_TAG);
        for (String list : new String[] {"intlist", "tensorlist", "doublelist", "boollist"}) {
            m.put("torch.jit._pickle.build_" + list, Function.BUILD_LIST);
        }
        m.put("torch.device", Function.DEVICE);
        Object[][] storages = {
            {"Float", 4}, {"Double", 8}, {"Half", 2}, {"BFloat16", 2}, {"Long", 8}, {"Int", 4}, {"Short", 2}, {"Char", 1},
            {"Byte", 1}, {"Bool", 1}, {"ComplexFloat", 8}, {"ComplexDouble", 16}, {"QInt8", 1}, {"QUInt8", 1}, {"QInt32", 4},
            {"QUInt4x2", 1}, {"QUInt2x4", 1},
        };
        for (Object[] s : storages) {
            String name = "torch." + s[0] + "Storage";
            m.put(name, new StorageClass(name, (Integer) s[1]));
        }
        return m;
    }

    Map<String, Storage> storages() {
        return storages;
    }

    /** The {@code __torch__} classes whose objects the pickle holds. */
    Set<String> classes() {
        return classes;
    }

    /** How many tensors and objects the pickle builds: each costs memory of its own beyond its storage. */
    long values() {
        return tensors + objects;
    }

    @Override
    public Object global(String module, String name) {
        String qualified = module + "." + name;
        Object known = GLOBALS.get(qualified);
        if (known != null) {
            return known;
        }
        if (module.equals("__torch__") || module.startsWith("__torch__.")) {
            return new ClassRef(qualified);
        }
        throw new Malformed(pickleName + " names " + PyValues.quote(qualified) + ", which TorchScript pickles do not use; "
                + "jtorch cannot check it");
    }

    @Override
    public Object call(Object callable, List<Object> args) {
        if (callable instanceof ClassRef) {
            objects++;
            classes.add(((ClassRef) callable).name);
            return new ScriptArchive.ScriptObject(((ClassRef) callable).name);
        }
        if (!(callable instanceof Function)) {
            throw new Malformed(pickleName + " calls " + PyValues.typeName(callable) + ", which is not callable here");
        }
        switch ((Function) callable) {
            case REBUILD_TENSOR:
            case REBUILD_QTENSOR:
                return tensor(args);
            case ORDERED_DICT:
                return new LinkedHashMap<>();
            case RESTORE_TYPE_TAG:
            case BUILD_LIST:
                if (args.isEmpty()) {
                    throw new Malformed(pickleName + ": " + callable + " needs an argument");
                }
                return args.get(0);
            case DEVICE:
                return args.isEmpty() ? "cpu" : String.valueOf(args.get(0));
            default:
                throw new AssertionError(callable);
        }
    }

    private ScriptArchive.TensorInfo tensor(List<Object> args) {
        if (args.size() < 4 || !(args.get(0) instanceof Storage) || !(args.get(1) instanceof Long)) {
            throw new Malformed(pickleName + ": a tensor needs (storage, int offset, size, stride, ...)");
        }
        Storage storage = (Storage) args.get(0);
        long offset = (Long) args.get(1);
        long[] size = longs(args.get(2), "size");
        long[] stride = longs(args.get(3), "stride");
        checkView(storage, offset, size, stride, pickleName);
        tensors++;
        return new ScriptArchive.TensorInfo(storage.type, size, stride, offset);
    }

    /**
     * Refuses a view that reaches outside its storage: negative offsets, sizes or strides, and any
     * sum or product that does not fit in a long, are refused rather than wrapped around.
     */
    static void checkView(Storage storage, long offset, long[] size, long[] stride, String where) {
        String view = "a tensor of shape " + io.jtorch.Shapes.format(size) + ", strides " + io.jtorch.Shapes.format(stride)
                + " and offset " + offset + " on storage " + PyValues.quote(storage.key) + " of " + storage.numel + " elements";
        if (size.length != stride.length) {
            throw new Malformed(where + " holds " + view + ": as many sizes as strides are needed");
        }
        if (offset < 0) {
            throw new Malformed(where + " holds " + view + ": the offset is negative");
        }
        try {
            long last = offset;
            long numel = 1;
            for (int i = 0; i < size.length; i++) {
                if (size[i] < 0 || stride[i] < 0) {
                    throw new Malformed(where + " holds " + view + ": sizes and strides must be >= 0");
                }
                numel = Math.multiplyExact(numel, size[i]);
                if (size[i] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[i] - 1, stride[i]));
                }
            }
            long needed = numel == 0 ? offset : Math.addExact(last, 1);
            if (needed > storage.numel) {
                throw new Malformed(where + " holds " + view + ", which reaches element " + (needed - 1) + ", past the storage's end");
            }
        } catch (ArithmeticException e) {
            throw new Malformed(where + " holds " + view + ", which addresses more elements than a long can count");
        }
    }

    /**
     * Refuses a value of {@code pickleName} that nests more than {@link #MAX_NESTING} deep or
     * contains itself; walks the values without recursion, each shared value once.
     */
    static void checkNesting(Object root, String pickleName) {
        walkAll(List.of(root), pickleName, new java.util.IdentityHashMap<>());
    }

    /** {@link #checkNesting(Object, String)} for each of {@code roots} (every container a pickle made), each value walked once. */
    static void checkNestingOfAll(java.util.Collection<?> roots, String pickleName) {
        walkAll(roots, pickleName, new java.util.IdentityHashMap<>());
    }

    private static void walkAll(java.util.Collection<?> roots, String pickleName, java.util.IdentityHashMap<Object, Integer> heights) {
        for (Object root : roots) {
            if (!heights.containsKey(root)) {
                walk(root, pickleName, heights);
            }
        }
    }

    private static void walk(Object root, String pickleName, java.util.IdentityHashMap<Object, Integer> heights) {
        java.util.IdentityHashMap<Object, Boolean> onPath = new java.util.IdentityHashMap<>();
        java.util.ArrayDeque<Object> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<java.util.Iterator<?>> children = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<int[]> tallest = new java.util.ArrayDeque<>();
        if (children(root) == null) {
            return;
        }
        nodes.push(root);
        children.push(children(root));
        tallest.push(new int[1]);
        onPath.put(root, true);
        while (!nodes.isEmpty()) {
            if (nodes.size() > MAX_NESTING) {
                throw new Malformed(pickleName + " holds values nested more than " + MAX_NESTING + " deep (lists, tuples, dicts "
                        + "or objects); libtorch would overflow its stack reading them");
            }
            java.util.Iterator<?> it = children.peek();
            if (it.hasNext()) {
                Object child = it.next();
                java.util.Iterator<?> grand = children(child);
                if (grand == null) {
                    continue;
                }
                if (onPath.containsKey(child)) {
                    throw new Malformed(pickleName + " holds a " + PyValues.typeName(child) + " that contains itself; libtorch "
                            + "would recurse without end reading it");
                }
                Integer known = heights.get(child);
                if (known != null) {
                    if (nodes.size() + known > MAX_NESTING) {
                        throw new Malformed(pickleName + " holds values nested more than " + MAX_NESTING + " deep (lists, tuples, "
                                + "dicts or objects); libtorch would overflow its stack reading them");
                    }
                    tallest.peek()[0] = Math.max(tallest.peek()[0], known);
                    continue;
                }
                nodes.push(child);
                children.push(grand);
                tallest.push(new int[1]);
                onPath.put(child, true);
            } else {
                Object done = nodes.pop();
                children.pop();
                int height = tallest.pop()[0] + 1;
                onPath.remove(done);
                heights.put(done, height);
                if (!tallest.isEmpty()) {
                    tallest.peek()[0] = Math.max(tallest.peek()[0], height);
                }
            }
        }
    }

    /** The values inside {@code v}, or null when it holds none (a number, a string, a tensor). */
    private static java.util.Iterator<?> children(Object v) {
        if (v instanceof Map) {
            List<Object> both = new java.util.ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                both.add(e.getKey());
                both.add(e.getValue());
            }
            return both.iterator();
        }
        if (v instanceof java.util.Collection) {
            return ((java.util.Collection<?>) v).iterator();
        }
        if (v instanceof ScriptArchive.ScriptObject) {
            Object state = ((ScriptArchive.ScriptObject) v).state();
            return state == null ? java.util.Collections.emptyIterator() : List.of(state).iterator();
        }
        return null;
    }

    @Override
    public Object persistentLoad(Object pid) {
        List<?> t = pid instanceof List ? (List<?>) pid : List.of();
        if (t.size() != 5 || !"storage".equals(t.get(0)) || !(t.get(1) instanceof StorageClass) || !(t.get(2) instanceof String)
                || !(t.get(4) instanceof Long) || (Long) t.get(4) < 0) {
            throw new Malformed(pickleName + " has a persistent id that is not ('storage', storage class, key, location, numel >= 0)");
        }
        if (!storagesAllowed) {
            throw new Malformed(pickleName + " names a storage; only data.pkl and constants.pkl may");
        }
        StorageClass type = (StorageClass) t.get(1);
        Storage s = new Storage((String) t.get(2), type.name, type.elementSize, (Long) t.get(4));
        try {
            s.nbytes();
        } catch (ArithmeticException e) {
            throw new Malformed(pickleName + " declares storage " + PyValues.quote(s.key) + " of " + s.numel + " elements, too many to address");
        }
        Storage known = storages.putIfAbsent(s.key, s);
        if (known != null && !known.equals(s)) {
            throw new Malformed(pickleName + " declares storage " + PyValues.quote(s.key) + " twice, as " + known.numel + " "
                    + known.type + " and as " + s.numel + " " + s.type);
        }
        return known != null ? known : s;
    }

    @Override
    public Object build(Object target, Object state) {
        if (target instanceof ScriptArchive.ScriptObject) {
            ((ScriptArchive.ScriptObject) target).setState(state);
            return target;
        }
        if (target instanceof Map) {
            return target;
        }
        throw new Malformed(pickleName + " sets the state of a " + PyValues.typeName(target) + " (BUILD); only objects of "
                + "TorchScript classes have state");
    }

    private long[] longs(Object o, String what) {
        if (!(o instanceof List) || ((List<?>) o).size() > MAX_DIMS) {
            throw new Malformed(pickleName + ": a tensor's " + what + " must be a tuple of at most " + MAX_DIMS + " ints, got "
                    + PyValues.typeName(o));
        }
        List<?> items = (List<?>) o;
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Long)) {
                throw new Malformed(pickleName + ": a tensor's " + what + " must hold ints that fit in a long, got "
                        + PyValues.typeName(items.get(i)) + " at index " + i);
            }
            out[i] = (Long) items.get(i);
        }
        return out;
    }
}
