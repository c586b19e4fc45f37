package io.jtorch.serialization;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.nn.Parameter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Java values into the pickle {@code torch.save} writes, and collects the storages to
 * write beside it. Mirrors the pickling half of {@code torch.save}: a {@link Map} becomes an
 * {@code OrderedDict}, a {@link List} a list (a tuple if it was loaded as one), a {@link Tensor}
 * a call to {@code torch._utils._rebuild_tensor_v2} on a storage named by a persistent id, a
 * {@link Parameter} a call to {@code _rebuild_parameter}. Tensors that share memory are written
 * as views of one storage, as PyTorch does; the same object reached twice is written once and
 * referenced (Python's memo), so shared and cyclic lists and maps survive the round trip.
 */
final class TorchPickler {
    /** A storage to write as {@code data/<key>}: a contiguous 1-D CPU tensor. */
    record SavedStorage(String key, DType dtype, Tensor data) {}

    private static final int BATCH = 1000;

    private final PickleWriter out = new PickleWriter();
    private final Map<Object, Integer> memo = new IdentityHashMap<>();
    private final Set<Object> tuplesInProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<List<Object>, SavedStorage> byMemory = new HashMap<>();
    private final List<SavedStorage> storages = new ArrayList<>();

    private TorchPickler() {}

    /** Pickles {@code obj}; the result holds the pickle and the storages it names. */
    static TorchPickler pickle(Object obj) {
        TorchPickler p = new TorchPickler();
        p.out.proto();
        p.write(obj, "the object");
        p.out.stop();
        return p;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    List<SavedStorage> storages() {
        return storages;
    }

    private void write(Object o, String path) {
        if (o == null) {
            out.none();
        } else if (o instanceof Boolean) {
            out.bool((Boolean) o);
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            out.integer(((Number) o).longValue());
        } else if (o instanceof BigInteger) {
            out.integer((BigInteger) o);
        } else if (o instanceof Double || o instanceof Float) {
            out.binfloat(((Number) o).doubleValue());
        } else if (o instanceof String) {
            out.string((String) o);
        } else if (o instanceof DType) {
            out.global("torch", ((DType) o).pythonName());
        } else if (o instanceof byte[]) {
            call("_codecs", "encode", new String((byte[]) o, StandardCharsets.ISO_8859_1), "latin1");
        } else if (o instanceof Device) {
            call("torch", "device", o.toString());
        } else if (memo.containsKey(o)) {
            out.get(memo.get(o));
        } else if (o instanceof Tensor) {
            tensor((Tensor) o);
        } else if (o instanceof Map) {
            dict((Map<?, ?>) o, path);
        } else if (o instanceof Tuple) {
            tuple((Tuple) o, path);
        } else if (o instanceof List) {
            list((List<?>) o, path);
        } else if (o instanceof Set) {
            set((Set<?>) o, path);
        } else {
            throw new IllegalArgumentException("cannot save " + path + ", a " + o.getClass().getName() + ": torch.save files hold "
                    + "tensors, numbers, strings, booleans, null, byte[], DTypes and Lists, Maps and Sets of those");
        }
    }

    private void memoize(Object o) {
        int index = memo.size();
        memo.put(o, index);
        out.put(index);
    }

    private void call(String module, String name, String... args) {
        out.global(module, name);
        out.mark();
        for (String a : args) {
            out.string(a);
        }
        out.tuple(-1);
        out.reduce();
    }

    private void dict(Map<?, ?> map, String path) {
        out.global("collections", "OrderedDict");
        out.emptyTuple();
        out.reduce();
        memoize(map);
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            out.mark();
            for (int n = 0; n < BATCH && it.hasNext(); n++) {
                Map.Entry<?, ?> e = it.next();
                Object key = e.getKey();
                if (!(key == null || key instanceof String || key instanceof Number || key instanceof Boolean)) {
                    throw new IllegalArgumentException("cannot save a Map key of type " + key.getClass().getName() + " in " + path
                            + ": keys must be strings, numbers, booleans or null");
                }
                write(key, path);
                write(e.getValue(), path + "[" + PyValues.quote(String.valueOf(key)) + "]");
            }
            out.setitems();
        }
    }

    private void list(List<?> list, String path) {
        out.emptyList();
        memoize(list);
        appendAll(list, path);
    }

    private void appendAll(Collection<?> items, String path) {
        Iterator<?> it = items.iterator();
        for (int i = 0; it.hasNext(); ) {
            out.mark();
            for (int n = 0; n < BATCH && it.hasNext(); n++, i++) {
                write(it.next(), path + "[" + i + "]");
            }
            out.appends();
        }
    }

    private void tuple(Tuple tuple, String path) {
        if (!tuplesInProgress.add(tuple)) {
            throw new IllegalArgumentException("cannot save " + path + ": a tuple that contains itself");
        }
        if (tuple.isEmpty()) {
            out.emptyTuple();
        } else {
            if (tuple.size() > 3) {
                out.mark();
            }
            for (int i = 0; i < tuple.size(); i++) {
                write(tuple.get(i), path + "[" + i + "]");
            }
            out.tuple(tuple.size() > 3 ? -1 : tuple.size());
        }
        tuplesInProgress.remove(tuple);
        memoize(tuple);
    }

    private void set(Set<?> set, String path) {
        out.global("builtins", "set");
        out.emptyList();
        appendAll(set, path);
        out.tuple(1);
        out.reduce();
        memoize(set);
    }

    // ---------------------------------------------------------------- tensors

    private void tensor(Tensor t) {
        boolean parameter = t instanceof Parameter;
        if (parameter) {
            out.global("torch._utils", "_rebuild_parameter");
        }
        Tensor cpu = (t.device().isCpu() ? t : t.to(Device.CPU)).detach();
        long offset = cpu.storageOffset();
        long[] stride = cpu.strides();
        SavedStorage storage = sharedStorage(cpu);
        if (storage == null) {
            Tensor copy = cpu.contiguous();
            storage = add(copy.flatten());
            offset = 0;
            stride = copy.strides();
        }
        out.global("torch._utils", "_rebuild_tensor_v2");
        out.mark();
        out.mark();
        out.string("storage");
        out.global("torch", storageClass(storage.dtype()));
        out.string(storage.key());
        out.string("cpu");
        out.integer(storage.data().numel());
        out.tuple(-1);
        out.binpersid();
        out.integer(offset);
        longs(cpu.shape());
        longs(stride);
        out.bool(!parameter && t.requiresGrad());
        out.global("collections", "OrderedDict");
        out.emptyTuple();
        out.reduce();
        out.tuple(-1);
        out.reduce();
        if (parameter) {
            out.bool(t.requiresGrad());
            out.global("collections", "OrderedDict");
            out.emptyTuple();
            out.reduce();
            out.tuple(3);
            out.reduce();
        }
        memoize(t);
    }

    /** The whole storage under {@code cpu}, written once for all the tensors that view it; null when it cannot be shared. */
    private SavedStorage sharedStorage(Tensor cpu) {
        Storages.StorageInfo info = Storages.storageOf(cpu);
        int elementSize = cpu.dtype().elementSize();
        if (info == null || info.nbytes() % elementSize != 0) {
            return null;
        }
        List<Object> memory = List.of(info.address(), cpu.dtype());
        SavedStorage known = byMemory.get(memory);
        if (known == null) {
            known = add(cpu.asStrided(new long[] {info.nbytes() / elementSize}, new long[] {1}, 0));
            byMemory.put(memory, known);
        }
        return known;
    }

    private SavedStorage add(Tensor flat) {
        SavedStorage s = new SavedStorage(String.valueOf(storages.size()), flat.dtype(), flat);
        storages.add(s);
        return s;
    }

    /** A tuple of ints, as sizes and strides are written. */
    private void longs(long[] values) {
        if (values.length == 0) {
            out.emptyTuple();
            return;
        }
        boolean small = values.length <= 3;
        if (!small) {
            out.mark();
        }
        for (long v : values) {
            out.integer(v);
        }
        out.tuple(small ? values.length : -1);
    }

    private static String storageClass(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "FloatStorage";
            case FLOAT64: return "DoubleStorage";
            case FLOAT16: return "HalfStorage";
            case BFLOAT16: return "BFloat16Storage";
            case INT64: return "LongStorage";
            case INT32: return "IntStorage";
            case INT16: return "ShortStorage";
            case INT8: return "CharStorage";
            case UINT8: return "ByteStorage";
            case BOOL: return "BoolStorage";
            default: throw new IllegalArgumentException("cannot save a tensor of " + dtype);
        }
    }
}
