package io.jtorch.serialization;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Shapes;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a {@code torch.save} pickle may use, and what they build. Mirrors
 * {@code torch._weights_only_unpickler}: an allow-list of globals (OrderedDict, the tensor and
 * parameter rebuild functions, the typed storage classes, dtypes, {@code torch.Size},
 * {@code torch.device}, {@code set}); any other global is refused when it is named, before
 * anything could call it.
 *
 * <p>Tensors are not allocated here: {@code _rebuild_tensor_v2} returns a {@link TensorRef}
 * whose view is checked against its storage's declared size, and storages are collected as
 * {@link StorageRef}s, so the whole file can be checked before any memory is taken.
 */
final class WeightsOnlyUnpickler implements PickleReader.Resolver {
    /** The functions and classes a weights-only pickle may call. */
    enum Callable {
        ORDERED_DICT("collections.OrderedDict"),
        REBUILD_TENSOR_V2("torch._utils._rebuild_tensor_v2"),
        REBUILD_PARAMETER("torch._utils._rebuild_parameter"),
        REBUILD_PARAMETER_WITH_STATE("torch._utils._rebuild_parameter_with_state"),
        SET("builtins.set"),
        FROZENSET("builtins.frozenset"),
        CODECS_ENCODE("_codecs.encode"),
        DEVICE("torch.device"),
        SIZE("torch.Size");

        final String pythonName;

        Callable(String pythonName) {
            this.pythonName = pythonName;
        }

        @Override
        public String toString() {
            return pythonName;
        }
    }

    /** A typed storage class such as {@code torch.FloatStorage}: the dtype of the storage a persistent id names. */
    record StorageType(String pythonName, DType dtype) {
        @Override
        public String toString() {
            return pythonName;
        }
    }

    static final Map<String, Object> GLOBALS = allowed();
    /** PyTorch dtypes that jtorch has no DType for, so a file naming one gets a message about dtypes, not code. */
    private static final Set<String> OTHER_DTYPES = Set.of("complex32", "complex64", "complex128", "cfloat", "cdouble",
            "chalf", "uint16", "uint32", "uint64", "qint8", "quint8", "qint32", "quint4x2", "quint2x4", "float8_e4m3fn",
            "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz", "float8_e8m0fnu", "float4_e2m1fn_x2");
    private static final int MAX_DIMS = 64;

    private final String pickleName;
    private final LoadBudget budget;
    private final Map<String, StorageRef> storages = new LinkedHashMap<>();

    /** A resolver for the pickle called {@code pickleName} in messages, counting each tensor it rebuilds against {@code budget}. */
    WeightsOnlyUnpickler(String pickleName, LoadBudget budget) {
        this.pickleName = pickleName;
        this.budget = budget;
    }

    /** The storages the pickle named, by key, in the order it named them. */
    Map<String, StorageRef> storages() {
        return storages;
    }

    private static Map<String, Object> allowed() {
        Map<String, Object> m = new HashMap<>();
        for (Callable c : Callable.values()) {
            m.put(c.pythonName, c);
        }
        m.put("__builtin__.set", Callable.SET);
        m.put("__builtin__.frozenset", Callable.FROZENSET);
        String[][] storageClasses = {
            {"Float", "float32"}, {"Double", "float64"}, {"Half", "float16"}, {"BFloat16", "bfloat16"}, {"Long", "int64"},
            {"Int", "int32"}, {"Short", "int16"}, {"Char", "int8"}, {"Byte", "uint8"}, {"Bool", "bool"},
        };
        for (String[] s : storageClasses) {
            String name = "torch." + s[0] + "Storage";
            m.put(name, new StorageType(name, DType.fromPythonName(s[1])));
        }
        m.put("torch.UntypedStorage", new StorageType("torch.UntypedStorage", DType.UINT8));
        m.put("torch.storage.UntypedStorage", new StorageType("torch.storage.UntypedStorage", DType.UINT8));
        for (DType d : DType.values()) {
            m.put("torch." + d.pythonName(), d);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Object global(String module, String name) {
        String qualified = module + "." + name;
        Object allowed = GLOBALS.get(qualified);
        if (allowed != null) {
            return allowed;
        }
        String quoted = PyValues.quote(qualified);
        if (module.equals("torch") && name.endsWith("Storage")) {
            throw new Malformed("storage class " + quoted + " in " + pickleName + " holds a dtype jtorch does not load "
                    + "(supported: float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool)");
        }
        if (module.equals("torch") && OTHER_DTYPES.contains(name)) {
            throw new Malformed("dtype " + quoted + " in " + pickleName + " is not supported by jtorch "
                    + "(supported: float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool)");
        }
        if ((module.equals("torch._utils") || module.equals("torch._tensor")) && name.startsWith("_rebuild")) {
            throw new Malformed(quoted + " in " + pickleName + " rebuilds a kind of tensor jtorch does not load "
                    + "(sparse, quantized, meta or a tensor subclass); only dense tensors are supported");
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
            throw new Malformed("holds a pickled Python class " + quoted + ", which cannot be loaded safely (loading it runs "
                    + "that class's code); save the weights in Python with torch.save(model.state_dict()) and load them "
                    + "with TorchSerialization.loadStateDict");
        }
        throw new Malformed("forbidden global " + quoted + " in " + pickleName + ": jtorch loads weights only, never code");
    }

    @Override
    public Object call(Object callable, List<Object> args) {
        if (!(callable instanceof Callable)) {
            throw new Malformed(pickleName + " calls " + PyValues.typeName(callable) + ", which is not callable here");
        }
        switch ((Callable) callable) {
            case ORDERED_DICT: return orderedDict(args);
            case REBUILD_TENSOR_V2: return rebuildTensor(args);
            case REBUILD_PARAMETER: return rebuildParameter(args, 3);
            case REBUILD_PARAMETER_WITH_STATE: return rebuildParameter(args, 4);
            case SET: return Tuple.EMPTY.equals(args) ? new PySet() : set(args);
            case FROZENSET: return Collections.unmodifiableSet(Tuple.EMPTY.equals(args) ? new PySet() : set(args));
            case CODECS_ENCODE: return encode(args);
            case DEVICE: return device(args);
            case SIZE: return size(one(args, "torch.Size"));
            default: throw new AssertionError(callable);
        }
    }

    @Override
    public Object persistentLoad(Object pid) {
        if (!(pid instanceof Tuple) || ((Tuple) pid).size() != 5 || !"storage".equals(((Tuple) pid).get(0))) {
            throw new Malformed(pickleName + " has a persistent id that is not ('storage', type, key, location, numel)");
        }
        List<Object> t = (Tuple) pid;
        if (!(t.get(1) instanceof StorageType) || !(t.get(2) instanceof String) || !(t.get(3) instanceof String)
                || !(t.get(4) instanceof Long) || (Long) t.get(4) < 0) {
            throw new Malformed(pickleName + " has a malformed storage id: expected (storage class, str key, str location, "
                    + "int numel >= 0), got (" + PyValues.typeName(t.get(1)) + ", " + PyValues.typeName(t.get(2)) + ", "
                    + PyValues.typeName(t.get(3)) + ", " + t.get(4) + ")");
        }
        // The location (cpu, cuda:0, ...) is ignored: storages load on the CPU, as with map_location="cpu".
        StorageRef ref = new StorageRef((String) t.get(2), ((StorageType) t.get(1)).dtype(), (Long) t.get(4));
        budget.heap(128);
        StorageRef known = storages.putIfAbsent(ref.key(), ref);
        if (known != null && !known.equals(ref)) {
            throw new Malformed("storage " + PyValues.quote(ref.key()) + " in " + pickleName + " is declared twice: as "
                    + known.numel() + " elements of " + known.dtype() + " and as " + ref.numel() + " of " + ref.dtype());
        }
        try {
            ref.nbytes();
        } catch (ArithmeticException e) {
            throw new Malformed("storage " + PyValues.quote(ref.key()) + " declares " + ref.numel() + " elements, too many to address");
        }
        return known != null ? known : ref;
    }

    @Override
    public Object build(Object target, Object state) {
        if (target instanceof Map) {
            return target; // an OrderedDict's attributes: a state_dict's _metadata, which loading does not need
        }
        throw new Malformed(pickleName + " sets the state of a " + PyValues.typeName(target)
                + " (BUILD); only OrderedDicts may have state in a weights file");
    }

    // ---------------------------------------------------------------- the allowed calls

    private Object orderedDict(List<Object> args) {
        Map<Object, Object> dict = new PyDict();
        if (args.isEmpty()) {
            return dict;
        }
        Object pairs = one(args, "OrderedDict");
        if (!(pairs instanceof List)) {
            throw new Malformed(pickleName + ": OrderedDict needs a list of pairs, got " + PyValues.typeName(pairs));
        }
        for (Object pair : (List<?>) pairs) {
            if (!(pair instanceof List) || ((List<?>) pair).size() != 2 || !PyValues.isHashable(((List<?>) pair).get(0))) {
                throw new Malformed(pickleName + ": OrderedDict needs (key, value) pairs with scalar keys");
            }
            budget.heap(64);
            dict.put(((List<?>) pair).get(0), ((List<?>) pair).get(1));
        }
        return dict;
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TensorRef rebuildTensor(List<Object> args) {
        if (args.size() != 6 && args.size() != 7) {
            throw new Malformed(pickleName + ": _rebuild_tensor_v2 takes 6 or 7 arguments, got " + args.size());
        }
        if (!(args.get(0) instanceof StorageRef) || !(args.get(1) instanceof Long) || !(args.get(4) instanceof Boolean)) {
            throw new Malformed(pickleName + ": _rebuild_tensor_v2 needs (storage, int offset, size, stride, bool, hooks), got ("
                    + PyValues.typeName(args.get(0)) + ", " + PyValues.typeName(args.get(1)) + ", ..., "
                    + PyValues.typeName(args.get(4)) + ", ...)");
        }
        StorageRef storage = (StorageRef) args.get(0);
        long offset = (Long) args.get(1);
        long[] size = longs(args.get(2), "tensor size", true);
        long[] stride = longs(args.get(3), "tensor stride", true);
        boolean requiresGrad = (Boolean) args.get(4);
        storage.checkView(offset, size, stride, pickleName);
        budget.tensor();
        if (requiresGrad && !storage.dtype().isFloatingPoint()) {
            throw new Malformed(pickleName + ": a tensor of " + storage.dtype() + " cannot require grad");
        }
        return new TensorRef(storage, offset, size, stride, requiresGrad, false);
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)} and its {@code _with_state} form. */
    private TensorRef rebuildParameter(List<Object> args, int arity) {
        if (args.size() != arity || !(args.get(0) instanceof TensorRef) || !(args.get(1) instanceof Boolean)) {
            throw new Malformed(pickleName + ": _rebuild_parameter needs (tensor, bool, hooks), got " + args.size() + " arguments");
        }
        TensorRef data = (TensorRef) args.get(0);
        boolean requiresGrad = (Boolean) args.get(1);
        if (requiresGrad && !data.storage.dtype().isFloatingPoint()) {
            throw new Malformed(pickleName + ": a parameter of " + data.storage.dtype() + " cannot require grad");
        }
        return data.asParameter(requiresGrad);
    }

    private Set<Object> set(List<Object> args) {
        Object items = one(args, "set");
        if (!(items instanceof List)) {
            throw new Malformed(pickleName + ": set needs a list, got " + PyValues.typeName(items));
        }
        Set<Object> set = new PySet();
        for (Object item : (List<?>) items) {
            budget.heap(64);
            if (!PyValues.isHashable(item)) {
                throw new Malformed(pickleName + ": set items may be scalars only, got " + PyValues.typeName(item));
            }
            set.add(item);
        }
        return set;
    }

    /** {@code _codecs.encode(text, encoding)}: how protocol 2 writes Python bytes. */
    private byte[] encode(List<Object> args) {
        if (args.size() != 2 || !(args.get(0) instanceof String) || !(args.get(1) instanceof String)) {
            throw new Malformed(pickleName + ": _codecs.encode needs (str, encoding)");
        }
        String encoding = ((String) args.get(1)).toLowerCase(java.util.Locale.ROOT);
        if (encoding.equals("latin1") || encoding.equals("latin-1")) {
            return ((String) args.get(0)).getBytes(StandardCharsets.ISO_8859_1);
        } else if (encoding.equals("utf-8") || encoding.equals("utf8")) {
            return ((String) args.get(0)).getBytes(StandardCharsets.UTF_8);
        }
        throw new Malformed(pickleName + ": _codecs.encode with encoding " + PyValues.quote(encoding) + " is not supported");
    }

    private Device device(List<Object> args) {
        String spec;
        if (args.size() == 1 && args.get(0) instanceof String) {
            spec = (String) args.get(0);
        } else if (args.size() == 2 && args.get(0) instanceof String && args.get(1) instanceof Long) {
            spec = args.get(0) + ":" + args.get(1);
        } else {
            throw new Malformed(pickleName + ": torch.device needs (type) or (type, index)");
        }
        try {
            return Device.of(spec);
        } catch (IllegalArgumentException e) {
            throw new Malformed(pickleName + ": unknown device " + PyValues.quote(spec));
        }
    }

    /** {@code torch.Size(sizes)}: a tuple of ints. */
    private Tuple size(Object sizes) {
        long[] values = longs(sizes, "torch.Size", false);
        Object[] items = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            items[i] = values[i];
        }
        return Tuple.of(items);
    }

    private Object one(List<Object> args, String what) {
        if (args.size() != 1) {
            throw new Malformed(pickleName + ": " + what + " takes one argument, got " + args.size());
        }
        return args.get(0);
    }

    /** A tuple or list of ints as {@code long[]}; with {@code nonNegative}, each must be >= 0. */
    private long[] longs(Object o, String what, boolean nonNegative) {
        if (!(o instanceof List) || ((List<?>) o).size() > MAX_DIMS) {
            throw new Malformed(pickleName + ": " + what + " must be a tuple of at most " + MAX_DIMS + " ints, got " + PyValues.typeName(o));
        }
        List<?> items = (List<?>) o;
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = items.get(i);
            if (!(v instanceof Long) || nonNegative && (Long) v < 0) {
                throw new Malformed(pickleName + ": " + what + " must hold ints" + (nonNegative ? " >= 0" : "") + ", got "
                        + (v instanceof Long ? Shapes.format(new long[] {(Long) v}) : PyValues.typeName(v)) + " at index " + i);
            }
            out[i] = (Long) v;
        }
        return out;
    }
}
