package io.jtorch.jit;

import static io.jtorch.jit.TorchScriptMutator.add;
import static io.jtorch.jit.TorchScriptMutator.logUniform;
import static io.jtorch.jit.TorchScriptMutator.oneOf;
import static io.jtorch.jit.TorchScriptMutator.pick;

import io.jtorch.jit.FuzzPickle.Op;
import io.jtorch.jit.FuzzPickle.TensorSite;
import io.jtorch.jit.TorchScriptMutator.Expect;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pickle-level mutations of {@code data.pkl}, {@code constants.pkl} and the {@code .debug_pkl}
 * files, written back with valid zip records and CRC-32s so that only the pickle differs: tensor
 * views outside their storage (offsets, sizes, strides, storage sizes; negative, past the end,
 * or overflowing a long, {@code stride * size} included), other storage keys and dtypes, other
 * globals and strings, deep nesting, huge lists, dicts and strings, and opcodes deleted,
 * duplicated, swapped or cut.
 */
final class PickleMutations {
    private static final long[] INTERESTING = {0, 1, 2, -1, 255, 256, 65535, 65536, Integer.MAX_VALUE, 1L << 31, 1L << 32,
        1L << 40, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, -2};
    private static final String[][] GLOBALS = {{"torch", "FloatStorage"}, {"torch", "DoubleStorage"}, {"torch", "HalfStorage"},
        {"torch", "BoolStorage"}, {"torch", "LongStorage"}, {"torch", "ByteStorage"}, {"torch", "QInt8Storage"},
        {"torch", "ComplexDoubleStorage"}, {"torch", "UntypedStorage"}, {"torch", "Tensor"}, {"torch._utils", "_rebuild_qtensor"},
        {"torch._utils", "_rebuild_sparse_tensor"}, {"torch._utils", "_rebuild_tensor_v2"}, {"collections", "OrderedDict"},
        {"torch.jit._pickle", "build_intlist"}, {"torch.jit._pickle", "build_tensorlist"}, {"torch.jit._pickle", "restore_type_tag"},
        {"torch", "device"}, {"__torch__", "Views"}, {"__torch__.torch.classes.quantized", "Conv2dPackedParamsBase"},
        {"os", "system"}, {"builtins", "eval"}, {"__builtin__", "set"}, {"torch", "_C"}};
    private static final String[] STRINGS = {"", "0", "1", "2", "99", "cpu", "cuda", "cuda:99", "meta", "xla", "mps", "../0",
        "weight", "training", "__setstate__", "\u00e9\u4e2d", "a".repeat(1000)};
    private static final int[] INSERTS = {'.', '0', '1', '2', '(', ')', 't', 'R', 'b', 'Q', 'N', 's', 'u', 'e', 'a', ']', '}',
        0x81, 0x85, 0x86, 0x87, 0x8f, 0x90, 0x91, 0x93, 0x94, 'd', 'l'};

    private PickleMutations() {}

    /** Mutates one pickle of the seed (data.pkl mostly) with {@code m}; the zip stays valid. */
    private interface PickleEdit {
        Expect edit(FuzzPickle p, Random r, StringBuilder d);
    }

    private static void register(String kind, boolean tensorsOnly, PickleEdit edit) {
        add(kind, (zip, seed, r, d) -> {
            int i;
            int roll = r.nextInt(8);
            if (tensorsOnly || roll < 5) {
                i = pick(zip, r, rel -> rel.equals("data.pkl"));
                if (tensorsOnly && r.nextBoolean()) {
                    int c = pick(zip, r, rel -> rel.equals("constants.pkl"));
                    i = c >= 0 && !new FuzzPickle(zip.entries.get(c).data).tensors().isEmpty() ? c : i;
                }
            } else if (roll < 6) {
                i = pick(zip, r, rel -> rel.equals("constants.pkl"));
            } else {
                i = pick(zip, r, rel -> rel.endsWith(".debug_pkl"));
            }
            FuzzZip.Entry e = zip.entries.get(i);
            FuzzPickle p = new FuzzPickle(e.data);
            d.append(e.name.substring(e.name.indexOf('/') + 1)).append(": ");
            Expect expect = edit.edit(p, r, d);
            e.data = p.write();
            return expect;
        });
    }

    static void register() {
        register("pickle.int", false, (p, r, d) -> {
            List<Integer> ints = new ArrayList<>();
            for (TensorSite t : p.tensors()) {
                ints.add(t.numel());
                ints.add(t.offset());
                for (int k = 0; k < t.sizes().length; k++) {
                    ints.add(t.sizes()[k]);
                    ints.add(t.strides()[k]);
                }
            }
            if (ints.isEmpty() || r.nextInt(10) < 3) {
                ints = p.values().stream().filter(k -> p.ops.get(k).isInt()).toList();
            }
            if (ints.isEmpty()) {
                return Expect.EITHER;
            }
            int k = ints.get(r.nextInt(ints.size()));
            long old = p.ops.get(k).intValue();
            long v = r.nextInt(4) == 0 ? old + r.nextInt(7) - 3 : oneOf(r, INTERESTING);
            p.ops.set(k, FuzzPickle.integer(v));
            d.append("op ").append(k).append(": ").append(old).append(" -> ").append(v);
            return Expect.EITHER;
        });
        register("pickle.view-out-of-bounds", true, (p, r, d) -> {
            List<TensorSite> sites = p.tensors();
            if (sites.isEmpty()) {
                d.append("no tensor");
                return Expect.EITHER;
            }
            TensorSite t = sites.get(r.nextInt(sites.size()));
            long numel = p.ops.get(t.numel()).intValue();
            int dims = t.sizes().length;
            int variant = dims == 0 ? (r.nextBoolean() ? 0 : 4) : r.nextInt(6);
            int dim = dims == 0 ? 0 : r.nextInt(dims);
            switch (variant) {
                case 0: // the offset at or past the end
                    set(p, t.offset(), BigInteger.valueOf(numel + r.nextInt(3)), d, "offset");
                    break;
                case 1: // one size so large that the view holds more elements than the storage
                    set(p, t.sizes()[dim], BigInteger.valueOf(oneOf(r, numel + 1, 1L << 31, 1L << 40, 1L << 62, Long.MAX_VALUE)), d,
                            "size");
                    break;
                case 2: // a stride whose (size - 1) * stride does not fit in a long, or wraps to a small number
                    long size = Math.max(2, p.ops.get(t.sizes()[dim]).intValue());
                    set(p, t.sizes()[dim], BigInteger.valueOf(size), d, "size");
                    BigInteger wrap = BigInteger.TWO.pow(64).add(BigInteger.TWO).divide(BigInteger.valueOf(size - 1));
                    BigInteger[] strides = {wrap, BigInteger.valueOf(Long.MAX_VALUE), BigInteger.ONE.shiftLeft(62),
                        BigInteger.valueOf(Long.MAX_VALUE / (size - 1) + 1), BigInteger.valueOf(numel)};
                    set(p, t.strides()[dim], strides[r.nextInt(strides.length)], d, "stride");
                    break;
                case 3: // negative
                    int[] where = {t.offset(), t.sizes()[dim], t.strides()[dim]};
                    set(p, where[r.nextInt(3)], BigInteger.valueOf(oneOf(r, -1, -2, Long.MIN_VALUE, Integer.MIN_VALUE)), d, "negative");
                    break;
                case 4: // a storage of fewer elements than its entry and its views
                    set(p, t.numel(), BigInteger.valueOf(r.nextInt((int) Math.max(1, numel))), d, "storage numel");
                    break;
                default: // a storage too large to address or to fit the limit
                    set(p, t.numel(), BigInteger.valueOf(oneOf(r, 1L << 40, 1L << 61, Long.MAX_VALUE)), d, "storage numel");
                    break;
            }
            return Expect.REFUSE;
        });
        register("pickle.storage", true, (p, r, d) -> {
            List<TensorSite> sites = p.tensors();
            if (sites.isEmpty()) {
                return Expect.EITHER;
            }
            TensorSite t = sites.get(r.nextInt(sites.size()));
            // The persistent id is MARK 'storage' [put] GLOBAL [put] key [put] location [put] numel TUPLE BINPERSID.
            List<Integer> strings = new ArrayList<>();
            int type = -1;
            for (int k = t.numel() - 1; k >= 0 && p.ops.get(k).code() != '('; k--) {
                if (p.ops.get(k).code() == 'X') {
                    strings.add(0, k);
                } else if (p.ops.get(k).code() == 'c' || p.ops.get(k).code() == 'h') {
                    type = k;
                }
            }
            if (r.nextBoolean() && type >= 0) {
                String[] g = GLOBALS[r.nextInt(9)];
                p.ops.set(type, FuzzPickle.global(g[0], g[1]));
                d.append("storage type ").append(g[1]);
            } else if (strings.size() == 3) {
                int k = strings.get(1 + r.nextInt(2));
                String s = STRINGS[r.nextInt(STRINGS.length)];
                p.ops.set(k, FuzzPickle.unicode(s));
                d.append(k == strings.get(1) ? "storage key " : "location ").append(s);
            }
            return Expect.EITHER;
        });
        register("pickle.global", false, (p, r, d) -> {
            List<Integer> globals = p.indicesOf('c');
            if (globals.isEmpty()) {
                return Expect.EITHER;
            }
            String[] g = GLOBALS[r.nextInt(GLOBALS.length)];
            p.ops.set(globals.get(r.nextInt(globals.size())), FuzzPickle.global(g[0], g[1]));
            d.append(g[0]).append('.').append(g[1]);
            return Expect.EITHER;
        });
        register("pickle.string", false, (p, r, d) -> {
            List<Integer> strings = p.indicesOf('X');
            if (strings.isEmpty()) {
                return Expect.EITHER;
            }
            String s = STRINGS[r.nextInt(STRINGS.length)];
            p.ops.set(strings.get(r.nextInt(strings.size())), FuzzPickle.unicode(s));
            d.append(s.length() > 20 ? s.length() + " chars" : s);
            return Expect.EITHER;
        });
        register("pickle.opcodes", false, (p, r, d) -> {
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n && p.ops.size() > 2; i++) {
                int k = 1 + r.nextInt(p.ops.size() - 1);
                switch (r.nextInt(4)) {
                    case 0:
                        p.ops.remove(k);
                        d.append("delete ").append(k).append("; ");
                        break;
                    case 1:
                        p.ops.add(k, p.ops.get(k));
                        d.append("duplicate ").append(k).append("; ");
                        break;
                    case 2:
                        Op o = p.ops.get(k);
                        p.ops.set(k, p.ops.get(k - 1));
                        p.ops.set(k - 1, o);
                        d.append("swap ").append(k).append("; ");
                        break;
                    default:
                        int code = INSERTS[r.nextInt(INSERTS.length)];
                        p.ops.add(k, FuzzPickle.simple(code));
                        d.append("insert 0x").append(Integer.toHexString(code)).append(" at ").append(k).append("; ");
                        break;
                }
            }
            return Expect.EITHER;
        });
        register("pickle.deep-nesting", false, (p, r, d) -> {
            if (r.nextInt(4) == 0) {
                boolean dict = r.nextBoolean();
                boolean replaced = replaceValue(p, r, FuzzPickle.selfContaining(dict), d);
                d.append(dict ? " a dict" : " a list").append(" that contains itself");
                return replaced ? Expect.REFUSE : Expect.EITHER;
            }
            int depth = logUniform(r, 100, 200_000);
            boolean lists = r.nextBoolean();
            replaceValue(p, r, lists ? FuzzPickle.nestedLists(depth) : FuzzPickle.nestedTuples(depth), d);
            d.append(lists ? " lists " : " tuples ").append(depth).append(" deep");
            return Expect.EITHER;
        });
        register("pickle.huge-value", false, (p, r, d) -> {
            int kind = r.nextInt(3);
            int n = logUniform(r, 1000, kind == 2 ? 8 << 20 : 300_000);
            List<Op> ops = kind == 0 ? FuzzPickle.hugeList(n) : kind == 1 ? FuzzPickle.hugeDict(n / 3)
                    : List.of(FuzzPickle.unicode("x".repeat(n)));
            replaceValue(p, r, ops, d);
            d.append(kind == 0 ? " list of " : kind == 1 ? " dict of " : " string of ").append(kind == 1 ? n / 3 : n);
            return Expect.EITHER;
        });
        register("pickle.memo", false, (p, r, d) -> {
            List<Integer> gets = p.indicesOf('h');
            int k = gets.isEmpty() ? 1 : gets.get(r.nextInt(gets.size()));
            long index = oneOf(r, 0, 1, 200, 255, 1 << 20, Integer.MAX_VALUE, -1);
            Op op = index >= 0 && index < 256 ? new Op('h', new byte[] {'h', (byte) index})
                    : new Op('j', java.nio.ByteBuffer.allocate(5).order(java.nio.ByteOrder.LITTLE_ENDIAN).put((byte) 'j')
                            .putInt((int) index).array());
            if (gets.isEmpty()) {
                p.ops.add(k, op);
            } else {
                p.ops.set(k, op);
            }
            d.append("get ").append(index).append(" at ").append(k);
            return Expect.EITHER;
        });
        register("pickle.truncated", false, (p, r, d) -> {
            byte[] all = p.write();
            int cut = r.nextInt(all.length);
            p.ops.clear();
            p.ops.add(new Op(-1, java.util.Arrays.copyOf(all, cut)));
            d.append("cut at ").append(cut).append(" of ").append(all.length);
            return Expect.REFUSE;
        });
    }

    private static void set(FuzzPickle p, int k, BigInteger v, StringBuilder d, String what) {
        d.append(what).append(' ').append(p.ops.get(k).intValue()).append(" -> ").append(v).append("; ");
        p.ops.set(k, FuzzPickle.integer(v));
    }

    /** Replaces one plain value op that is not part of a tensor's metadata by {@code ops}; false when there is none. */
    private static boolean replaceValue(FuzzPickle p, Random r, List<Op> ops, StringBuilder d) {
        java.util.Set<Integer> meta = new java.util.HashSet<>();
        for (TensorSite t : p.tensors()) {
            meta.add(t.numel());
            meta.add(t.offset());
            for (int k = 0; k < t.sizes().length; k++) {
                meta.add(t.sizes()[k]);
                meta.add(t.strides()[k]);
            }
        }
        List<Integer> values = p.values().stream().filter(k -> !meta.contains(k)).toList();
        if (values.isEmpty()) {
            d.append("no value");
            return false;
        }
        int k = values.get(r.nextInt(values.size()));
        d.append("op ").append(k);
        p.ops.remove(k);
        p.ops.addAll(k, ops);
        return true;
    }
}
